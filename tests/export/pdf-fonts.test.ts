// Fonts: the user's own font per role, per-character fallback to the shipped fonts, and a clear
// report of characters that no font has (instead of empty boxes).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { createBlankDocument, getTemplate } from '../../src/core/index.ts';
import { commonCodePoints } from '../../src/export/fonts/charset.ts';
import { loadShippedFonts, readUserFonts } from '../../src/export/fonts/node.ts';
import { subsetFont } from '../../src/export/fonts/subset.ts';
import { FontBook, FontFileError } from '../../src/export/pdf/font-book.ts';
import { findMissingGlyphs, MissingGlyphsError, renderPdf } from '../../src/export/pdf/index.ts';
import { parsePdffonts, sampleDocument, tool, writeTemp } from './pdf-support.ts';

/** A Latin-only system font (the machine has no CJK fonts): stands in for a user's font that lacks Chinese. */
const LATIN_FONT = execFileSync('fc-match', ['-f', '%{file}', 'serif:fontformat=TrueType'], { encoding: 'utf8' });
const style = getTemplate().pageStyle;

describe('fonts', () => {
  it('falls back per character: the user font draws what it has, the shipped fonts draw the rest', async () => {
    const shipped = await loadShippedFonts();
    const book = new FontBook({ shipped, user: { body: new Uint8Array(readFileSync(LATIN_FONT)) } }, style);
    expect(book.faceFor('body', 'A')!.key).toBe('user-body');
    // The body font (仿宋_GB2312) also sets the tables and 1./（1） headings.
    expect(book.faceFor('table', '7')!.key).toBe('user-body');
    expect(book.faceFor('body', '堃')!.key).toBe('serif');
    expect(book.faceFor('heading1', '堃')!.key).toBe('sans');
    expect(book.faceFor('title', 'A')!.key).toBe('serifSemiBold');
    // 楷体_GB2312 for （一） headings is drawn by a true Kai face, not a bold Song.
    expect(book.faceFor('heading2', '主')!.key).toBe('kai');
    expect(book.faceFor('body', '𠀀')).toBeNull();
  });

  it('embeds the user font and the fallback font, both subset, and the rare character survives extraction', async () => {
    const doc = createBlankDocument({ agency: '张堃镇人民政府', year: 2024, kind: 'government' });
    doc.prose['overview.intro'] = 'Open Data 2024：本年度张堃镇公开信息12条。';
    const fonts = { shipped: await loadShippedFonts(), user: await readUserFonts([`body=${LATIN_FONT}`]) };
    const path = await writeTemp('fallback.pdf', await renderPdf(doc, { fonts }));
    const rows = parsePdffonts((await tool('pdffonts', [path])).stdout);
    expect(rows.some((r) => /DejaVu|Liberation|Serif/.test(r.name) && !/Noto/.test(r.name))).toBe(true);
    expect(rows.some((r) => r.name.includes('NotoSerifSC-Light'))).toBe(true);
    for (const row of rows) expect(row).toMatchObject({ emb: 'yes', sub: 'yes' });
    const text = await tool('pdftotext', ['-raw', path, '-']);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain('张堃镇人民政府');
    expect(text.stdout.replace(/\s+/g, '')).toContain('OpenData2024：本年度张堃镇公开信息12条。');
  });

  it('refuses to print empty boxes: names the characters no font has, and where they occur', async () => {
    const doc = createBlankDocument({ agency: '𠀀山乡人民政府', year: 2024, kind: 'government' });
    const fonts = { shipped: await loadShippedFonts() };
    expect(findMissingGlyphs(doc, fonts).map((m) => m.char)).toEqual(['𠀀']);
    const error = await renderPdf(doc, { fonts }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingGlyphsError);
    expect((error as Error).message).toMatch(/^以下字符在所有可用字体中都没有字形.*“𠀀”（𠀀山乡人民政府/);
    expect((error as Error).message).not.toContain('堃');
  });

  it('rejects a file that is not a font with a Chinese message', async () => {
    const shipped = await loadShippedFonts();
    expect(() => new FontBook({ shipped, user: { heading1: new TextEncoder().encode('not a font') } }, style)).toThrow(FontFileError);
    expect(() => new FontBook({ shipped, user: { heading1: new TextEncoder().encode('not a font') } }, style)).toThrow(/字体文件无法识别（heading1）/);
    await expect(readUserFonts(['body'])).rejects.toThrow(/字体参数应为 角色=文件路径/);
    await expect(readUserFonts(['bold=/x.ttf'])).rejects.toThrow(/未知的字体角色：bold/);
  });

  it('makes a GB2312 subset that loads as a font, keeps the metrics, and renders a valid PDF', async () => {
    const shipped = await loadShippedFonts();
    const cps = commonCodePoints();
    expect(cps.length).toBeGreaterThan(6763);
    const small = subsetFont(shipped.serif, cps);
    expect(small.length).toBeLessThan(shipped.serif.length / 4);
    const full = fontkit.create(shipped.serif);
    const sub = fontkit.create(small);
    for (const ch of '啊齄，。（）“”—…A1') {
      expect(sub.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
      expect(sub.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth).toBe(full.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth);
    }
    expect(sub.hasGlyphForCodePoint('堃'.codePointAt(0)!)).toBe(false);
    const subsets = { serif: small, serifSemiBold: subsetFont(shipped.serifSemiBold, cps), sans: subsetFont(shipped.sans, cps), kai: subsetFont(shipped.kai, cps) };
    const path = await writeTemp('subsets.pdf', await renderPdf(sampleDocument(), { fonts: { shipped: subsets } }));
    const fonts = await tool('pdffonts', [path]);
    expect(fonts.stderr).toBe('');
    const rows = parsePdffonts(fonts.stdout);
    expect(rows.map((r) => r.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['LXGWWenKai-Regular', 'NotoSansSC-Regular', 'NotoSerifSC-Light', 'NotoSerifSC-SemiBold']);
    for (const row of rows) expect(row).toMatchObject({ emb: 'yes', sub: 'yes' });
    const qpdf = await tool('qpdf', ['--check', path]);
    expect(qpdf.code).toBe(0);
    const render = await tool('pdftoppm', ['-r', '10', '-gray', path, `${path}-p`]);
    expect(render.stderr).toBe('');
  });
});
