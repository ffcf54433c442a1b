// The format is written once: no label of the template appears as a string literal in src/ — code
// names rows, columns, sections and fields by id and takes their labels from the template. The
// importer's table of variant spellings (how published reports misprint labels) is the exception.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { contactFields, FORMAT_IDS, getTemplate, placeGrid, type Template } from '../../src/core/index.ts';

const ROOT = join(import.meta.dirname, '../..');
const EXCEPTED = new Set(['src/import/variants.ts']);
/**
 * A literal containing a table's or section's label this long is a copy of it; a shorter label
 * ("其他", "总计", "规章") is an ordinary word inside a sentence and counts only as the whole literal.
 */
const CONTAINED_FROM = 4;

/** Labels that are copies wherever they appear in a literal. */
function templateLabels(template: Template): Set<string> {
  const out = new Set<string>([template.format.name, template.format.issuedBy]);
  const add = (...labels: (string | undefined)[]) => labels.forEach((l) => l && out.add(l));
  for (const table of template.tables) {
    for (const r of table.rows) add(r.label, r.gridLabel, r.shortLabel);
    for (const c of table.columns) add(c.label, c.shortLabel);
    for (const g of table.rowGroups ?? []) add(g.label, g.shortLabel);
    for (const g of table.columnGroups ?? []) add(g.label);
    for (const p of placeGrid(table)) if ('text' in p.cell) add(p.cell.text);
  }
  for (const s of template.format.sections) {
    add(s.title);
    for (const p of s.parts ?? []) add(p.title, `${p.number}${p.title}`);
  }
  return out;
}

/** Field names that are ordinary words in a sentence ("…市级人民政府可以制定规章"): copies only as a whole literal. */
function templateWords(template: Template): Set<string> {
  return new Set([...contactFields(template).map((f) => f.label), ...Object.values(template.format.agencyKinds)]);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** The text of every string literal, template-literal piece and JSX text of a file. */
function literals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) out.push(node.text);
    // Text between JSX tags, as the page shows it.
    else if (ts.isJsxText(node)) out.push(node.text.trim());
    node.forEachChild(visit);
  };
  visit(source);
  return out;
}

describe('the template is the only source of its labels', () => {
  const labels = [...new Set(FORMAT_IDS.flatMap((id) => [...templateLabels(getTemplate(id))]))];
  const words = new Set(FORMAT_IDS.flatMap((id) => [...templateWords(getTemplate(id))]));
  const files = sourceFiles(join(ROOT, 'src')).filter((f) => !EXCEPTED.has(relative(ROOT, f)));

  it('reads the labels and the literals it compares', () => {
    expect(labels).toEqual(expect.arrayContaining(['（七）总计', '本年收费金额', '一、总体情况', '（二）依申请公开', '国办公开办函〔2021〕30号']));
    expect([...words]).toEqual(expect.arrayContaining(['电话', '报告下载网址', '人民政府部门']));
    const self = literals(join(ROOT, 'tests/core/template-labels.test.ts'));
    expect(self).toContain('（七）总计');
    expect(self).toContain('国办公开办函〔2021〕30号');
  });

  it('finds no template label written as a literal in src/', () => {
    const copies = files.flatMap((file) =>
      literals(file).flatMap((literal) =>
        [...labels, ...words]
          .filter((l) => literal === l || (!words.has(l) && l.length >= CONTAINED_FROM && literal.includes(l)))
          .map((l) => `${relative(ROOT, file)}: “${l}” in “${literal.length > 60 ? `${literal.slice(0, 60)}…` : literal}”`),
      ),
    );
    expect(copies).toEqual([]);
  });
});
