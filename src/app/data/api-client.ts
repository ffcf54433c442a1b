// The app's client of the server's JSON API (docs/api.md, types in src/api): one method per endpoint
// of reports, review, accounts and fonts. Screens use it through the TanStack Query hooks in
// queries.ts; the editor calls it directly to autosave and to reload after a conflict, and the
// office's hooks (oversight.ts) use its `api`. Only main.tsx (or a test) decides where the server is.
import type {
  Agency,
  AgencyCreateRequest,
  AgencyPatchRequest,
  CurrentUser,
  PasswordChangeRequest,
  SessionAnswer,
  SignInRequest,
  User,
  UserCreateRequest,
  UserPatchRequest,
} from '../../api/accounts.ts';
import type { FontInstallRequest, InstalledFont } from '../../api/fonts.ts';
import type {
  AuditEntry,
  CommentRequest,
  CommentTarget,
  CreatedAnswer,
  CreateReportRequest,
  DeleteReportRequest,
  DiffAnswer,
  LastYear,
  Publication,
  ReplyRequest,
  ReportAnswer,
  ReportListItem,
  ReportSummary,
  ResolveCommentRequest,
  ReviewComment,
  Revision,
  RevisionAnswer,
  SaveAnswer,
  SaveRequest,
  TransitionAnswer,
  TransitionRequest,
} from '../../api/reports.ts';
import type { Action } from '../../api/workflow.ts';
import type { FontRoleName, ReportDocument } from '../../core/index.ts';
import { Api, ApiError } from './api.ts';

/** A report opened in the app: the newest revision and last year's report for the cross-year checks. */
export interface ReportRecord extends ReportAnswer {
  previous: LastYear | null;
}

const enc = encodeURIComponent;

export class ApiClient {
  constructor(readonly api: Api = new Api()) {}

  /** The signed-in user, or null when signed out. Re-reads the CSRF token after a reload. */
  async session(): Promise<CurrentUser | null> {
    try {
      const { user, csrfToken } = await this.api.request<SessionAnswer>('GET', '/api/session');
      this.api.csrfToken = csrfToken;
      return user;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  }

  async signIn(username: string, password: string): Promise<CurrentUser> {
    const { user, csrfToken } = await this.api.request<SessionAnswer>('POST', '/api/session', { username, password } satisfies SignInRequest);
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
    const [current, previous] = await Promise.all([this.api.request<ReportAnswer>('GET', `/api/reports/${enc(id)}`), this.previousYear(id)]);
    return { ...current, previous };
  }

  /**
   * A new report for the clerk's agency: blank when `document` is omitted; `previous` is last year's
   * report imported from its file, kept with the report. 409 `duplicate` names the existing one.
   */
  async create(year: number, document?: ReportDocument, previous?: { fileName: string; document: ReportDocument }): Promise<ReportRecord> {
    const body: CreateReportRequest = { year, ...(document && { document }), ...(previous && { previous }) };
    const created = await this.api.request<CreatedAnswer>('POST', '/api/reports', body);
    return { ...created, previous: await this.previousYear(created.report.id) };
  }

  /** Deletes a never-submitted draft, based on the newest revision the clerk has seen (409 otherwise). */
  async deleteReport(id: string, revision: number): Promise<void> {
    await this.api.request('DELETE', `/api/reports/${enc(id)}`, { revision } satisfies DeleteReportRequest);
  }

  /** Stores a new revision; throws StaleRevisionError when `baseRevision` is not the newest. */
  async save(id: string, document: ReportDocument, baseRevision: number): Promise<SaveAnswer> {
    return this.api.request('PUT', `/api/reports/${enc(id)}/document`, { baseRevision, document } satisfies SaveRequest);
  }

  async revisions(id: string): Promise<Revision[]> {
    return (await this.api.request<{ revisions: Revision[] }>('GET', `/api/reports/${enc(id)}/revisions`)).revisions;
  }

  async revision(id: string, n: number): Promise<RevisionAnswer> {
    return this.api.request('GET', `/api/reports/${enc(id)}/revisions/${n}`);
  }

  async diff(id: string, from: number | 'previous-year', to?: number): Promise<DiffAnswer> {
    return this.api.request('GET', `/api/reports/${enc(id)}/diff?from=${from}${to === undefined ? '' : `&to=${to}`}`);
  }

  async comments(id: string): Promise<ReviewComment[]> {
    return (await this.api.request<{ comments: ReviewComment[] }>('GET', `/api/reports/${enc(id)}/comments`)).comments;
  }

  async addComment(id: string, target: CommentTarget, body: string): Promise<ReviewComment> {
    return (await this.api.request<{ comment: ReviewComment }>('POST', `/api/reports/${enc(id)}/comments`, { target, body } satisfies CommentRequest)).comment;
  }

  async resolveComment(id: string, commentId: string, resolved: boolean): Promise<ReviewComment> {
    return (await this.api.request<{ comment: ReviewComment }>('PATCH', `/api/reports/${enc(id)}/comments/${enc(commentId)}`, { resolved } satisfies ResolveCommentRequest)).comment;
  }

  async replyToComment(id: string, commentId: string, body: string): Promise<ReviewComment> {
    return (await this.api.request<{ comment: ReviewComment }>('POST', `/api/reports/${enc(id)}/comments/${enc(commentId)}/replies`, { body } satisfies ReplyRequest)).comment;
  }

  /** A workflow step based on `revision` (the newest the actor has seen); 422 carries the findings. */
  async transition(id: string, action: Action, revision: number, message?: string): Promise<ReportSummary> {
    const body: TransitionRequest = { revision, ...(message && { message }) };
    return (await this.api.request<TransitionAnswer>('POST', `/api/reports/${enc(id)}/${action}`, body)).report;
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

  async createAgency(input: AgencyCreateRequest): Promise<Agency> {
    return (await this.api.request<{ agency: Agency }>('POST', '/api/agencies', input)).agency;
  }

  async updateAgency(id: string, patch: AgencyPatchRequest): Promise<Agency> {
    return (await this.api.request<{ agency: Agency }>('PATCH', `/api/agencies/${enc(id)}`, patch)).agency;
  }

  /** The signed-in user's own password; the server ends this user's other sessions. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await this.api.request('PUT', '/api/session/password', { currentPassword, newPassword } satisfies PasswordChangeRequest);
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
    await this.api.request('PUT', `/api/fonts/${enc(role)}`, { fileName: file.name, base64: btoa(binary) } satisfies FontInstallRequest);
  }

  async removeInstalledFont(role: FontRoleName): Promise<void> {
    await this.api.request('DELETE', `/api/fonts/${enc(role)}`);
  }

  async users(): Promise<User[]> {
    return (await this.api.request<{ users: User[] }>('GET', '/api/users')).users;
  }

  async createUser(input: UserCreateRequest): Promise<User> {
    return (await this.api.request<{ user: User }>('POST', '/api/users', input)).user;
  }

  async updateUser(id: string, patch: UserPatchRequest): Promise<User> {
    return (await this.api.request<{ user: User }>('PATCH', `/api/users/${enc(id)}`, patch)).user;
  }
}
