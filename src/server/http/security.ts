// Browser-facing protections: security headers (with a strict CSP) and cross-site request checks.
//
// CSRF: session cookies are SameSite=Strict, so browsers do not send them on cross-site requests at
// all. On top of that, every state-changing request must (1) come from our own origin (Origin, or
// Sec-Fetch-Site when Origin is absent) and (2) carry the session's CSRF token in X-CSRF-Token.
// The token is a random value stored with the session server-side (synchronizer token), not a
// double-submit cookie: a cookie can be planted by a sibling subdomain (government sites often
// share a parent domain), a value that only the server and our own page know cannot.

import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppContext, AppEnv } from '../context.ts';
import { HttpError } from './errors.ts';

export const CSRF_HEADER = 'x-csrf-token';

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // React style props are set through the CSSOM (not blocked); inline <style> needs this.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  crossOriginEmbedderPolicy: false,
  // Not no-referrer: with it, browsers send `Origin: null` on form posts and the origin check fails.
  referrerPolicy: 'same-origin',
  xFrameOptions: 'DENY',
  // HSTS only makes sense over HTTPS; a reverse proxy that terminates TLS should send it.
  strictTransportSecurity: false,
});

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isSameOrigin(c: AppContext): boolean {
  const origin = c.req.header('origin');
  if (origin) return origin === new URL(c.req.url).origin;
  const site = c.req.header('sec-fetch-site');
  return site === undefined || site === 'same-origin' || site === 'none';
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** For /api: unsafe methods must be same-origin and, once signed in, carry the CSRF token. */
export function csrfGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      if (!isSameOrigin(c)) throw new HttpError(403, 'cross_origin', '拒绝来自其他网站的请求');
      const session = c.get('session');
      const isLogin = c.req.method === 'POST' && c.req.path === '/api/session';
      if (session && !isLogin && !tokensEqual(c.req.header(CSRF_HEADER) ?? '', session.csrfToken)) {
        throw new HttpError(403, 'csrf', '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
      }
    }
    await next();
  };
}

/** The Host header's name, without port or IPv6 brackets, lower-cased. */
function hostName(host: string): string {
  const m = /^\[([^\]]*)\]|^([^:]*)/.exec(host.trim().toLowerCase());
  return m?.[1] ?? m?.[2] ?? '';
}

/**
 * DNS rebinding: a page on an attacker's name that resolves to our address is same-origin with
 * itself, so Origin checks pass. Only the names the server is meant to be reached by are answered.
 */
export function hostGuard(allowedHosts: readonly string[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set(
    allowedHosts.map((h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/^\[(.*)\]$/, '$1'),
    ),
  );
  return async (c, next) => {
    if (!allowed.has(hostName(c.req.header('host') ?? ''))) throw new HttpError(403, 'host_not_allowed', '不接受该主机名的访问（ALLOWED_HOSTS）');
    await next();
  };
}
