// `nianbao check` on report documents, run as a user runs it: the real bin through a child process.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CELL_IDS, type ReportDocument } from '../../src/core/index.ts';
import { publishedText } from '../import/generate.ts';
import { consistentDocument } from '../support/documents.ts';
import { convertWithLibreOffice } from '../support/libreoffice.ts';

const BIN = resolve(import.meta.dirname, '../../bin/nianbao.js');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8' }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
const write = (name: string, doc: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return path;
};

let good: string, bad: string, last: string, goodDoc: ReportDocument;

beforeAll(() => {
  const s = {
    t3: Array.from({ length: 6 }, (_, i) => ({ results: Array.from({ length: 21 }, (_, k) => (i * k) % 2), carriedIn: 0, carriedOut: i % 2 })),
    t4: [
      [1, 1, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ],
    t2: [0, 0, 0, 1, 0, 9, 2, 0, 0],
    fee: 0,
  };
  goodDoc = consistentDocument(s);
  goodDoc.agency.name = '测试县测试局';
  good = write('good.json', goodDoc);
  bad = write('bad.json', { ...goodDoc, cells: { ...goodDoc.cells, 't4.reconsideration.total': 0 } });
  // Last year carried 2 natural-person requests over; this year's report says none came in.
  const carriedOut = Object.fromEntries(['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].map((c) => [`t3.carriedOut.${c}`, 0]));
  last = write('last.json', { ...goodDoc, year: 2023, cells: { ...goodDoc.cells, ...carriedOut, 't3.carriedOut.natural': 2, 't3.carriedOut.total': 2 } });
});

describe('nianbao check --json', () => {
  it('prints the interchange array: all 200 cells, year, agency, no findings; exit 0', async () => {
    const { code, stdout } = await run(['check', good, '--json']);
    expect(code).toBe(0);
    const [r, ...rest] = JSON.parse(stdout);
    expect(rest).toEqual([]);
    expect(Object.keys(r)).toEqual(['file', 'year', 'agency', 'cells', 'findings', 'problems', 'unassessed']);
    expect(r.unassessed).toEqual([]);
    expect(r.file).toBe(good);
    expect(r.year).toBe(2024);
    expect(r.agency).toBe('测试县测试局');
    expect(Object.keys(r.cells)).toEqual([...CELL_IDS]);
    expect(r.cells['t4.reconsideration.total']).toBe(2);
    expect(r.cells['t2.normativeDocs.inForce']).toBe(9);
    expect(r.findings).toEqual([]);
    expect(r.problems).toEqual([]);
  });

  it('a changed cell fires the rule naming it; exit 1', async () => {
    const { code, stdout } = await run(['check', good, bad, '--json']);
    expect(code).toBe(1);
    const [ok, broken] = JSON.parse(stdout);
    expect(ok.findings).toEqual([]);
    expect(broken.findings).toEqual([
      {
        rule: 't4.groupTotal',
        severity: 'error',
        cells: ['t4.reconsideration.upheld', 't4.reconsideration.corrected', 't4.reconsideration.other', 't4.reconsideration.pending', 't4.reconsideration.total'],
        message: '四、行政复议·总计 应为 2（结果维持、结果纠正、其他结果、尚未审结之和），实为 0',
      },
    ]);
  });

  it('--previous runs the carry-over rule (a warning: exit 0)', async () => {
    const { code, stdout } = await run(['check', good, '--previous', last, '--json']);
    expect(code).toBe(0);
    const [r] = JSON.parse(stdout);
    const carry = r.findings.filter((f: { rule: string }) => f.rule === 'carryOver.mismatch');
    expect(carry.map((f: { cells: string[] }) => f.cells)).toEqual([['t3.carriedIn.natural'], ['t3.carriedIn.total']]);
    expect(carry[0].severity).toBe('warning');
  });

  it('an unreadable file exits 2 but the readable ones are still reported', async () => {
    const broken = write('broken.json', '{"schemaVersion": 1, "year": "x"}');
    const { code, stdout, stderr } = await run(['check', good, broken, join(dir, 'missing.json'), '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout).map((r: { file: string }) => r.file)).toEqual([good]);
    expect(stderr).toContain('broken.json：不是有效的年报文档');
    expect(stderr).toContain('missing.json：文件不存在或无法打开');
  });
});

describe('cells that could not be read', () => {
  it('a published text cut off inside table 三: no error, the rules not assessed in --json, the summary and the CSV; the import keeps them unread', async () => {
    const text = publishedText(goodDoc, { layout: 'tab' });
    const cut = write('cut.txt', text.slice(0, text.indexOf('（五）不予处理')));
    const json = await run(['check', cut, '--json', '--summary', join(dir, 'cut.csv')]);
    expect(json.code).toBe(0);
    const [r] = JSON.parse(json.stdout);
    expect(r.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(r.unassessed.length).toBeGreaterThan(0);
    for (const u of r.unassessed) expect(Object.keys(u)).toEqual(['rule', 'cells', 'reason']);
    expect(r.unassessed.map((u: { rule: string }) => u.rule)).toEqual(expect.arrayContaining(['t3.balance', 't3.resultTotal', 't3.rowTotal', 't4.groupTotal']));
    expect(r.cells['t3.declined.complaint.natural']).toBeNull();
    const readable = await run(['check', cut]);
    expect(readable.stdout).toContain(`${r.unassessed.length} 项无法核验`);
    expect(readable.stdout).toMatch(/\[无法核验\] .*未能读取三、（五）1\.信访举报投诉类申请·/);
    const csv = readFileSync(join(dir, 'cut.csv'), 'utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(csv[0]).toBe('文件,机关,年度,错误,提示,未能读取,无法核验,说明');
    expect(csv[1]!.split(',')[6]).toBe(String(r.unassessed.length));
    // The document written by `nianbao import` keeps the distinction: checked again, the same rules are not assessed.
    const imported = join(dir, 'cut.json');
    expect((await run(['import', cut, '-o', imported])).code).toBe(0);
    const again = JSON.parse((await run(['check', imported, '--json'])).stdout)[0];
    expect(again.unassessed).toEqual(r.unassessed);
    expect(again.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });

  it('a published report with a character our fonts lack is not accused of it', async () => {
    const text = publishedText(goodDoc, { layout: 'tab' }).replace('二、主动公开政府信息情况', '本年度群众满意度高👍。\n二、主动公开政府信息情况');
    expect(text).toContain('👍');
    const json = await run(['check', write('emoji.txt', text), '--json']);
    const [r] = JSON.parse(json.stdout);
    expect(r.findings.map((f: { rule: string }) => f.rule)).not.toContain('text.unprintable');
    expect(json.code).toBe(0);
  });

  it('--summary out.xlsx: a workbook LibreOffice reads with the same rows as the CSV', async () => {
    const cut = write('cut2.txt', publishedText(goodDoc, { layout: 'tab' }).slice(0, 2000));
    const csvPath = join(dir, 'both.csv');
    const xlsxPath = join(dir, 'both.xlsx');
    const files = [cut, resolve(import.meta.dirname, '../../seeds/2023-wuzhong-zwfwzx.txt')];
    await run(['check', ...files, '--summary', csvPath]);
    await run(['check', ...files, '--summary', xlsxPath]);
    const fromExcel = new TextDecoder().decode(await convertWithLibreOffice(readFileSync(xlsxPath), 'xlsx', 'csv:Text - txt - csv (StarCalc):44,34,76'));
    const rows = (text: string) =>
      text
        .replace(/^\ufeff/, '')
        .trim()
        .split(/\r?\n/);
    expect(rows(fromExcel)).toEqual(rows(readFileSync(csvPath, 'utf8')));
    expect(rows(fromExcel)).toHaveLength(3);
  });
});

describe('nianbao check (readable summary) and usage', () => {
  it('prints a Chinese summary per file', async () => {
    const { code, stdout } = await run(['check', bad]);
    expect(code).toBe(1);
    expect(stdout).toContain('测试县测试局 2024年');
    expect(stdout).toContain('错误 1 项，提示 0 项');
    expect(stdout).toContain('[错误] 四、行政复议·总计 应为 2');
  });

  it.each([[['check']], [['check', '--bogus', 'x.json']], [['frobnicate']], [[]]])('%j exits 2', async (args) => {
    expect((await run(args)).code).toBe(2);
  });
});
