// The one way components read and write: TanStack Query over the ApiClient (the server API).
// A 401 anywhere signs the app out (the sign-in screen shows); nothing else knows about HTTP.

import { MutationCache, QueryCache, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, createElement, type ReactNode, useContext } from 'react';
import type { AgencyCreateRequest, CurrentUser, UserCreateRequest } from '../../api/accounts.ts';
import type { CommentTarget, CreateReportRequest, ReportSummary } from '../../api/reports.ts';
import type { Action } from '../../api/workflow.ts';
import type { FontRoleName } from '../../core/index.ts';
import { ApiError, OfflineError } from './api.ts';
import type { ApiClient, ReportRecord } from './api-client.ts';

const ApiClientContext = createContext<ApiClient | null>(null);

export function ApiClientProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return createElement(ApiClientContext.Provider, { value: client }, children);
}

export function useApiClient(): ApiClient {
  const client = useContext(ApiClientContext);
  if (!client) throw new Error('ApiClientProvider missing');
  return client;
}

export const keys = {
  session: ['session'] as const,
  list: ['reports'] as const,
  report: (id: string) => ['report', id] as const,
  revisions: (id: string) => ['report', id, 'revisions'] as const,
  diff: (id: string, from: number | 'previous-year', to: number) => ['report', id, 'diff', from, to] as const,
  comments: (id: string) => ['report', id, 'comments'] as const,
  publications: (id: string) => ['report', id, 'publications'] as const,
  audit: (id: string) => ['report', id, 'audit'] as const,
  agencies: ['agencies'] as const,
  users: ['users'] as const,
  fonts: ['fonts'] as const,
};

/** The app's query client: a 401 from any request means the session ended → sign in again. */
export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (e) => signedOut(e) }),
    mutationCache: new MutationCache({ onError: (e) => signedOut(e) }),
    defaultOptions: {
      // Queries retry while the server is unreachable; other errors are shown at once.
      queries: { networkMode: 'offlineFirst', retry: (n, e) => options.retry !== false && e instanceof OfflineError && n < 3, refetchOnWindowFocus: false },
      mutations: { networkMode: 'always', retry: false },
    },
  });
  function signedOut(e: unknown) {
    if (e instanceof ApiError && e.status === 401 && e.code === 'unauthenticated') client.setQueryData(keys.session, null);
  }
  return client;
}

export function useCurrentSession() {
  const api = useApiClient();
  // While the server is unreachable the app keeps asking, so it recovers by itself.
  return useQuery({ queryKey: keys.session, queryFn: () => api.session(), staleTime: Infinity, refetchInterval: (q) => (q.state.error instanceof OfflineError ? 5000 : false) });
}

const UserContext = createContext<CurrentUser | null>(null);

/** Provides the signed-in user to the screens shown while signed in. */
export function SignedIn({ user, children }: { user: CurrentUser; children: ReactNode }) {
  return createElement(UserContext.Provider, { value: user }, children);
}

/** The signed-in user (the screens that use it render only inside SignedIn). */
export function useUser(): CurrentUser {
  const user = useContext(UserContext);
  if (!user) throw new Error('SignedIn missing');
  return user;
}

export function useSignIn() {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => api.signIn(username, password),
    onSuccess: (user) => {
      // Another user's cached reports must not show.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      client.setQueryData(keys.session, user);
    },
  });
}

export function useSignOut() {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.signOut(),
    onSuccess: () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      client.setQueryData(keys.session, null);
    },
  });
}

export function useReportList() {
  const api = useApiClient();
  return useQuery({ queryKey: keys.list, queryFn: () => api.list() });
}

/** A report opened in the editor: loaded once; the editor owns the document afterwards. */
export function useReport(id: string) {
  const api = useApiClient();
  return useQuery({ queryKey: keys.report(id), queryFn: () => api.get(id), staleTime: Infinity });
}

export function useCreateReport() {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, document, previous }: CreateReportRequest) => api.create(year, document, previous),
    onSuccess: (record) => {
      client.setQueryData(keys.report(record.report.id), record);
      void client.invalidateQueries({ queryKey: keys.list });
    },
  });
}

/** Deletes a never-submitted draft; the list is read again either way (a refusal means it changed). */
export function useDeleteReport() {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revision }: { id: string; revision: number }) => api.deleteReport(id, revision),
    onSuccess: (_, { id }) => {
      client.setQueryData<ReportSummary[]>(keys.list, (old) => old?.filter((r) => r.id !== id));
      client.removeQueries({ queryKey: keys.report(id) });
    },
    onSettled: () => client.invalidateQueries({ queryKey: keys.list }),
  });
}

/** Reads a report outside render (e.g. to start next year's from it), through the cache. */
export function useReportLoader() {
  const api = useApiClient();
  const client = useQueryClient();
  return (id: string) => client.fetchQuery({ queryKey: keys.report(id), queryFn: () => api.get(id), staleTime: Infinity });
}

export function useRevisions(id: string) {
  const api = useApiClient();
  return useQuery({ queryKey: keys.revisions(id), queryFn: () => api.revisions(id) });
}

export function useDiff(id: string, from: number | 'previous-year' | null, to: number | null) {
  const api = useApiClient();
  return useQuery({
    queryKey: keys.diff(id, from ?? 0, to ?? 0),
    queryFn: () => api.diff(id, from!, to!),
    enabled: from !== null && to !== null,
    staleTime: Infinity,
  });
}

export function useComments(id: string) {
  const api = useApiClient();
  return useQuery({ queryKey: keys.comments(id), queryFn: () => api.comments(id) });
}

export function useAddComment(id: string) {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ target, body }: { target: CommentTarget; body: string }) => api.addComment(id, target, body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.comments(id) }),
  });
}

export function useResolveComment(id: string) {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, resolved }: { commentId: string; resolved: boolean }) => api.resolveComment(id, commentId, resolved),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.comments(id) }),
  });
}

export function useReplyToComment(id: string) {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: string }) => api.replyToComment(id, commentId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.comments(id) }),
  });
}

/** A workflow step; on success the report (status, head) and the lists are read again. */
export function useTransition(id: string) {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, revision, message }: { action: Action; revision: number; message?: string }) => api.transition(id, action, revision, message),
    onSuccess: (report) => {
      client.setQueryData<ReportRecord>(keys.report(id), (old) => old && { ...old, report });
      void client.invalidateQueries({ queryKey: keys.report(id) });
      void client.invalidateQueries({ queryKey: keys.list });
    },
  });
}

export function useAudit(id: string, enabled = true) {
  const api = useApiClient();
  return useQuery({ queryKey: keys.audit(id), queryFn: () => api.audit(id), enabled });
}

export function usePublications(id: string, enabled = true) {
  const api = useApiClient();
  return useQuery({ queryKey: keys.publications(id), queryFn: () => api.publications(id), enabled });
}

export function useAgencies() {
  const api = useApiClient();
  return useQuery({ queryKey: keys.agencies, queryFn: () => api.agencies() });
}

export function useUsers() {
  const api = useApiClient();
  return useQuery({ queryKey: keys.users, queryFn: () => api.users() });
}

export function useCreateAgency() {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AgencyCreateRequest) => api.createAgency(input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.agencies }),
  });
}

/** Rename, change kind or move; the list is read again either way (a refusal may mean it changed). */
export function useUpdateAgency() {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Parameters<ApiClient['updateAgency']>[1] }) => api.updateAgency(id, patch),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.session }),
    onSettled: () => client.invalidateQueries({ queryKey: keys.agencies }),
  });
}

export function useCreateUser() {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UserCreateRequest) => api.createUser(input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.users }),
  });
}

export function useUpdateUser() {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Parameters<ApiClient['updateUser']>[1] }) => api.updateUser(id, patch),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.users }),
  });
}

export function useChangePassword() {
  const api = useApiClient();
  return useMutation({
    mutationFn: ({ currentPassword, newPassword }: { currentPassword: string; newPassword: string }) => api.changePassword(currentPassword, newPassword),
  });
}

export function useInstalledFonts() {
  const api = useApiClient();
  return useQuery({ queryKey: keys.fonts, queryFn: () => api.installedFonts() });
}

/** Install (file) or remove (null) the server's font for a role; the list is read again either way. */
export function useSetInstalledFont() {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ role, file }: { role: FontRoleName; file: File | null }) => (file ? api.installFont(role, file) : api.removeInstalledFont(role)),
    onSettled: () => client.invalidateQueries({ queryKey: keys.fonts }),
  });
}
