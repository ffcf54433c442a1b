// The office's bulk check in Chromium against the production build: the repository's published
// reports (the three real PDFs, the seeds' text and documents), a .zip of some of them, and two
// files that cannot be read are checked in the browser's Web Workers; the results exported as JSON
// and CSV equal what `nianbao check --json` and `--summary` say about the same files; kept on the
// server at the office's choice, they download again the same.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/import/check.ts';
import { setupAdmin } from '../server/support/client.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { E2E_PASSWORD, withE2E } from '../support/e2e.ts';

const root = resolve(import.meta.dirname, '../..');
const BIN = join(root, 'bin/nianbao.js');
const PUBLISHED = resolve(root, '../shared/fixtures/published');
const e2e = withE2E();
const scratch = e2e.scratch;
const files = join(scratch, 'files');

let page: Page;
let names: string[] = [];

/** `nianbao check` run as a user runs it, in the folder of the files; its exit code is not the point here. */
function cli(args: string[]): Promise<string> {
  return new Promise((done, fail) =>
    execFile(process.execPath, [BIN, 'check', ...args], { cwd: files, encoding: 'utf8', maxBuffer: 64 << 20 }, (err, stdout) => (err && typeof err.code !== 'number' ? fail(err) : done(stdout))),
  );
}

async function downloaded(button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFileSync(await download.path(), 'utf8');
}

beforeAll(async () => {
  mkdirSync(files);
  for (const f of readdirSync(PUBLISHED)) copyFileSync(join(PUBLISHED, f), join(files, f));
  for (const f of readdirSync(join(root, 'seeds')).filter((f) => /\.(txt|json)$/.test(f))) copyFileSync(join(root, 'seeds', f), join(files, f));
  // What an office also gets: a damaged PDF and an old Word file.
  writeFileSync(join(files, 'damaged.pdf'), '%PDF-1.7\nnot really a pdf');
  writeFileSync(join(files, 'old-format.doc'), 'binary word 97');
  names = readdirSync(files).sort();
  const admin = await setupAdmin(e2e.base);
  const gov = (await admin.get('/api/agencies')).body.agencies[0].id as string;
  await admin.post('/api/users', { username: 'office', displayName: '王审核', password: E2E_PASSWORD, role: 'reviewer', agencyId: gov });
  page = await e2e.newPage({ width: 1366, height: 768 });
  await e2e.signIn(page, 'office');
  await page.getByRole('link', { name: '政务公开工作' }).click();
  await page.getByRole('link', { name: '批量检查' }).click();
  await page.getByRole('heading', { name: '批量检查已发布的年报' }).waitFor();
});

describe('bulk check in the browser', () => {
  it('checks the sample published files with the same findings as nianbao check', async () => {
    await page.getByLabel('选择文件').setInputFiles(names.map((n) => join(files, n)));
    await page.locator('[data-bulk-state="done"]').waitFor({ timeout: 300_000 });
    const inBrowser = JSON.parse(await downloaded('导出 JSON')) as CheckResult[];
    const byCli = JSON.parse(await cli(['--json', ...names])) as CheckResult[];
    expect(inBrowser.map((r) => r.file)).toEqual(names.filter((n) => !/^(damaged|old-format)/.test(n)));
    expect(inBrowser).toEqual(byCli);
    // 洪泽区 2023 printed two wrong 总计 in table 四.
    expect(inBrowser.find((r) => r.file === 'hongze-2023.pdf')!.findings.filter((f) => f.severity === 'error')).toHaveLength(2);

    const summaryPath = join(scratch, 'summary.csv');
    await cli([...names, '--summary', summaryPath]);
    expect(await downloaded('导出 CSV')).toBe(readFileSync(summaryPath, 'utf8'));

    const damaged = page.locator('tr[data-file="damaged.pdf"]');
    await expect(damaged.textContent()).resolves.toContain('无法读取');
    await damaged.getByRole('button', { name: '查看' }).click();
    await page.getByText('不是有效的 PDF 文件，或文件已损坏').waitFor();

    const hongze = page.locator('tr[data-file="hongze-2023.pdf"]');
    await hongze.getByRole('button', { name: '查看' }).click();
    await page.getByText(inBrowser.find((r) => r.file === 'hongze-2023.pdf')!.findings.find((f) => f.severity === 'error')!.message).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e2e.shot(page, '33-bulk-check', { top: true });
  });

  it('keeps the results on the server when the office chooses; they download again as exported', async () => {
    const csv = await downloaded('导出 CSV');
    const json = await downloaded('导出 JSON');
    const kept = page.getByRole('region', { name: '保存在服务器上的检查结果' });
    await kept.getByText(/年度还没有保存的检查结果/).waitFor();
    await kept.getByRole('button', { name: /^把本次结果保存到 \d{4} 年度$/ }).click();
    await kept.getByText(`已保存 ${names.length} 个文件的检查结果。`).waitFor();
    const row = kept.locator('tbody tr');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain('王审核');
    const again = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: button, exact: true }).click()]);
      return readFileSync(await download.path(), 'utf8');
    };
    expect(await again('CSV')).toBe(csv);
    expect(await again('JSON')).toBe(json);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await kept.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await e2e.shot(page, '44-bulk-check-kept');
  });

  it('checks the files inside a .zip, each as if dropped on its own', async () => {
    await page.getByRole('button', { name: '清空' }).click();
    const inside = ['2022-hongsibu-zfb.txt', 'hongze-2024.pdf'];
    const zip = zipSync({ '__MACOSX/._x': new Uint8Array(1), ...Object.fromEntries(inside.map((n) => [`2025/${n}`, readFileSync(join(files, n))])) });
    writeFileSync(join(scratch, 'all.zip'), zip);
    await page.getByLabel('选择文件').setInputFiles(join(scratch, 'all.zip'));
    await page.locator('[data-bulk-state="done"]').waitFor({ timeout: 300_000 });
    const inBrowser = JSON.parse(await downloaded('导出 JSON')) as CheckResult[];
    const byCli = JSON.parse(await cli(['--json', ...inside])) as CheckResult[];
    expect(inBrowser).toEqual(byCli.map((r) => ({ ...r, file: `all.zip/2025/${r.file}` })));
  });
});
