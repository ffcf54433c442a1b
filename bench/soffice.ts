// The alternative our PDF export is measured against: LibreOffice converting our DOCX of the same report.
import { convertDocxToPdf } from '../tests/support/libreoffice.ts';

/** Median wall time (ms) of `runs` conversions, after one that builds LibreOffice's profile and font cache. */
export async function sofficeMedianMs(docx: Uint8Array, runs = 3): Promise<number> {
  await convertDocxToPdf(docx);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await convertDocxToPdf(docx);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}
