// DOCX → PDF (and XLSX → HTML) through LibreOffice (soffice --headless), for round-trip tests and
// for looking at pages.
// The machine has no CJK system fonts by design; a private fontconfig file adds the shipped faces
// (Noto Serif SC, Noto Sans SC, LXGW WenKai) from node_modules and maps the official font names onto
// them, as the PDF export does (src/export/fonts/faces.ts), so pages show
// real Chinese glyphs without installing anything system-wide.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTemplate } from '../../src/core/index.ts';
import { sfntFromWoff } from '../../src/export/fonts/woff.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SERIF_DIR = join(ROOT, 'node_modules/@expo-google-fonts/noto-serif-sc/300Light');
const SERIF_SEMIBOLD_DIR = join(ROOT, 'node_modules/@expo-google-fonts/noto-serif-sc/600SemiBold');
const SANS_DIR = join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular');
/** LibreOffice ignores WOFF files: the Kai face goes to it unpacked as TrueType (written once). */
const KAI_DIR = join(tmpdir(), 'nianbao-lo-fonts');
const KAI_WOFF = join(ROOT, 'node_modules/@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff');

async function writeKaiTtf(): Promise<void> {
  const target = join(KAI_DIR, 'LXGWWenKai-Regular.ttf');
  if (
    await stat(target).then(
      () => true,
      () => false,
    )
  )
    return;
  await mkdir(KAI_DIR, { recursive: true });
  // Written under a temporary name and renamed, so a parallel test never sees half a font.
  const partial = `${target}.${process.pid}`;
  await writeFile(partial, sfntFromWoff(new Uint8Array(await readFile(KAI_WOFF))));
  await rename(partial, target);
}
/** Shared across calls so the 10–15 MB faces are scanned once, not on every conversion. */
const FONT_CACHE = join(tmpdir(), 'nianbao-fontconfig-cache');

export const SOFFICE = process.env.SOFFICE_PATH ?? 'soffice';

/** Official names (from the page style) plus the common substitutes users pick in DocxOptions.fonts. */
function aliasedFamilies(): string[] {
  const names = Object.values(getTemplate().pageStyle.roles).map((r) => r.font);
  return [...new Set([...names, '仿宋', '楷体', '宋体', '黑体', 'FangSong', 'KaiTi', 'SimSun', 'SimHei'])];
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A fonts.conf that keeps the system configuration and adds the Noto CJK faces under the official names. */
export function fontsConf(): string {
  const aliases = aliasedFamilies()
    .map((family) => {
      // 小标宋 is a heavy Song face: the semibold serif is the closest open look-alike; 仿宋 is thin.
      const target = /黑|Hei/.test(family) ? 'Noto Sans SC' : /小标宋/.test(family) ? 'Noto Serif SC SemiBold' : /楷|Kai/.test(family) ? 'LXGW WenKai' : 'Noto Serif SC Light';
      return `  <match target="pattern"><test name="family"><string>${xmlEscape(family)}</string></test><edit name="family" mode="assign" binding="strong"><string>${target}</string></edit></match>`;
    })
    .join('\n');
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <cachedir>${xmlEscape(FONT_CACHE)}</cachedir>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${xmlEscape(SERIF_DIR)}</dir>
  <dir>${xmlEscape(SERIF_SEMIBOLD_DIR)}</dir>
  <dir>${xmlEscape(SANS_DIR)}</dir>
  <dir>${xmlEscape(KAI_DIR)}</dir>
${aliases}
</fontconfig>
`;
}

export interface ConvertOptions {
  /** Give up (and kill soffice) after this long; the first run on a machine builds the font cache. */
  timeoutMs?: number;
}

/** Converts a DOCX (path or bytes) to PDF bytes. Each call uses its own profile, so calls may run in parallel. */
export async function convertDocxToPdf(input: string | Uint8Array, options: ConvertOptions = {}): Promise<Uint8Array> {
  return convertWithLibreOffice(typeof input === 'string' ? await readFile(input) : input, 'docx', 'pdf', options);
}

/** Converts a file of type `from` (its extension) with LibreOffice to `to` (pdf, html, csv …). */
export async function convertWithLibreOffice(input: Uint8Array, from: string, to: string, options: ConvertOptions = {}): Promise<Uint8Array> {
  const work = await mkdtemp(join(tmpdir(), 'nianbao-lo-'));
  try {
    const source = join(work, `report.${from}`);
    await writeFile(source, input);
    const conf = join(work, 'fonts.conf');
    await writeKaiTtf();
    await writeFile(conf, fontsConf());
    await mkdir(FONT_CACHE, { recursive: true });
    const outDir = join(work, 'out');
    const args = ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', to, '--outdir', outDir, source];
    const { code, output, timedOut } = await run(SOFFICE, args, { ...process.env, FONTCONFIG_FILE: conf }, options.timeoutMs ?? 120_000);
    if (timedOut) throw new Error(`soffice did not finish within ${options.timeoutMs ?? 120_000} ms\n${output}`);
    try {
      return new Uint8Array(await readFile(join(outDir, `report.${to.split(':')[0]}`)));
    } catch {
      throw new Error(`soffice exited with ${code} and wrote no ${to}\n${output}`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolvePromise, reject) => {
    // Own process group: soffice forks soffice.bin, and a timeout must stop both.
    const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${cmd}: ${e.message} (is LibreOffice installed?)`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output, timedOut });
    });
  });
}
