// The 政务公开 office's reads and writes (docs/api.md, src/api/oversight.ts) and the clerks'
// reminders, as TanStack Query hooks over the app's one API client.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BulkCheckInfo,
  BulkCheckRequest,
  KeptBulkCheck,
  OversightAgency,
  OversightBoard,
  OversightTimeline,
  PublicationRegisterEntry,
  Reminder,
  ReminderRequest,
  Rollup,
  RollupCell,
  RollupInclude,
} from '../../api/oversight.ts';
import type { CellId } from '../../core/index.ts';
import { useApiClient } from './queries.ts';

const include = (kinds: readonly RollupInclude[]) => encodeURIComponent(kinds.join(','));

/** Where the roll-up downloads (CSV, XLSX) are served; the browser fetches them with the session cookie. */
export const rollupFileUrl = (year: number, kinds: readonly RollupInclude[], format: 'csv' | 'xlsx') => `/api/oversight/rollup?year=${year}&include=${include(kinds)}&format=${format}`;
export const publicationsZipUrl = (year: number) => `/api/oversight/publications.zip?year=${year}`;

const oversightKeys = {
  board: (year: number) => ['oversight', 'board', year] as const,
  agency: (id: string) => ['oversight', 'agency', id] as const,
  rollup: (year: number, kinds: readonly RollupInclude[]) => ['oversight', 'rollup', year, kinds.join(',')] as const,
  cell: (year: number, kinds: readonly RollupInclude[], cell: CellId | '') => ['oversight', 'rollup', year, kinds.join(','), cell] as const,
  timeline: (year: number) => ['oversight', 'timeline', year] as const,
  publications: (year: number) => ['oversight', 'publications', year] as const,
  reminders: ['reminders'] as const,
  bulkChecks: (year: number) => ['oversight', 'bulk-checks', year] as const,
};

function useApi() {
  return useApiClient().api;
}

export function useOversightBoard(year: number) {
  const api = useApi();
  return useQuery({ queryKey: oversightKeys.board(year), queryFn: () => api.request<OversightBoard>('GET', `/api/oversight?year=${year}`) });
}

export function useOversightAgency(id: string) {
  const api = useApi();
  return useQuery({ queryKey: oversightKeys.agency(id), queryFn: () => api.request<OversightAgency>('GET', `/api/oversight/agencies/${encodeURIComponent(id)}`) });
}

export function useRollup(year: number, kinds: readonly RollupInclude[]) {
  const api = useApi();
  return useQuery({
    queryKey: oversightKeys.rollup(year, kinds),
    queryFn: () => api.request<Rollup>('GET', `/api/oversight/rollup?year=${year}&include=${include(kinds)}&format=json`),
  });
}

/** Who contributes to one summed cell; fetched when a cell is opened. */
export function useRollupCell(year: number, kinds: readonly RollupInclude[], cell: CellId | null) {
  const api = useApi();
  return useQuery({
    queryKey: oversightKeys.cell(year, kinds, cell ?? ''),
    queryFn: () => api.request<RollupCell>('GET', `/api/oversight/rollup/cell?year=${year}&include=${include(kinds)}&cell=${encodeURIComponent(cell!)}`),
    enabled: cell !== null,
  });
}

export function useOversightTimeline(year: number) {
  const api = useApi();
  return useQuery({ queryKey: oversightKeys.timeline(year), queryFn: () => api.request<OversightTimeline>('GET', `/api/oversight/timeline?year=${year}`) });
}

export function usePublicationRegister(year: number) {
  const api = useApi();
  return useQuery({
    queryKey: oversightKeys.publications(year),
    queryFn: async () => (await api.request<{ publications: PublicationRegisterEntry[] }>('GET', `/api/oversight/publications?year=${year}`)).publications,
  });
}

export function useSendReminder() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: ReminderRequest) => api.request<{ reminders: Reminder[] }>('POST', '/api/oversight/reminders', request),
    onSuccess: (_, { year, agencyIds }) => {
      void client.invalidateQueries({ queryKey: oversightKeys.board(year) });
      for (const id of agencyIds) void client.invalidateQueries({ queryKey: oversightKeys.agency(id) });
    },
  });
}

/** The signed-in clerk's reminders not yet dismissed (start screen, editor banner, header badge). */
export function useUnreadReminders(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: oversightKeys.reminders,
    queryFn: async () => (await api.request<{ reminders: Reminder[] }>('GET', '/api/reminders?unread=1')).reminders,
    enabled,
  });
}

export function useDismissReminder() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.request<{ reminder: Reminder }>('PATCH', `/api/reminders/${encodeURIComponent(id)}`, { dismissed: true }),
    onSuccess: (_, id) => client.setQueryData<Reminder[]>(oversightKeys.reminders, (old) => old?.filter((r) => r.id !== id)),
  });
}

/** The bulk checks the office kept for a year, newest first. */
export function useKeptBulkChecks(year: number) {
  const api = useApi();
  return useQuery({
    queryKey: oversightKeys.bulkChecks(year),
    queryFn: async () => (await api.request<{ bulkChecks: BulkCheckInfo[] }>('GET', `/api/oversight/bulk-checks?year=${year}`)).bulkChecks,
  });
}

export function useKeepBulkCheck() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: BulkCheckRequest) => api.request<{ bulkCheck: BulkCheckInfo }>('POST', '/api/oversight/bulk-checks', request),
    onSuccess: (_, { year }) => client.invalidateQueries({ queryKey: oversightKeys.bulkChecks(year) }),
  });
}

/** One kept bulk check whole, read when it is downloaded again. */
export function useKeptBulkCheckLoader() {
  const api = useApi();
  return (id: string) => api.request<KeptBulkCheck>('GET', `/api/oversight/bulk-checks/${encodeURIComponent(id)}`);
}
