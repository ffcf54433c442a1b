// PDF export of a full seed report in Node, warm: median time (target ≤ 500 ms); the same report
// through our DOCX and `soffice --headless --convert-to pdf` for comparison (target ≥ 5× faster);
// file sizes (target ≤ 300 KB for a five-page report with three font roles).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { parseDocumentJson } from '../src/core/index.ts';
import { renderDocx } from '../src/export/docx/index.ts';
import { nodeFontFiles } from '../src/export/fonts/node.ts';
import { renderPdf } from '../src/export/pdf/index.ts';
import { sampleDocument } from '../tests/export/pdf-support.ts';
import { sofficeMedianMs } from './soffice.ts';

const RUNS = 20;
const SOFFICE_RUNS = 3;
const SEED = '2022-zhongwei-spfw';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pageCount = async (pdf: Uint8Array) => (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();

export default async function bench(): Promise<void> {
  const parsed = parseDocumentJson(await readFile(join(import.meta.dirname, `../seeds/${SEED}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const doc = parsed.document;
  const fonts = await nodeFontFiles();
  for (let i = 0; i < 3; i++) await renderPdf(doc, { fonts });
  const times: number[] = [];
  let pdf: Uint8Array = new Uint8Array();
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    pdf = await renderPdf(doc, { fonts });
    times.push(performance.now() - t);
  }
  const pdfMs = median(times);
  console.log(`PDF export, seed ${SEED}: median ${pdfMs.toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms over ${RUNS} warm runs (target ≤ 500 ms)`);

  const docx = await renderDocx(doc);
  const sofficeMs = await sofficeMedianMs(docx, SOFFICE_RUNS);
  console.log(
    `soffice --headless --convert-to pdf of our DOCX of the same report: median ${sofficeMs.toFixed(0)} ms over ${SOFFICE_RUNS} runs → PDF export is ${(sofficeMs / pdfMs).toFixed(1)}× faster (target ≥ 5×)`,
  );

  const sample = await renderPdf(sampleDocument(), { fonts });
  console.log(
    `PDF size: seed ${SEED} ${(pdf.length / 1024).toFixed(0)} KB (${await pageCount(pdf)} pages); five-page sample report ${(sample.length / 1024).toFixed(0)} KB (${await pageCount(sample)} pages), the shipped faces embedded as subsets (target ≤ 300 KB)`,
  );
}
