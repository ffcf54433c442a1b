import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { fontSubsets } from './src/export/fonts/vite-plugin.ts';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true },
  // The PDF worker loads GB2312-sized subsets of the shipped fonts (src/export/fonts/vite-plugin.ts).
  worker: { plugins: () => [fontSubsets()] },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
