// Whether a font file can stand in for an official font: a single TrueType/OpenType face that has
// every character of GB2312 (the 6,763 hanzi and the punctuation of Chinese text), so a report in
// it never falls back to another face mid-sentence. Used where an administrator installs fonts.
import * as fontkit from 'fontkit';
import { commonCodePoints } from './charset.ts';
import { checkFontSignature } from './user-fonts.ts';
import { sfntFromWoff } from './woff.ts';

export interface FontCheck {
  family: string;
  /** The font as TrueType/OpenType (a WOFF file unpacked). */
  bytes: Uint8Array;
}

/** Checks a font file; throws an Error with a Chinese message naming what is wrong. */
export function checkFontCoverage(raw: Uint8Array, name: string): FontCheck {
  const bytes = sfntFromWoff(raw);
  checkFontSignature(bytes, name);
  let font: fontkit.Font;
  try {
    font = fontkit.create(bytes);
  } catch {
    throw new Error(`${name} 无法识别为字体文件`);
  }
  const missing = gb2312().filter((cp) => !font.hasGlyphForCodePoint(cp));
  if (missing.length) {
    // Hanzi first: they say more about the font than missing punctuation does.
    const sample = [...missing.filter((cp) => cp >= 0x4e00), ...missing.filter((cp) => cp < 0x4e00)]
      .slice(0, 10)
      .map((cp) => String.fromCodePoint(cp))
      .join('');
    throw new Error(`${name} 缺少 GB2312 中的 ${missing.length} 个字符（如“${sample}”），不能作为公文字体使用`);
  }
  return { family: font.familyName || name, bytes };
}

let cache: number[] | null = null;
/** GB2312's hanzi and full-width punctuation (the Latin-1 and symbol ranges of commonCodePoints aside). */
function gb2312(): number[] {
  cache ??= commonCodePoints().filter(
    (cp) =>
      (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3000 && cp <= 0x303f && '、。〈〉《》「」『』【】〔〕'.includes(String.fromCodePoint(cp))) || '，；：？！（）'.includes(String.fromCodePoint(cp)),
  );
  return cache;
}
