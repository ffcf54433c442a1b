// The app as users get it: a production `vite build` served by `vite preview` on a free loopback
// port. Shared by the end-to-end test and the editor benchmark.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';

const root = resolve(import.meta.dirname, '../..');

export interface ServedApp {
  url: string;
  outDir: string;
  close(): Promise<void>;
}

export async function serveApp(): Promise<ServedApp> {
  const outDir = mkdtempSync(join(tmpdir(), 'nianbao-app-'));
  await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return {
    url,
    outDir,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * The machine has no CJK system font (on purpose). For screenshots a person can read, point
 * Chromium's fontconfig at the Noto Sans/Serif SC files from node_modules; call before launching.
 * Returns the function that undoes it.
 */
export function useNotoFontsForChromium(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-fc-'));
  mkdirSync(join(dir, 'cache'));
  const faces = ['noto-sans-sc/400Regular', 'noto-sans-sc/700Bold', 'noto-serif-sc/400Regular'].map((f) => join(root, 'node_modules/@expo-google-fonts', f));
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${faces.map((f) => `<dir>${f}</dir>`).join('\n')}
<cachedir>${join(dir, 'cache')}</cachedir></fontconfig>`,
  );
  const before = process.env.FONTCONFIG_FILE;
  process.env.FONTCONFIG_FILE = conf;
  return () => {
    if (before === undefined) delete process.env.FONTCONFIG_FILE;
    else process.env.FONTCONFIG_FILE = before;
    rmSync(dir, { recursive: true, force: true });
  };
}
