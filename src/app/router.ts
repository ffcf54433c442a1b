// A tiny hash router: the start screen and one page per report step. Hash routes survive a
// reload and need no server configuration.
import { useSyncExternalStore } from 'react';
import { isStepId, type StepId } from './editor/steps.ts';

/** The 政务公开 office's screens (src/app/oversight, src/app/bulk-check). */
export const OFFICE_VIEWS = ['board', 'rollup', 'charts', 'register', 'bulk-check'] as const;
export type OfficeView = (typeof OFFICE_VIEWS)[number];

export type Route =
  | { page: 'list' }
  | { page: 'report'; id: string; step: StepId }
  | { page: 'history'; id: string }
  | { page: 'office'; view: OfficeView; year?: number }
  /** An agency's page for the office; `year` is the board it was opened from. */
  | { page: 'agency'; id: string; year?: number };

export function parseHash(hash: string): Route {
  const agency = /^#\/office\/agency\/([^/]+)(?:\/(\d{4}))?$/.exec(hash);
  if (agency) return { page: 'agency', id: decodeURIComponent(agency[1]!), ...(agency[2] && { year: Number(agency[2]) }) };
  const office = /^#\/office\/([a-z-]+)(?:\/(\d{4}))?$/.exec(hash);
  if (office && (OFFICE_VIEWS as readonly string[]).includes(office[1]!)) {
    return { page: 'office', view: office[1] as OfficeView, ...(office[2] && { year: Number(office[2]) }) };
  }
  const m = /^#\/report\/([^/]+)(?:\/([^/]+))?$/.exec(hash);
  if (!m) return { page: 'list' };
  const id = decodeURIComponent(m[1]!);
  const step = m[2] ?? 'cover';
  if (step === 'history') return { page: 'history', id };
  return { page: 'report', id, step: isStepId(step) ? step : 'cover' };
}

export function href(route: Route): string {
  if (route.page === 'list') return '#/';
  if (route.page === 'office') return `#/office/${route.view}${route.year ? `/${route.year}` : ''}`;
  if (route.page === 'agency') return `#/office/agency/${encodeURIComponent(route.id)}${route.year ? `/${route.year}` : ''}`;
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
