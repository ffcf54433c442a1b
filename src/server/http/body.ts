// Request bodies: size-limited while streaming (a missing or lying Content-Length does not help),
// JSON only, validated with zod strict schemas. Every failure is a 400 with a Chinese message.
import type { Context } from 'hono';
import type { z } from 'zod';
import { formatIssues } from '../../core/index.ts';
import { badRequest } from './errors.ts';

export const DEFAULT_BODY_LIMIT = 64 * 1024;

export async function readBodyText(c: Context, limit: number): Promise<string> {
  const tooLarge = () => {
    // The rest of the body stays unread, so this connection cannot carry another request.
    c.header('Connection', 'close');
    return badRequest('body_too_large', `请求内容过大（上限 ${formatBytes(limit)}）`);
  };
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (declared > limit) throw tooLarge();
  const stream = c.req.raw.body;
  if (!stream) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw badRequest('bad_encoding', '请求内容不是有效的 UTF-8 文本');
  }
}

export async function readJson<S extends z.ZodType>(c: Context, schema: S, limit = DEFAULT_BODY_LIMIT): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw badRequest('unsupported_media_type', '请求内容类型应为 application/json');
  const text = await readBodyText(c, limit);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw badRequest('malformed_json', '请求内容不是有效的 JSON');
  }
  const bad = findIllFormedText(raw);
  if (bad) throw badRequest('bad_text', `请求内容含有无效字符（${bad}）`);
  const result = schema.safeParse(raw);
  if (!result.success) throw badRequest('invalid_body', '请求内容不符合要求', formatIssues(result.error.issues));
  return result.data;
}

/**
 * Text the database cannot store faithfully: a lone surrogate (ill-formed UTF-16, which JSON's \u
 * escapes allow) or NUL. Refused at the edge rather than failing halfway through a write.
 * Returns a description of the first one found, or null.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function findIllFormedText(value: unknown): string | null {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) return '不成对的代理码元';
    if (value.includes('\0')) return 'NUL 字符';
    return null;
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      const bad = findIllFormedText(v);
      if (bad) return bad;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const bad = findIllFormedText(k) ?? findIllFormedText(v);
      if (bad) return bad;
    }
  }
  return null;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${n / 1024 / 1024} MB` : `${n / 1024} KB`;
}
