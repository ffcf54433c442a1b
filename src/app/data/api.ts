// The HTTP client for the server's JSON API (docs/api.md): same-origin requests with the session
// cookie, the CSRF token kept in memory and sent on every write, errors turned into exceptions
// the app can tell apart (offline, a stale save, a report no longer editable, a refused transition).
import type { HasErrorsBody, ReportStateBody, ReportSummary, RevisionAnswer, StaleRevisionBody } from '../../api/reports.ts';
import type { DocumentDiff, Finding } from '../../core/index.ts';

/** The server answered with an error; `message` is the server's Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
  /** Findings the server refused a transition for (422 has_errors). */
  get findings(): Finding[] {
    return (this.body as Partial<HasErrorsBody> | null)?.findings ?? [];
  }
}

/** The server could not be reached (no network, server down, a proxy's 502–504). */
export class OfflineError extends Error {
  constructor() {
    super('无法连接服务器');
  }
}

/** 409 stale_revision: someone saved since the revision this save was based on; nothing was stored. */
export class StaleRevisionError extends ApiError {
  get current(): RevisionAnswer {
    return (this.body as StaleRevisionBody).current;
  }
  get theirChanges(): DocumentDiff {
    return (this.body as StaleRevisionBody).theirChanges;
  }
}

/** 409 not_editable: the report is with the reviewer (or published); `report` says where it stands. */
export class NotEditableError extends ApiError {
  get report(): ReportSummary {
    return (this.body as ReportStateBody).report;
  }
}

const UNREACHABLE = new Set([502, 503, 504]);
/** Long enough for publishing (rendering DOCX and PDF on the server). */
const REQUEST_TIMEOUT_MS = 60_000;

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export class Api {
  csrfToken = '';

  constructor(
    /** '' in the browser (same origin); the server's origin in tests. */
    readonly base = '',
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    let res: Response;
    try {
      res = await this.fetchImpl(this.base + path, {
        method,
        credentials: 'same-origin',
        headers: {
          ...(payload !== undefined && { 'Content-Type': 'application/json' }),
          ...(method !== 'GET' && this.csrfToken && { 'X-CSRF-Token': this.csrfToken }),
        },
        body: payload,
        // A request the server never answers counts as offline, so autosave retries instead of waiting forever.
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch {
      throw new OfflineError();
    }
    if (UNREACHABLE.has(res.status)) throw new OfflineError();
    if (res.status === 204) return undefined as T;
    const json: unknown = await res.json().catch(() => null);
    if (res.ok) return json as T;
    const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
    const code = error?.code ?? `http_${res.status}`;
    const message = error?.message ?? `服务器出错（${res.status}）`;
    if (res.status === 409 && code === 'stale_revision') throw new StaleRevisionError(res.status, code, message, json);
    if (res.status === 409 && code === 'not_editable') throw new NotEditableError(res.status, code, message, json);
    throw new ApiError(res.status, code, message, json);
  }
}
