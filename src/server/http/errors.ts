// One error shape for the whole API: { error: { code, message, details? }, ...extra }. Messages are
// Chinese and meant for people; codes are stable and meant for the app. Nothing else ever leaks.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: string[],
    /** Extra top-level fields of the body (e.g. the current revision of a 409). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details?: string[]) => new HttpError(400, code, message, details);
export const unauthorized = () => new HttpError(401, 'unauthenticated', '请先登录');
export const forbidden = (message = '没有权限执行此操作') => new HttpError(403, 'forbidden', message);
export const notFound = (message = '未找到') => new HttpError(404, 'not_found', message);

export function errorBody(e: HttpError) {
  return { error: { code: e.code, message: e.message, ...(e.details && { details: e.details }) }, ...e.extra };
}

export function handleError(err: Error, c: Context) {
  if (err instanceof HttpError) return c.json(errorBody(err), err.status);
  // The cause goes to the server log only; the client learns that it was our fault, no more.
  console.error(logLine(err));
  return c.json({ error: { code: 'internal', message: '服务器内部错误，请稍后重试' } }, 500);
}

/**
 * What the log keeps of an internal error: the stack and, for a database error, the statement —
 * not the driver's other fields, which hold the query's parameters (password hashes, whole
 * documents) and row values.
 */
export function logLine(err: Error): string {
  const statement = (err as { query?: unknown }).query;
  return typeof statement === 'string' ? `${err.stack ?? err.message}\n    statement: ${statement}` : (err.stack ?? err.message);
}
