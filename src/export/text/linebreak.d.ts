// Types for `linebreak`, which ships none.
declare module 'linebreak' {
  /** UAX #14 line breaking (Unicode Line Breaking Algorithm). */
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity: `position` is the index (UTF-16) where the next line may start. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}
