// Where pdfjs finds its worker and character maps. Kept apart from the PDF reader so that setting
// them does not pull the reader (and pdfjs) into the importing bundle.

export interface PdfOptions {
  /** The browser app must set this (a URL to pdfjs-dist's worker from its build). */
  workerSrc?: string;
  /** Directory (Node: path, browser: URL) of pdfjs-dist/cmaps/, for PDFs using predefined Chinese CMaps. */
  cMapUrl?: string;
}

export const pdfOptions: PdfOptions = {};

export function configurePdf(o: PdfOptions): void {
  Object.assign(pdfOptions, o);
}
