// The bulk check's one-row-per-file summary as an Excel workbook (CLI `--summary out.xlsx`, and the
// office's bulk check in the browser): the same columns as the CSV, counts as numbers.
import { SUMMARY_HEADER, type SummaryRow, summaryValues } from '../import/check.ts';
import { writeXlsx } from './xlsx.ts';

export function summaryXlsx(rows: SummaryRow[]): Uint8Array {
  return writeXlsx([{ name: '检查汇总', rows: [SUMMARY_HEADER, ...rows.map(summaryValues)], headerRows: 1, ruled: true, columnWidths: [36, 28, 8, 8, 8, 10, 10, 80] }]);
}
