// `nianbao export FILE --format pdf [--font role=path]` end to end through the CLI entry.

import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { tool, writeTemp } from './pdf-support.ts';

const SEED = new URL('../../seeds/2022-hongsibu-zfb.json', import.meta.url).pathname;

describe('nianbao export --format pdf', () => {
  it('writes a PDF that poppler reads without complaint', async () => {
    const out = await writeTemp('cli.pdf', new Uint8Array());
    expect(await main(['export', SEED, '--format', 'pdf', '-o', out])).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const info = await tool('pdfinfo', [out]);
    expect(info.stderr).toBe('');
    expect(info.stdout).toMatch(/Pages:\s+[5-9]/);
  });

  it('exits 2 with a Chinese message when a --font file cannot be read', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['export', SEED, '--format', 'pdf', '--font', 'body=/nonexistent/simfang.ttf', '-o', '/tmp/unused.pdf'])).toBe(2);
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain('无法读取字体文件：/nonexistent/simfang.ttf');
    } finally {
      stderr.mockRestore();
    }
  });
});
