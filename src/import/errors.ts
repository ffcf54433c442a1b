/** A file that cannot be used at all; the message is Chinese and says why. */
export class ImportError extends Error {}
