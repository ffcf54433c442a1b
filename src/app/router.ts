// A tiny hash router: the start screen and one page per report step. Hash routes survive a
// reload and need no server configuration.
import { useSyncExternalStore } from 'react';
import { isStepId, type StepId } from './editor/steps.ts';

export type Route = { page: 'list' } | { page: 'report'; id: string; step: StepId };

export function parseHash(hash: string): Route {
  const m = /^#\/report\/([^/]+)(?:\/([^/]+))?$/.exec(hash);
  if (!m) return { page: 'list' };
  const step = m[2] ?? 'cover';
  return { page: 'report', id: decodeURIComponent(m[1]!), step: isStepId(step) ? step : 'cover' };
}

export function href(route: Route): string {
  return route.page === 'list' ? '#/' : `#/report/${encodeURIComponent(route.id)}/${route.step}`;
}

export function navigate(route: Route) {
  window.location.hash = href(route);
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}
