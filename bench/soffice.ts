// The alternative our PDF export is measured against: LibreOffice converting our DOCX of the same report.
import { convertDocxToPdf } from '../tests/support/libreoffice.ts';

/** One conversion, not timed: LibreOffice's first on a machine builds its profile and font cache. */
export async function warmSoffice(docx: Uint8Array): Promise<void> {
  await convertDocxToPdf(docx);
}

/** Wall time (ms) of one conversion. */
export async function sofficeOnceMs(docx: Uint8Array): Promise<number> {
  const t = performance.now();
  await convertDocxToPdf(docx);
  return performance.now() - t;
}

/** Median wall time (ms) of `runs` conversions, after one that builds LibreOffice's profile and font cache. */
export async function sofficeMedianMs(docx: Uint8Array, runs = 3): Promise<number> {
  await warmSoffice(docx);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await sofficeOnceMs(docx));
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}
