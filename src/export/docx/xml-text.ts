// Text as WordprocessingML may hold it. Imported reports (PDF or OCR text) can carry control
// characters or noncharacters that XML 1.0 forbids; a single one makes Word refuse the whole file.
// They are invisible, so dropping them loses nothing a reader could see.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const xmlText = (text: string): string => text.replace(NOT_XML, '');
