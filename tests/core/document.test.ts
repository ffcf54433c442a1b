import { describe, expect, it } from 'vitest';
import { checkReport, createBlankDocument, migrate, parseDocument, parseDocumentJson, reportDocumentSchema } from '../../src/core/index.ts';
import { consistentDocument } from '../support/documents.ts';

const valid = () => createBlankDocument({ agency: '某县某局', year: 2024, now: new Date('2025-01-02T03:04:05Z') });
const errorsOf = (json: string) => {
  const r = parseDocumentJson(json);
  if (r.ok) throw new Error('expected a schema error');
  return r.errors.join('\n');
};
const mutate = (f: (raw: Record<string, any>) => void) => {
  const raw = JSON.parse(JSON.stringify(valid()));
  f(raw);
  return JSON.stringify(raw);
};

describe('report document', () => {
  it('round-trips through JSON losslessly', () => {
    const doc = consistentDocument({
      t3: Array.from({ length: 6 }, (_, i) => ({ results: Array.from({ length: 21 }, (_, k) => (i + k) % 3), carriedIn: i, carriedOut: 1 })),
      t4: [
        [1, 0, 0, 1],
        [0, 0, 0, 0],
        [2, 0, 1, 0],
      ],
      t2: [0, 0, 0, 3, 1, 14, 5, 6, 7],
      fee: 1.2345,
    });
    doc.prose['overview.onRequest'] = '全年收到政府信息公开申请若干件。\n第二段。';
    doc.notApplicable = ['t2.licensing.decisions'];
    doc.cellText = { 't3.new.natural': '1２a' };
    doc.origin = { cells: { 't3.carriedIn.natural': 'carriedOver' }, prose: { problems: 'lastYear' } };
    const back = parseDocumentJson(JSON.stringify(doc));
    expect(back).toEqual({ ok: true, document: doc });
  });

  it.each([
    ['a wrong type', (r: any) => (r.year = '2024'), 'year'],
    ['a count given as a string', (r: any) => (r.cells['t3.new.natural'] = '12'), 't3.new.natural'],
    ['a full-width number string', (r: any) => (r.cells['t3.new.natural'] = '１２'), 't3.new.natural'],
    ['a missing field', (r: any) => delete r.agency, 'agency'],
    ['a missing cell', (r: any) => delete r.cells['t4.reconsideration.total'], 't4.reconsideration.total'],
    ['an unknown cell', (r: any) => (r.cells['t3.bogus.natural'] = 1), 't3.bogus.natural'],
    ['an unknown field', (r: any) => (r.extra = 1), 'extra'],
    ['an unknown agency kind', (r: any) => (r.agency.kind = 'bureau'), 'agency.kind'],
    ['a bad date', (r: any) => (r.publication.date = '2025/1/5'), 'publication.date'],
  ])('%s is a schema error naming the field', (_, f, path) => {
    expect(errorsOf(mutate(f))).toContain(path);
  });

  it('a number too large for a double (1e400) is refused as not a number', () => {
    const json = mutate((r) => (r.cells['t3.new.natural'] = 0)).replace('"t3.new.natural":0', '"t3.new.natural":1e400');
    expect(errorsOf(json)).toMatch(/cells\.t3\.new\.natural：无效输入：期望 数字/);
  });

  it('negatives, fractions and unsafe integers load, then fail cell.invalid — nothing crashes', () => {
    const json = mutate((r) => Object.assign(r.cells, { 't3.new.natural': -3, 't3.new.business': 0.5, 't3.new.research': 2 ** 60 }));
    const r = parseDocumentJson(json);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const invalid = checkReport(r.document, { totals: 'asPrinted' }).filter((f) => f.rule === 'cell.invalid');
    expect(invalid.flatMap((f) => f.cells)).toEqual(['t3.new.natural', 't3.new.business', 't3.new.research']);
  });

  it('refuses non-JSON, non-objects and arrays with a Chinese message', () => {
    expect(errorsOf('{"schemaVersion": 1,')).toMatch(/^不是有效的 JSON/);
    expect(errorsOf('[]')).toBe('年报文档应为 JSON 对象');
    expect(errorsOf('null')).toBe('年报文档应为 JSON 对象');
    expect(errorsOf('{}')).toBe('缺少 schemaVersion（文档版本号）');
  });

  it('refuses a 50 MB document before parsing it', () => {
    const big = JSON.stringify({ ...valid(), closing: 'x'.repeat(50 * 1024 * 1024) });
    expect(errorsOf(big)).toMatch(/^文件过大（52\.4 MB）/);
  });

  it('survives deeply nested JSON', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parseDocumentJson(deep)).not.toThrow();
  });

  it('refuses a document from a newer version of the program', () => {
    expect(errorsOf(mutate((r) => (r.schemaVersion = 99)))).toContain('请升级年报系统');
  });

  it('upgrades old documents step by step through the migration hook', () => {
    const v0 = { schemaVersion: 0, agencyName: '某局' };
    const migrations = { 0: (d: Record<string, unknown>) => ({ agency: { name: d.agencyName } }) };
    expect(migrate(v0, migrations, 1)).toEqual({ agency: { name: '某局' }, schemaVersion: 1 });
    expect(() => migrate({ schemaVersion: 0 }, {}, 1)).toThrow('无法从文档版本 0 升级');
  });

  it('the blank document is valid and all its cells are empty', () => {
    const doc = valid();
    expect(reportDocumentSchema.safeParse(doc).success).toBe(true);
    expect(Object.values(doc.cells).every((v) => v === null)).toBe(true);
    expect(parseDocument(doc)).toEqual({ ok: true, document: doc });
  });
});

describe('text bounds', () => {
  it('the report’s text together is capped at 200,000 characters, meta strings at 1,000, with Chinese messages', () => {
    const doc = createBlankDocument({ agency: '市司法局', year: 2024 });
    doc.prose.problems = '字'.repeat(120_000);
    doc.prose.other = '字'.repeat(80_000);
    expect(parseDocument(doc).ok).toBe(true);
    doc.closing = '完';
    const over = parseDocument(doc);
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.errors.join('\n')).toContain('正文共 200,001 字，超过上限 200,000 字');
    const meta = createBlankDocument({ agency: '市司法局', year: 2024 });
    meta.meta.source = 'x'.repeat(1001);
    expect(parseDocument(meta).ok).toBe(false);
  });
});
