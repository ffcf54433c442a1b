// Reading a font file in Node with what is slow to derive from it, kept under
// node_modules/.cache/nianbao/fonts: its plain-text analysis (plain-layout.ts), so that a CLI run does
// not read the font's GSUB again, and a WOFF file's unpacked sfnt (woff.ts: inflating the 10 MB Kai
// face took a third of a PDF export). The cache is keyed by the file's identity — real path, device,
// inode, size, and mtime and ctime to the nanosecond — and by the versions of the code that derives
// the entry, so a font file changed or replaced in any way misses; an entry is written whole (temp
// file + rename) or not. A lookup reads synchronously: a few small reads that nothing overlaps with,
// each of which would otherwise wait an event-loop turn for the thread pool.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { commonCodePoints } from './charset.ts';
import { wholeFont } from './glyph-bytes.ts';
import { packageDir } from './installed.ts';
import { identityOf, readFontLazily } from './lazy-read.ts';
import { analyzePlainText, type CodePoints, type PlainText, registerPlainText } from './plain-layout.ts';

/** Bump when analyzePlainText's answer may change for the same font. */
const ANALYSIS_VERSION = 3;
/** Bump when sfntFromWoff's output may change for the same file. */
const UNPACK_VERSION = 1;

const require = createRequire(import.meta.url);
/** node:fs/promises, loaded when first used: a command that finds its fonts cached never needs it. */
const fsp = (): typeof import('node:fs/promises') => require('node:fs/promises');
const versions = new Map<string, string>();
const versionOf = (name: string): string => {
  let version = versions.get(name);
  if (!version) versions.set(name, (version = (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version));
  return version;
};

export const DEFAULT_FONT_CACHE = join(packageDir('fontkit'), '..', '.cache', 'nianbao', 'fonts');

type Ranges = number[];
interface Entry {
  key: string;
  tags: Record<string, string>;
  usable: Ranges;
  shaped: Record<string, Ranges>;
}

type Identity = string;

/** The file's bytes and identity, or its bytes alone when it changed while it was read. */
async function readStable(path: string): Promise<{ bytes: Uint8Array; identity: Identity | null }> {
  const { stat, readFile } = fsp();
  const before = await stat(path, { bigint: true });
  const buffer = await readFile(path);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const after = await stat(path, { bigint: true });
  const stable = identityOf(before) === identityOf(after) && after.size === BigInt(bytes.length);
  return { bytes, identity: stable ? identityOf(after) : null };
}

/**
 * An entry's path: named by the font file's name and identity (its device and inode make it one file
 * of this machine) and by the versions of the code that derived the entry. Not a hash of the key:
 * Node's crypto module took a CLI start ~2 ms to load.
 */
const entryFile = (cacheDir: string, realPath: string, identity: Identity, derivation: string, extension: string) =>
  join(cacheDir, `${basename(realPath).slice(0, 80)}.${identity.replaceAll(':', '-')}.${derivation}.${extension}`);

/**
 * The font file's bytes, with its analysis registered for them (from the cache, else made and
 * cached). A file that changes while it is read, or that fontkit cannot parse, gets no analysis:
 * its text is then shaped as usual (and an unusable font is reported by the PDF export).
 * `lazily`: a TrueType face's outlines are read as glyphs are used (lazy-read.ts), for the fonts
 * a process keeps (the file stays open) and reads only through createFont.
 */
export async function readFontFile(path: string, cacheDir = DEFAULT_FONT_CACHE, lazily = false): Promise<Uint8Array> {
  const { bytes, identity } = lazily ? readFontLazily(path) : await readStable(path);
  if (!identity) return bytes;
  const versions = { analysis: ANALYSIS_VERSION, fontkit: versionOf('fontkit'), unicodeProperties: versionOf('unicode-properties') };
  const realPath = realpathSync(path);
  const key = JSON.stringify({ ...versions, file: realPath, identity });
  const file = entryFile(cacheDir, realPath, identity, Object.values(versions).join('-'), 'json');
  let table = readEntry(file, key);
  if (!table) {
    let analysed: PlainText<Set<number>>;
    try {
      analysed = analyzePlainText(fontkit.create(wholeFont(bytes)), commonCodePoints());
    } catch {
      return bytes;
    }
    await writeEntry(
      file,
      JSON.stringify({
        key,
        tags: Object.fromEntries(analysed.tags),
        usable: toRanges(analysed.usable),
        shaped: Object.fromEntries([...analysed.shaped].map(([tag, cps]) => [tag, toRanges(cps)])),
      } satisfies Entry),
    );
    table = analysed;
  }
  registerPlainText(bytes, table);
  return bytes;
}

/**
 * A WOFF font file unpacked to TrueType/OpenType (any other file as it is): from the cache while the
 * file is unchanged, else unpacked and cached. The entry is named by the file's identity; it is
 * complete (renamed into place only once written). The unpacked
 * face is read from its entry as readFontFile reads a font file (`lazily` too), with its plain-text
 * analysis (cached beside it); only when the cache cannot be written does it go without.
 */
export async function readWoffFile(path: string, cacheDir = DEFAULT_FONT_CACHE, lazily = false): Promise<Uint8Array> {
  const entry = (identity: Identity) => entryFile(cacheDir, realpathSync(path), identity, `unpack${UNPACK_VERSION}`, 'sfnt');
  const fromEntry = (identity: Identity) => readFontFile(entry(identity), cacheDir, lazily).catch(() => null);
  const cached = await fromEntry(identityOf(statSync(path, { bigint: true })));
  if (cached) return cached;
  const { bytes, identity } = await readStable(path);
  // Loaded only here: the unpacker's inflate tables cost every start that finds the face cached.
  const { sfntFromWoff } = await import('./woff.ts');
  const sfnt = sfntFromWoff(bytes);
  if (!identity || sfnt === bytes) return sfnt;
  // Cached under the identity the bytes were read with (a file replaced since the first stat misses next time).
  await writeEntry(entry(identity), sfnt);
  return (await fromEntry(identity)) ?? sfnt;
}

function readEntry(file: string, key: string): PlainText | null {
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
  } catch {
    return null; // absent, or not written by this code
  }
  if (entry.key !== key) return null;
  return {
    tags: new Map(Object.entries(entry.tags)),
    usable: fromRanges(entry.usable),
    shaped: new Map(Object.entries(entry.shaped).map(([tag, ranges]) => [tag, fromRanges(ranges)])),
  };
}

/** Entries this process has written: with its pid, a temporary file name no other writer uses. */
let writes = 0;

/** Best effort: a cache that cannot be written (a read-only install) only costs the next run time. */
async function writeEntry(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}-${++writes}.tmp`;
  const { mkdir, writeFile, rename, rm } = fsp();
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}

/** Code points as [first, count] pairs, flattened. */
function toRanges(cps: Iterable<number>): Ranges {
  const out: Ranges = [];
  for (const cp of [...cps].sort((a, b) => a - b)) {
    const last = out.length - 2;
    if (last >= 0 && out[last]! + out[last + 1]! === cp) out[last + 1] = out[last + 1]! + 1;
    else out.push(cp, 1);
  }
  return out;
}

/**
 * Code points from [first, count] pairs, as a bitmap: a face has ~8,000 usable code points, and four
 * faces are read at every start (filling Sets with them took a CLI PDF export ~8 ms, and its
 * collector more).
 */
function fromRanges(ranges: Ranges): CodePoints {
  let end = 0;
  for (let i = 0; i < ranges.length; i += 2) end = Math.max(end, ranges[i]! + ranges[i + 1]!);
  const bits = new Uint8Array((end + 7) >> 3);
  for (let i = 0; i < ranges.length; i += 2) for (let cp = ranges[i]!, last = cp + ranges[i + 1]!; cp < last; cp++) bits[cp >> 3]! |= 1 << (cp & 7);
  return { has: (cp) => (((bits[cp >> 3] ?? 0) >> (cp & 7)) & 1) === 1 };
}
