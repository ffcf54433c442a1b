// Types for `unicode-properties` (fontkit's source of Unicode data), which ships none.
declare module 'unicode-properties' {
  /** The Unicode script of a code point by its long name ('Han', 'Latin', 'Common', …). */
  export function getScript(codePoint: number): string;
}
