// A tiny hash router: the start screen and one page per report step. Hash routes survive a
// reload and need no server configuration.
import { useSyncExternalStore } from 'react';
import { isStepId, type StepId } from './editor/steps.ts';

export type Route = { page: 'list' } | { page: 'report'; id: string; step: StepId } | { page: 'history'; id: string };

export function parseHash(hash: string): Route {
  const m = /^#\/report\/([^/]+)(?:\/([^/]+))?$/.exec(hash);
  if (!m) return { page: 'list' };
  const id = decodeURIComponent(m[1]!);
  const step = m[2] ?? 'cover';
  if (step === 'history') return { page: 'history', id };
  return { page: 'report', id, step: isStepId(step) ? step : 'cover' };
}

export function href(route: Route): string {
  if (route.page === 'list') return '#/';
  return `#/report/${encodeURIComponent(route.id)}/${route.page === 'history' ? 'history' : route.step}`;
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
