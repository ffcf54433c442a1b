// A count as messages print it: digits grouped by three with commas (200,000), as en-US formats it.
// Not through Intl: its first use loads ICU's number formatting, which cost every CLI command tens
// of milliseconds at start (the document schema's messages are made when it loads).

/** A non-negative integer with thousands separators. */
export function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
