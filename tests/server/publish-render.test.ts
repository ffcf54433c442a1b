// Publishing renders in a worker thread: the files come back whole, and a document that cannot be
// printed is a 422 naming the character and where it is — never a 500.
import { describe, expect, it } from 'vitest';
import { renderArtifacts } from '../../src/server/publish/render.ts';
import { cleanDocument } from './support/world.ts';

describe('publication rendering in a worker', () => {
  it('renders every artifact of a report', async () => {
    const files = await renderArtifacts(cleanDocument('市司法局', 2024));
    expect(files.map((f) => f.kind).sort()).toEqual(['docx', 'html', 'json', 'pdf']);
    const pdf = files.find((f) => f.kind === 'pdf')!.bytes;
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
  });

  it('a character no font has → 422 naming it and its context', async () => {
    const doc = cleanDocument('市司法局', 2024);
    doc.prose.problems = '本年度工作顺利😀完成';
    await expect(renderArtifacts(doc)).rejects.toMatchObject({ status: 422, code: 'unprintable', message: expect.stringMatching(/“😀”（.*顺利😀完成/) });
  });
});
