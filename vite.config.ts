import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { fontSubsets } from './src/export/fonts/vite-plugin.ts';

/** pdf.js's character maps (for PDFs with predefined Chinese CMaps), served at /pdfjs/cmaps/ from the build. */
function pdfjsCmaps(): Plugin {
  const dir = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
  return {
    name: 'pdfjs-cmaps',
    apply: 'build',
    generateBundle() {
      for (const name of readdirSync(dir)) this.emitFile({ type: 'asset', fileName: `pdfjs/cmaps/${name}`, source: readFileSync(join(dir, name)) });
    },
  };
}

export default defineConfig({
  plugins: [react(), pdfjsCmaps()],
  build: {
    outDir: 'dist',
    // Source maps are not shipped: they would hand anyone the app's source with comments.
    sourcemap: false,
    // Only the lazily loaded export and import libraries (docx, pdf-lib, pdf.js) exceed Vite's 500 kB
    // advice; the editor's first load is measured by bench/app.bench.ts (≤ 250 KB gzip) instead.
    chunkSizeWarningLimit: 2_500,
  },
  // The PDF worker loads GB2312-sized subsets of the shipped fonts (src/export/fonts/vite-plugin.ts).
  worker: { plugins: () => [fontSubsets()] },
  test: {
    setupFiles: ['tests/support/setup.ts'],
    // Ceilings, not expectations: a test waits on conditions, and only a hang should ever reach these,
    // even on a slow machine with both cores busy.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    projects: [
      // The app-component tests share one real server, started only when one of them runs. Vitest
      // queues files project by project in name order: 'other' < 'webapp', so the server starts
      // while the other tests run instead of keeping the workers waiting at the start. Worker threads
      // start them faster than processes; 'other' keeps processes (hostile.test.ts measures its RSS).
      { extends: true, test: { name: 'webapp', include: ['tests/app/**/*.test.{ts,tsx}'], globalSetup: ['tests/app/app-server.global.ts'], pool: 'threads' } },
      { extends: true, test: { name: 'other', include: ['tests/!(app)/**/*.test.{ts,tsx}'] } },
    ],
  },
});
