// The app as users get it: a production `vite build` served by the real server (Hono, the API,
// the setup page) on a fresh embedded database, on a free loopback port. Shared by the end-to-end
// tests and the editor benchmark.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { build } from 'vite';
import { createApp } from '../../src/server/app.ts';
import { openDatabase } from '../../src/server/db/open.ts';

const root = resolve(import.meta.dirname, '../..');

export interface ServedApp {
  url: string;
  outDir: string;
  /** Stops answering (the listener closes, open connections are cut): the server is unreachable. */
  stop(): Promise<void>;
  /** Answers again on the same port, with the same data. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function serveApp(): Promise<ServedApp> {
  const outDir = mkdtempSync(join(tmpdir(), 'nianbao-app-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-data-'));
  await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const db = await openDatabase({ dataDir });
  const app = createApp({ db, distDir: outDir });
  let port = 0;
  let server: Server | null = null;
  const listen = () =>
    new Promise<void>((done) => {
      server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
        port = info.port;
        done();
      }) as Server;
    });
  const stop = () =>
    new Promise<void>((done) => {
      if (!server) return done();
      server.close(() => done());
      server.closeAllConnections();
      server = null;
    });
  await listen();
  return {
    url: `http://127.0.0.1:${port}/`,
    outDir,
    stop,
    start: listen,
    async close() {
      await stop();
      await db.close();
      rmSync(outDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
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
