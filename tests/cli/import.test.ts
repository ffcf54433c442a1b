// `nianbao import`, run as a user runs it: a published report in, a report document out, and what
// could not be read said on stderr.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentJson } from '../../src/core/index.ts';

const root = resolve(import.meta.dirname, '../..');
const BIN = join(root, 'bin/nianbao.js');
const PUBLISHED = resolve(root, '../shared/fixtures/published/hongze-2023.pdf');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('nianbao import', () => {
  it('reads a seed text into the hand-verified document, cell for cell', async () => {
    const out = join(dir, 'zhongwei.json');
    const { code, stderr } = await run(['import', join(root, 'seeds/2022-zhongwei-spfw.txt'), '-o', out]);
    expect(code).toBe(0);
    expect(stderr).toContain('已完整读取');
    const parsed = parseDocumentJson(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const expected = JSON.parse(readFileSync(join(root, 'seeds/2022-zhongwei-spfw.json'), 'utf8'));
    expect(parsed.document.cells).toEqual(expected.cells);
    expect(parsed.document.agency.name).toBe('中卫市审批服务管理局');
  });

  it.skipIf(!existsSync(PUBLISHED))('says on stderr what a published PDF did not give', async () => {
    const { code, stdout, stderr } = await run(['import', PUBLISHED]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).year).toBe(2023);
    expect(stderr).toContain('“（六）其他处理”按2019年试行格式印成一行');
  });

  it('refuses a file that is not a report with exit 2', async () => {
    const junk = join(dir, 'junk.txt');
    writeFileSync(junk, 'hello');
    const { code, stderr } = await run(['import', junk]);
    expect(code).toBe(2);
    expect(stderr).toContain('无法读取');
  });
});
