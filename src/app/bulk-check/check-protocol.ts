// The messages between the page and a bulk-check worker (check-worker.ts), kept apart from the
// worker so the page does not load the worker's code.
import type { CheckResult } from '../../import/check.ts';
import type { ZipEntry } from './unzip.ts';

export type CheckRequest = { type: 'check' | 'unzip'; name: string; bytes: Uint8Array };
export type CheckResponse =
  | { type: 'checked'; result: CheckResult }
  | { type: 'unzipped'; entries: ZipEntry[] }
  /** The file cannot be used; the message is Chinese and says why (as `nianbao check` says it). */
  | { type: 'unreadable'; message: string };

export const isCheckResponse = (message: unknown): message is CheckResponse =>
  typeof message === 'object' && message !== null && ['checked', 'unzipped', 'unreadable'].includes((message as { type?: unknown }).type as string);
