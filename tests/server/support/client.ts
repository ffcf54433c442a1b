// A tiny API client for tests and the bench: keeps the session cookie and the CSRF token the way
// the app does, and returns status and parsed JSON without throwing on error statuses.
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class Client {
  cookie = '';
  csrf = '';

  constructor(readonly base: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(this.cookie && { cookie: this.cookie }),
        ...(this.csrf && method !== 'GET' && { 'x-csrf-token': this.csrf }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
    for (const setCookie of res.headers.getSetCookie()) {
      const m = /^nianbao_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `nianbao_session=${m[1]}` : '';
    }
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await res.json() : type.startsWith('text/') ? await res.text() : new Uint8Array(await res.arrayBuffer());
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  put = <T = any>(path: string, body?: unknown) => this.request<T>('PUT', path, body);
  patch = <T = any>(path: string, body?: unknown) => this.request<T>('PATCH', path, body);
  delete = <T = any>(path: string, body?: unknown) => this.request<T>('DELETE', path, body);

  /** The raw bytes of a download, whatever its type. */
  async download(path: string): Promise<{ status: number; bytes: Uint8Array; headers: Headers }> {
    const res = await fetch(this.base + path, { headers: this.cookie ? { cookie: this.cookie } : {} });
    return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()), headers: res.headers };
  }

  async login(username: string, password: string): Promise<this> {
    const res = await this.request('POST', '/api/session', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    this.csrf = res.body.csrfToken;
    return this;
  }
}

/** Creates the first administrator through the setup page, as a person at the server would. */
export async function setupAdmin(base: string, username = 'admin', password = 'admin-password-1'): Promise<Client> {
  const form = new URLSearchParams({ agencyName: '某某市人民政府', agencyKind: 'government', username, displayName: '管理员', password, password2: password });
  const res = await fetch(`${base}/setup`, { method: 'POST', body: form, redirect: 'manual', headers: { origin: base } });
  if (res.status !== 303) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  return new Client(base).login(username, password);
}
