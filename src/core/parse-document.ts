// Reading a report document from untrusted JSON: size limit, JSON syntax, migration, schema —
// each failure as a Chinese message with the path of the offending field.
import type { z } from 'zod';
import { type ReportDocument, reportDocumentSchema } from './document.ts';
import { MigrationError, migrate } from './migrations.ts';

/** A report document is a few hundred KB at most; anything far larger is not one. */
export const MAX_DOCUMENT_CHARS = 5_000_000;

export type ParseResult = { ok: true; document: ReportDocument } | { ok: false; errors: string[] };

export function parseDocumentJson(json: string): ParseResult {
  if (json.length > MAX_DOCUMENT_CHARS) {
    return { ok: false, errors: [`文件过大（${(json.length / 1e6).toFixed(1)} MB），不是有效的年报文档（上限 ${MAX_DOCUMENT_CHARS / 1e6} MB）`] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return { ok: false, errors: [`不是有效的 JSON：${(e as Error).message}`] };
  }
  return parseDocument(raw);
}

export function parseDocument(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, errors: ['年报文档应为 JSON 对象'] };
  let migrated: Record<string, unknown>;
  try {
    migrated = migrate(raw as Record<string, unknown>);
  } catch (e) {
    if (e instanceof MigrationError) return { ok: false, errors: [e.message] };
    throw e;
  }
  const result = reportDocumentSchema.safeParse(migrated);
  if (result.success) return { ok: true, document: result.data };
  return { ok: false, errors: formatIssues(result.error.issues) };
}

export function formatIssues(issues: z.core.$ZodIssue[], limit = 20): string[] {
  const lines = issues.slice(0, limit).map((i) => `${i.path.length ? i.path.join('.') : '（根）'}：${i.message}`);
  if (issues.length > limit) lines.push(`……另有 ${issues.length - limit} 处问题`);
  return lines;
}
