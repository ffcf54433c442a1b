// The common intermediate every reader produces: the document as lines of cells, in reading order.

export interface TextCell {
  text: string;
  /**
   * Horizontal position: the grid column of a table cell (text, HTML, DOCX) or the x coordinate in
   * points (PDF). Lets headers be matched to the values below them. Absent when unknown.
   */
  x?: number;
}

export interface TextLine {
  cells: TextCell[];
  /** PDF only: the line continues the previous line's paragraph (a wrapped line, not a new paragraph). */
  continues?: boolean;
}

/** The readable text of a line: its cells joined by a space. */
export function lineText(line: TextLine): string {
  return line.cells
    .map((c) => c.text.trim())
    .filter(Boolean)
    .join(' ');
}
