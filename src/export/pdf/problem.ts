/** Something about the input (fonts, characters) that stops a PDF export; the message is Chinese and says what to do. */
export class ExportProblem extends Error {}
