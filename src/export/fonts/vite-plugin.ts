// Vite plugin: `import url from 'nianbao-font-subset:serif'` gives the URL of a GB2312-sized
// subset of a shipped face (3 MB instead of 15 MB), made at build time (or on first request in
// dev) and cached under node_modules/.cache. Vite's own asset handling then hashes and emits it.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { commonCodePoints } from './charset.ts';
import { SHIPPED_FACES, type ShippedFace } from './faces.ts';
import { subsetFont } from './subset.ts';
import { sfntFromWoff } from './woff.ts';

const PREFIX = 'nianbao-font-subset:';
/** Bump when the subset's content rules change, so stale cached files are not reused. */
const VERSION = 1;

export function fontSubsets(): Plugin {
  const require = createRequire(import.meta.url);
  const pending = new Map<string, Promise<string>>();
  const make = (face: ShippedFace, root: string) => {
    const out = join(root, 'node_modules/.cache/nianbao-fonts', `${face}-gb2312-v${VERSION}.ttf`);
    let job = pending.get(out);
    if (!job) {
      job = (async () => {
        if (
          await stat(out).then(
            () => true,
            () => false,
          )
        )
          return out;
        const bytes = sfntFromWoff(new Uint8Array(await readFile(require.resolve(SHIPPED_FACES[face].file))));
        await mkdir(join(out, '..'), { recursive: true });
        await writeFile(out, subsetFont(bytes, commonCodePoints()));
        return out;
      })();
      pending.set(out, job);
    }
    return job;
  };
  let root = process.cwd();
  return {
    name: 'nianbao-font-subsets',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const face = id.slice(PREFIX.length + 1);
      if (!(face in SHIPPED_FACES)) this.error(`unknown font face ${face}`);
      const file = await make(face as ShippedFace, root);
      return `export { default } from ${JSON.stringify(`${file}?url`)};`;
    },
  };
}
