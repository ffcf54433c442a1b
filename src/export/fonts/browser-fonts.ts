// The shipped fonts in the browser: emitted by Vite as separate hashed assets and fetched only when a
// PDF is exported (this module is imported by the PDF worker alone, never by the editor), then kept
// in the Cache API so later exports, and later visits, read them locally.
import serif from '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf?url';
import serifSemiBold from '@expo-google-fonts/noto-serif-sc/600SemiBold/NotoSerifSC_600SemiBold.ttf?url';
import sans from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import type { ShippedFace } from './faces.ts';

export const SHIPPED_FONT_URLS: Record<ShippedFace, string> = { serif, serifSemiBold, sans };
const CACHE_NAME = 'nianbao-fonts-v1';

let loaded: Promise<Record<ShippedFace, Uint8Array>> | null = null;

/** Downloads (or reads from cache) the three faces once per worker; reports bytes received. */
export function fetchShippedFonts(onBytes?: (received: number, total: number) => void): Promise<Record<ShippedFace, Uint8Array>> {
  loaded ??= (async () => {
    const faces = Object.keys(SHIPPED_FONT_URLS) as ShippedFace[];
    const received = new Map<ShippedFace, number>();
    const totals = new Map<ShippedFace, number>();
    const report = () => onBytes?.([...received.values()].reduce((a, b) => a + b, 0), [...totals.values()].reduce((a, b) => a + b, 0));
    const cache = typeof caches === 'undefined' ? null : await caches.open(CACHE_NAME).catch(() => null);
    const bytes = await Promise.all(
      faces.map(async (face) => {
        const url = new URL(SHIPPED_FONT_URLS[face], self.location.href).href;
        let response = (await cache?.match(url)) ?? null;
        const fromCache = !!response;
        response ??= await fetch(url);
        if (!response.ok) throw new Error(`字体下载失败（${response.status}）：${url}`);
        // Cached while it downloads: put() consumes its own copy of the stream.
        const caching = fromCache ? null : cache?.put(url, response.clone()).catch(() => undefined);
        totals.set(face, Number(response.headers.get('content-length') ?? 0));
        const data = await readAll(response, (n) => {
          received.set(face, n);
          report();
        });
        await caching;
        return [face, data] as const;
      }),
    );
    return Object.fromEntries(bytes) as Record<ShippedFace, Uint8Array>;
  })();
  loaded.catch(() => (loaded = null));
  return loaded;
}

async function readAll(response: Response, progress: (received: number) => void): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    chunks.push(r.value);
    size += r.value.length;
    progress(size);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
