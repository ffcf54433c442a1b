// The shipped fonts in the browser, fetched only when a PDF is exported (this module is imported by
// the PDF worker alone, never by the editor) and kept in the Cache API for later exports and visits.
// First the GB2312-sized subsets of the four faces; the full Noto Serif SC Light only when the
// report has a character beyond them (a rare character in a name, say).

import kai from 'nianbao-font-subset:kai';
import sans from 'nianbao-font-subset:sans';
import serif from 'nianbao-font-subset:serif';
import serifSemiBold from 'nianbao-font-subset:serifSemiBold';
import fullSerif from '@expo-google-fonts/noto-serif-sc/300Light/NotoSerifSC_300Light.ttf?url';
import type { FontRoleName } from '../../core/index.ts';
import type { ShippedFace } from './faces.ts';

export const SUBSET_FONT_URLS: Record<ShippedFace, string> = { serif, serifSemiBold, sans, kai };
export const FULL_SERIF_URL = fullSerif;
const CACHE_NAME = 'nianbao-fonts-v1';

const loaded = new Map<string, Promise<Uint8Array>>();

/** Fetches the files (each once per worker, from the cache when there), reporting bytes received. */
export async function fetchFonts<K extends string>(urls: Record<K, string>, onBytes?: (received: number, total: number) => void): Promise<Record<K, Uint8Array>> {
  const keys = Object.keys(urls) as K[];
  const received = new Map<K, number>();
  const totals = new Map<K, number>();
  const report = () => onBytes?.(sum(received), sum(totals));
  const cache = typeof caches === 'undefined' ? null : await caches.open(CACHE_NAME).catch(() => null);
  const files = await Promise.all(
    keys.map(async (key) => {
      const url = new URL(urls[key], self.location.href).href;
      let job = loaded.get(url);
      if (!job) {
        job = fetchOne(url, cache, (n, total) => {
          received.set(key, n);
          totals.set(key, total);
          report();
        });
        loaded.set(url, job);
        job.catch(() => loaded.delete(url));
      }
      return [key, await job] as const;
    }),
  );
  return Object.fromEntries(files) as Record<K, Uint8Array>;
}

/**
 * The fonts the administrator installed on the server, by role (none when signed out or offline).
 * Cached like the shipped ones, under a URL that changes when a font is replaced.
 */
export async function fetchInstalledFonts(onBytes?: (received: number, total: number) => void): Promise<Partial<Record<FontRoleName, Uint8Array>>> {
  const res = await fetch('/api/fonts', { credentials: 'same-origin' }).catch(() => null);
  if (!res?.ok) return {};
  const { fonts } = (await res.json()) as { fonts: { role: FontRoleName; installedAt: string }[] };
  return fetchFonts(Object.fromEntries(fonts.map((f) => [f.role, `/api/fonts/${f.role}?v=${encodeURIComponent(f.installedAt)}`])) as Record<FontRoleName, string>, onBytes);
}

const sum = (m: Map<unknown, number>) => [...m.values()].reduce((a, b) => a + b, 0);

async function fetchOne(url: string, cache: Cache | null, progress: (received: number, total: number) => void): Promise<Uint8Array> {
  let response = (await cache?.match(url)) ?? null;
  const fromCache = !!response;
  response ??= await fetch(url);
  if (!response.ok) throw new Error(`字体下载失败（HTTP ${response.status}）：${url}`);
  // Cached while it downloads: put() consumes its own copy of the stream.
  const caching = fromCache ? null : cache?.put(url, response.clone()).catch(() => undefined);
  const total = Number(response.headers.get('content-length') ?? 0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body!.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    chunks.push(r.value);
    size += r.value.length;
    progress(size, Math.max(total, size));
  }
  await caching;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
