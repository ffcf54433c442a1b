// Fonts an administrator installs on the server: refused without all of GB2312 (the message says
// what is missing), admin-only to change, readable by everyone signed in, and used by publishing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commonCodePoints } from '../../src/export/fonts/charset.ts';
import { loadShippedFonts } from '../../src/export/fonts/node.ts';
import { subsetFont } from '../../src/export/fonts/subset.ts';
import { parsePdffonts, tool, writeTemp } from '../export/pdf-support.ts';
import { cleanDocument, createReport, withServerWorld } from './support/world.ts';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
/** A Latin-only system font: what an administrator might pick by mistake. */
const LATIN_FONT = execFileSync('fc-match', ['-f', '%{file}', 'serif:fontformat=TrueType'], { encoding: 'utf8' });

describe('installed fonts', () => {
  const ctx = withServerWorld('pglite');

  it('refuses a font without GB2312, lets only the administrator install, and publishing uses the installed font', async () => {
    const { admin, users } = ctx.world;
    const latin = await admin.put('/api/fonts/body', { fileName: 'latin.ttf', base64: base64(new Uint8Array(readFileSync(LATIN_FONT))) });
    expect(latin.status).toBe(400);
    expect(latin.body.error.message).toMatch(/^latin\.ttf 缺少 GB2312 中的 \d+ 个字符（如“.+”），不能作为公文字体使用$/);
    expect((await admin.put('/api/fonts/body', { fileName: 'x.ttf', base64: base64(new TextEncoder().encode('not a font')) })).status).toBe(400);

    // A GB2312-sized face stands in for the office's licensed 仿宋_GB2312 (body, tables).
    const font = subsetFont((await loadShippedFonts()).serifSemiBold, commonCodePoints());
    expect((await users.clerkA.put('/api/fonts/body', { fileName: 'simfang.ttf', base64: base64(font) })).status).toBe(403);
    expect((await admin.put('/api/fonts/nope', { fileName: 'simfang.ttf', base64: base64(font) })).status).toBe(404);
    const installed = await admin.put('/api/fonts/body', { fileName: 'simfang.ttf', base64: base64(font) });
    expect(installed.status).toBe(200);
    expect(installed.body.font).toMatchObject({ role: 'body', fileName: 'simfang.ttf', family: 'Noto Serif SC SemiBold' });

    const list = await users.clerkA.get('/api/fonts');
    expect(list.body.fonts).toEqual([expect.objectContaining({ role: 'body', official: '仿宋_GB2312', fileName: 'simfang.ttf', size: font.length })]);
    const bytes = await users.clerkA.download('/api/fonts/body');
    expect(bytes.status).toBe(200);
    expect(Buffer.from(bytes.bytes).equals(Buffer.from(font))).toBe(true);

    const year = 2031;
    const report = await createReport(users.clerkA, year, cleanDocument('市司法局', year));
    const path = (p: string) => `/api/reports/${report.id}${p}`;
    expect((await users.clerkA.post(path('/submit'), { revision: report.head })).status).toBe(200);
    expect((await users.reviewerA.post(path('/approve'), { revision: report.head })).status).toBe(200);
    const published = await users.reviewerA.post(path('/publish'), { revision: report.head });
    expect(published.status).toBe(201);
    const pdf = published.body.publication.artifacts.find((a: { kind: string }) => a.kind === 'pdf');
    const file = await writeTemp('published.pdf', (await users.clerkA.download(pdf.url)).bytes);
    const names = parsePdffonts((await tool('pdffonts', [file])).stdout).map((r) => r.name.replace(/^[A-Z]{6}\+/, ''));
    // The installed face sets the body (and the shipped SemiBold still sets the title): two embeddings.
    expect(names.filter((n) => n === 'NotoSerifSC-SemiBold')).toHaveLength(2);

    expect((await users.clerkA.delete('/api/fonts/body')).status).toBe(403);
    expect((await admin.delete('/api/fonts/body')).status).toBe(204);
    expect((await users.clerkA.get('/api/fonts')).body.fonts).toEqual([]);
    expect((await users.clerkA.download('/api/fonts/body')).status).toBe(404);
  });
});
