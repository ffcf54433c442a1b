// PDF export in Node (CLI, bench): the shipped fonts from node_modules plus `--font role=path` files.
import type { ReportDocument } from '../../core/index.ts';
import { nodeFontFiles } from '../fonts/node.ts';
import { renderPdf } from './index.ts';

/** `lazyOutlines`: see nodeFontFiles. */
export async function renderPdfInNode(doc: ReportDocument, fontSpecs: string[] = [], lazyOutlines = false): Promise<Uint8Array> {
  return renderPdf(doc, { fonts: await nodeFontFiles(fontSpecs, lazyOutlines) });
}
