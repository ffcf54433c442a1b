// The characters the browser's pre-subset fonts keep: ASCII, the punctuation and symbols of
// Chinese text, and every character of GB2312 (6,763 hanzi — the set government documents and
// most agency names use). Anything rarer falls back to the full font, fetched only when needed.
// (The 8,105-character 通用规范汉字表 would be the better list, but no package carries it.)
export function commonCodePoints(): number[] {
  const cps = new Set<number>();
  const add = (from: number, to: number) => {
    for (let cp = from; cp <= to; cp++) cps.add(cp);
  };
  add(0x20, 0x7e); // ASCII
  add(0xa0, 0xff); // Latin-1: ° · × ÷ …
  add(0x2010, 0x206f); // general punctuation: — ‘ ’ “ ” … ‰
  add(0x2100, 0x218f); // letterlike, number forms: ℃ № Ⅰ–Ⅻ
  add(0x2460, 0x24ff); // enclosed numbers ①
  add(0x3000, 0x303f); // CJK symbols and punctuation: 、。〈〉《》「」『』【】〔〕
  add(0xff00, 0xffef); // full-width forms: ，；：？！（）
  const gbk = new TextDecoder('gbk');
  for (let hi = 0xa1; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = gbk.decode(new Uint8Array([hi, lo]));
      if (ch.length && ch !== '\ufffd') cps.add(ch.codePointAt(0)!);
    }
  }
  return [...cps].sort((a, b) => a - b);
}
