// The five seed reports: hand transcriptions of real published reports, the ground truth the
// importers are tested against. Guards that they stay valid, clean and faithful to the text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CELL_IDS, type CellId, cellEntries, checkReport, parseDocumentJson, type ReportDocument } from '../../src/core/index.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const seedsDir = path.join(repoRoot, 'seeds');
const sharedSeeds = path.resolve(repoRoot, '../shared/seeds');

/** Seed name → the published text's file name in ../shared/seeds. */
const SOURCES: Record<string, string> = {
  '2022-shapotou-zwfwzx': '000_4dd3a57cffab60e6.txt',
  '2023-wuzhong-zwfwzx': '001_17306181f9b38851.txt',
  '2022-hongsibu-zfb': '002_0a0f92715d043311.txt',
  '2022-zhongzhan-zwsj': '003_df727756f9ba5517.txt',
  '2022-zhongwei-spfw': '004_cc7d447116920277.txt',
};
const NAMES = Object.keys(SOURCES);

function load(name: string): ReportDocument {
  const result = parseDocumentJson(readFileSync(path.join(seedsDir, `${name}.json`), 'utf8'));
  if (!result.ok) throw new Error(`${name}.json: ${result.errors.join('; ')}`);
  return result.document;
}

/** Values read off the published text by hand, cell by cell. */
const SPOT: Record<string, Partial<Record<CellId, number | null>>> = {
  '2022-shapotou-zwfwzx': {
    't2.normativeDocs.inForce': 0,
    't2.fees.amount': 0,
    't3.new.total': 0,
    't3.withheld.threeSecurity.natural': 0,
    't3.total.total': 0,
    't4.litigationAfterReconsideration.total': 0,
  },
  '2023-wuzhong-zwfwzx': {
    't3.new.natural': 1,
    't3.new.total': 1,
    't3.unable.notHeld.natural': 1,
    't3.unable.notHeld.total': 1,
    't3.granted.natural': 0,
    't3.total.total': 1,
    't3.carriedOut.total': 0,
  },
  '2022-hongsibu-zfb': {
    't2.normativeDocs.issued': 3,
    't2.normativeDocs.repealed': 11,
    't2.normativeDocs.inForce': 14,
    't3.new.natural': 5,
    't3.carriedIn.natural': null,
    't3.carriedIn.total': 0,
    't3.granted.natural': null,
    't3.granted.total': 0,
    't3.partlyGranted.natural': 2,
    't3.unable.notHeld.total': 2,
    't3.declined.complaint.natural': 1,
    't3.total.total': 5,
  },
  '2022-zhongzhan-zwsj': {
    't3.granted.natural': null,
    't3.granted.otherOrg': null,
    't3.granted.total': 0,
    't3.partlyGranted.natural': 0,
    't3.new.total': 0,
    't2.fees.amount': 0,
  },
  '2022-zhongwei-spfw': {
    't2.normativeDocs.issued': 0,
    't2.normativeDocs.inForce': 7,
    't3.otherHandling.misc.natural': 0,
    't3.total.total': 0,
    't4.reconsideration.total': 0,
  },
};

/** Cells printed blank in the published text (see seeds/README.md). */
const BLANKS: Record<string, string[]> = {
  '2022-hongsibu-zfb': ['t3.carriedIn.natural', 't3.granted.natural'],
  '2022-zhongzhan-zwsj': ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg'].map((c) => `t3.granted.${c}`),
};

describe('seed reports', () => {
  it('has exactly the five seeds, each as text and as document', () => {
    const files = readdirSync(seedsDir)
      .filter((f) => /\.(json|txt)$/.test(f))
      .sort();
    expect(files).toEqual(NAMES.flatMap((n) => [`${n}.json`, `${n}.txt`]).sort());
  });

  describe.each(NAMES)('%s', (name) => {
    const doc = load(name);

    it('carries all 200 cells and is blank exactly where the text is', () => {
      expect(Object.keys(doc.cells).sort()).toEqual([...CELL_IDS].sort());
      const blank = CELL_IDS.filter((id) => doc.cells[id] === null);
      expect(blank.sort()).toEqual([...(BLANKS[name] ?? [])].sort());
    });

    it('checks without errors', () => {
      const errors = checkReport(doc, { totals: 'asPrinted' }).filter((f) => f.severity === 'error');
      expect(errors).toEqual([]);
    });

    it('matches hand-picked values of the published text', () => {
      for (const [id, value] of cellEntries(SPOT[name]!)) expect([id, doc.cells[id]]).toEqual([id, value]);
      expect(doc.meta.source).toBe(`seed: ${name}.txt (published text)`);
      expect(String(doc.year)).toBe(name.slice(0, 4));
    });

    it('keeps no markdown marks or page-break gaps in the prose', () => {
      for (const text of [doc.preamble ?? '', doc.closing, ...Object.values(doc.prose)]) {
        expect(text).not.toMatch(/\*\*|<https?:|^#|\n\n/m);
      }
    });
  });

  it('transcribes agency, contact and joined page breaks faithfully', () => {
    const shapotou = load('2022-shapotou-zwfwzx');
    expect(shapotou.agency).toEqual({ name: '沙坡头区政务服务中心', kind: 'department', level: 'county', parent: '中卫市沙坡头区人民政府' });
    expect(shapotou.contact.email).toBe('sptqzfwzx@163.com');
    expect(shapotou.prose['overview.management']).toContain('严格做好“三校三审”工作');
    expect(shapotou.closing).toMatch(/^本报告电子版可在.*（http:\/\/www\.spt\.gon\.cn\/）下载/);

    const wuzhong = load('2023-wuzhong-zwfwzx');
    expect(wuzhong.prose.other).toContain('一是印发《吴忠市关于加快推进');
    expect(wuzhong.prose['overview.onRequest']).toBe('2023 年，我中心收到政府信息公开申请 1 件，已在期限内依法办结。');

    const hongsibu = load('2022-hongsibu-zfb');
    expect(hongsibu.contact).toMatchObject({ postcode: '751999', phone: '0953-5098596', fax: '0953-5098123' });
    expect(hongsibu.prose.other).toContain('让各项政策进入千家万户');
    expect(hongsibu.prose.other).toContain('二是制定');

    const zhongzhan = load('2022-zhongzhan-zwsj');
    expect(zhongzhan.preamble).toMatch(/^本报告依据《中华人民共和国政府信息公开条例》/);
    expect(zhongzhan.prose['overview.intro']).toBe('');
    expect(zhongzhan.prose['overview.management']).toBe('');
    expect(zhongzhan.contact.postcode).toBe('4540000');

    const zhongwei = load('2022-zhongwei-spfw');
    expect(zhongwei.agency.level).toBe('prefecture');
    expect(zhongwei.prose['overview.intro']).toContain('决策部署，紧紧围绕');
    expect(zhongwei.prose.problems.split('\n')).toHaveLength(4);
  });

  it.skipIf(!existsSync(sharedSeeds))(`keeps each .txt byte-identical to the published text${existsSync(sharedSeeds) ? '' : ` (skipped: ${sharedSeeds} not found)`}`, () => {
    for (const [name, source] of Object.entries(SOURCES)) {
      const copy = readFileSync(path.join(seedsDir, `${name}.txt`));
      expect(copy.equals(readFileSync(path.join(sharedSeeds, source))), name).toBe(true);
    }
  });
});
