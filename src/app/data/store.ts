// Everything the app reads and writes, as the server's API (docs/api.md). Components never call it
// directly: they go through the TanStack Query hooks in queries.ts, and only main.tsx (or a test)
// decides where the server is.
import type { FontRoleName, ReportDocument } from '../../core/index.ts';
import { Api, ApiError } from './api.ts';
import type {
  Action,
  Agency,
  AuditEntry,
  CommentTarget,
  DiffAnswer,
  InstalledFont,
  LastYear,
  Publication,
  ReportListItem,
  ReportRecord,
  ReportSummary,
  ReviewComment,
  Revision,
  Role,
  SessionUser,
  User,
} from './types.ts';

const enc = encodeURIComponent;

export class ReportStore {
  constructor(readonly api: Api = new Api()) {}

  /** The signed-in user, or null when signed out. Re-reads the CSRF token after a reload. */
  async session(): Promise<SessionUser | null> {
    try {
      const { user, csrfToken } = await this.api.request<{ user: SessionUser; csrfToken: string }>('GET', '/api/session');
      this.api.csrfToken = csrfToken;
      return user;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  }

  async signIn(username: string, password: string): Promise<SessionUser> {
    const { user, csrfToken } = await this.api.request<{ user: SessionUser; csrfToken: string }>('POST', '/api/session', { username, password });
    this.api.csrfToken = csrfToken;
    return user;
  }

  async signOut(): Promise<void> {
    await this.api.request('DELETE', '/api/session');
    this.api.csrfToken = '';
  }

  async list(): Promise<ReportListItem[]> {
    return (await this.api.request<{ reports: ReportListItem[] }>('GET', '/api/reports')).reports;
  }

  /** Last year's report of the same agency (as published, or its newest draft), else the uploaded one; null if neither. */
  async previousYear(id: string): Promise<LastYear | null> {
    try {
      return await this.api.request<LastYear>('GET', `/api/reports/${enc(id)}/previous-year`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }

  async get(id: string): Promise<ReportRecord> {
    const [current, previous] = await Promise.all([
      this.api.request<Omit<ReportRecord, 'previous'>>('GET', `/api/reports/${enc(id)}`),
      this.previousYear(id),
    ]);
    return { ...current, previous };
  }

  /**
   * A new report for the clerk's agency: blank when `document` is omitted; `previous` is last year's
   * report imported from its file, kept with the report. 409 `duplicate` names the existing one.
   */
  async create(year: number, document?: ReportDocument, previous?: { fileName: string; document: ReportDocument }): Promise<ReportRecord> {
    const created = await this.api.request<Omit<ReportRecord, 'previous'>>('POST', '/api/reports', { year, ...(document && { document }), ...(previous && { previous }) });
    return { ...created, previous: await this.previousYear(created.report.id) };
  }

  /** Deletes a never-submitted draft, based on the newest revision the clerk has seen (409 otherwise). */
  async deleteReport(id: string, revision: number): Promise<void> {
    await this.api.request('DELETE', `/api/reports/${enc(id)}`, { revision });
  }

  /** Stores a new revision; throws StaleRevisionError when `baseRevision` is not the newest. */
  /** normalized: what the server removed before storing (invisible characters), in Chinese. */
  async save(id: string, document: ReportDocument, baseRevision: number): Promise<{ revision: Revision; unchanged: boolean; normalized?: string[] }> {
    return this.api.request('PUT', `/api/reports/${enc(id)}/document`, { baseRevision, document });
  }

  async revisions(id: string): Promise<Revision[]> {
    return (await this.api.request<{ revisions: Revision[] }>('GET', `/api/reports/${enc(id)}/revisions`)).revisions;
  }

  async revision(id: string, n: number): Promise<{ revision: Revision; document: ReportDocument }> {
    return this.api.request('GET', `/api/reports/${enc(id)}/revisions/${n}`);
  }

  async diff(id: string, from: number | 'previous-year', to?: number): Promise<DiffAnswer> {
    return this.api.request('GET', `/api/reports/${enc(id)}/diff?from=${from}${to === undefined ? '' : `&to=${to}`}`);
  }

  async comments(id: string): Promise<ReviewComment[]> {
    return (await this.api.request<{ comments: ReviewComment[] }>('GET', `/api/reports/${enc(id)}/comments`)).comments;
  }

  async addComment(id: string, target: CommentTarget, body: string): Promise<ReviewComment> {
    return (await this.api.request<{ comment: ReviewComment }>('POST', `/api/reports/${enc(id)}/comments`, { target, body })).comment;
  }

  async resolveComment(id: string, commentId: string, resolved: boolean): Promise<ReviewComment> {
    return (await this.api.request<{ comment: ReviewComment }>('PATCH', `/api/reports/${enc(id)}/comments/${enc(commentId)}`, { resolved })).comment;
  }

  /** A workflow step based on `revision` (the newest the actor has seen); 422 carries the findings. */
  async transition(id: string, action: Action, revision: number, message?: string): Promise<ReportSummary> {
    const body = { revision, ...(message && { message }) };
    return (await this.api.request<{ report: ReportSummary }>('POST', `/api/reports/${enc(id)}/${action}`, body)).report;
  }

  async audit(id: string): Promise<AuditEntry[]> {
    return (await this.api.request<{ entries: AuditEntry[] }>('GET', `/api/reports/${enc(id)}/audit`)).entries;
  }

  async publications(id: string): Promise<Publication[]> {
    return (await this.api.request<{ publications: Publication[] }>('GET', `/api/reports/${enc(id)}/publications`)).publications;
  }

  async agencies(): Promise<Agency[]> {
    return (await this.api.request<{ agencies: Agency[] }>('GET', '/api/agencies')).agencies;
  }

  async createAgency(input: Omit<Agency, 'id'>): Promise<Agency> {
    return (await this.api.request<{ agency: Agency }>('POST', '/api/agencies', input)).agency;
  }

  async updateAgency(id: string, patch: Partial<Omit<Agency, 'id'>>): Promise<Agency> {
    return (await this.api.request<{ agency: Agency }>('PATCH', `/api/agencies/${enc(id)}`, patch)).agency;
  }

  /** The signed-in user's own password; the server ends this user's other sessions. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await this.api.request('PUT', '/api/session/password', { currentPassword, newPassword });
  }

  /** Fonts the administrator installed on the server, one per page-style role. */
  async installedFonts(): Promise<InstalledFont[]> {
    return (await this.api.request<{ fonts: InstalledFont[] }>('GET', '/api/fonts')).fonts;
  }

  /** Installs a font file for a role; the server refuses one without all of GB2312 (Chinese message). */
  async installFont(role: FontRoleName, file: File): Promise<void> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    await this.api.request('PUT', `/api/fonts/${enc(role)}`, { fileName: file.name, base64: btoa(binary) });
  }

  async removeInstalledFont(role: FontRoleName): Promise<void> {
    await this.api.request('DELETE', `/api/fonts/${enc(role)}`);
  }

  async users(): Promise<User[]> {
    return (await this.api.request<{ users: User[] }>('GET', '/api/users')).users;
  }

  async createUser(input: { username: string; displayName: string; password: string; role: Role; agencyId: string }): Promise<User> {
    return (await this.api.request<{ user: User }>('POST', '/api/users', input)).user;
  }

  async updateUser(id: string, patch: Partial<{ displayName: string; password: string; role: Role; agencyId: string; disabled: boolean }>): Promise<User> {
    return (await this.api.request<{ user: User }>('PATCH', `/api/users/${enc(id)}`, patch)).user;
  }
}
