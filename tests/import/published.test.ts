// The three real published PDFs: every cell as typed by hand from the page images (expected/*.json),
// the real errors of hongze-2023, and the carry-over from 2023 to 2024.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type CheckResult, checkResult } from '../../src/cli/check.ts';
import { readReport } from '../../src/cli/read-report.ts';
import { expectedCells, published, readExpected, repoRoot } from './support.ts';

const FILES = ['hongze-2023', 'hongze-2024', 'huaian-2024'];
const errorsOf = (r: CheckResult) => r.findings.filter((f) => f.severity === 'error');

describe('published PDFs', () => {
  it.each(FILES)('%s.pdf gives the hand-read cells, agency and year', async (name) => {
    const expected = readExpected(`${name}.json`);
    const result = checkResult(`${name}.pdf`, await readReport(published(`${name}.pdf`)), null);
    expect(result.cells).toEqual(expectedCells(expected));
    expect(result.agency).toBe(expected.agency);
    expect(result.year).toBe(expected.year);
  });

  it('hongze-2023 has exactly the two real t4.groupTotal errors, and its one-row （六） is reported', async () => {
    const result = checkResult('hongze-2023.pdf', await readReport(published('hongze-2023.pdf')), null);
    expect(errorsOf(result).map((f) => [f.rule, f.cells.at(-1)])).toEqual([
      ['t4.groupTotal', 't4.reconsideration.total'],
      ['t4.groupTotal', 't4.litigationAfterReconsideration.total'],
    ]);
    expect(result.findings.filter((f) => f.rule === 'format.outdated')).toHaveLength(1);
    expect(result.problems).toEqual([expect.stringContaining('（六）其他处理')]);
  });

  it('hongze-2024 and huaian-2024 have no errors; 2024 prose "受理…17件" against 95 is a warning', async () => {
    const hz = checkResult('hongze-2024.pdf', await readReport(published('hongze-2024.pdf')), null);
    const ha = checkResult('huaian-2024.pdf', await readReport(published('huaian-2024.pdf')), null);
    expect(errorsOf(hz)).toEqual([]);
    expect(errorsOf(ha)).toEqual([]);
    expect(ha.problems).toEqual([]);
    expect(hz.findings.filter((f) => f.rule === 'text.mismatch').map((f) => f.message)).toEqual([expect.stringContaining('17 件')]);
  });

  it('hongze-2023 → hongze-2024 passes the carry-over rule', async () => {
    const previous = await readReport(published('hongze-2023.pdf'));
    const result = checkResult('hongze-2024.pdf', await readReport(published('hongze-2024.pdf')), previous);
    expect(result.findings.filter((f) => f.rule === 'carryOver.mismatch')).toEqual([]);
    // The rule did run: a previous year with other carry-outs is flagged.
    previous.document.cells['t3.carriedOut.total'] = 4;
    const broken = checkResult('hongze-2024.pdf', await readReport(published('hongze-2024.pdf')), previous);
    expect(broken.findings.filter((f) => f.rule === 'carryOver.mismatch').map((f) => f.cells)).toEqual([['t3.carriedIn.total']]);
  });
});

describe('nianbao check on the published PDFs (the real CLI)', () => {
  it('--json lists every file with all 200 cells, exit 1 for hongze-2023 errors, --summary writes one row per file', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const dir = mkdtempSync(path.join((await import('node:os')).tmpdir(), 'nianbao-check-'));
    const summary = path.join(dir, 'summary.csv');
    const files = FILES.map((f) => published(`${f}.pdf`));
    const run = promisify(execFile)(path.join(repoRoot, 'bin/nianbao.js'), ['check', ...files, '--previous', published('hongze-2023.pdf'), '--json', '--summary', summary], { cwd: repoRoot });
    const error = await run.then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    expect(error?.code).toBe(1);
    const results = JSON.parse(error!.stdout) as CheckResult[];
    expect(results.map((r) => [r.file, Object.keys(r.cells).length, errorsOf(r).length])).toEqual([
      [files[0], 200, 2],
      [files[1], 200, 0],
      [files[2], 200, 0],
    ]);
    const rows = readFileSync(summary, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('文件,机关,年度,错误,提示,未能读取,无法核验,说明');
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 6))).toEqual([
      [files[0], '洪泽区人民政府', '2023', '2', expect.any(String), '1'],
      [files[1], '淮安市洪泽区人民政府', '2024', '0', expect.any(String), '1'],
      [files[2], '淮安市人民政府', '2024', '0', expect.any(String), '0'],
    ]);
  });
});
