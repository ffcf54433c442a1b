// The bulk check's worker pool: at most `size` jobs at once, a job past its time limit stopped (its
// worker terminated, a fresh one for the next job), cancel stops all, foreign messages ignored.
// The workers are stand-ins answering when the test says so; time is vitest's fake clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobCancelledError, JobTimeoutError, type PoolWorker, WorkerPool } from '../../src/app/bulk-check/pool.ts';

class StubWorker implements PoolWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: unknown[] = [];
  terminated = false;
  postMessage(message: unknown) {
    this.received.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }
}

type Answer = { answer: number };
const isAnswer = (m: unknown): m is Answer => typeof m === 'object' && m !== null && 'answer' in m;

let workers: StubWorker[];
let pool: WorkerPool<number, Answer>;
const busy = () => workers.filter((w) => w.onmessage);

beforeEach(() => {
  vi.useFakeTimers();
  workers = [];
  pool = new WorkerPool(() => workers[workers.push(new StubWorker()) - 1]!, 2, 1000, isAnswer);
});
afterEach(() => vi.useRealTimers());

describe('WorkerPool', () => {
  it('runs at most `size` jobs at once and reuses idle workers', async () => {
    const results = [1, 2, 3].map((n) => pool.run(n));
    expect(workers).toHaveLength(2);
    expect(workers.map((w) => w.received)).toEqual([[1], [2]]);
    workers[0]!.answer({ answer: 10 });
    await expect(results[0]).resolves.toEqual({ answer: 10 });
    expect(workers).toHaveLength(2);
    expect(workers[0]!.received).toEqual([1, 3]);
  });

  it('ignores messages that are not answers', async () => {
    const result = pool.run(1);
    workers[0]!.answer({ action: 'ready' });
    expect(busy()).toHaveLength(1);
    workers[0]!.answer({ answer: 1 });
    await expect(result).resolves.toEqual({ answer: 1 });
  });

  it('stops a job past its time limit and gives the next job a fresh worker', async () => {
    const slow = pool.run(1);
    const rejected = expect(slow).rejects.toBeInstanceOf(JobTimeoutError);
    vi.advanceTimersByTime(999);
    expect(workers[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    await rejected;
    await expect(slow).rejects.toThrow('处理超过 1 秒仍未完成');
    expect(workers[0]!.terminated).toBe(true);
    void pool.run(2);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.received).toEqual([2]);
  });

  it('cancel rejects running and queued jobs and terminates their workers', async () => {
    const jobs = [1, 2, 3].map((n) => pool.run(n));
    pool.cancel();
    for (const job of jobs) await expect(job).rejects.toBeInstanceOf(JobCancelledError);
    expect(workers.every((w) => w.terminated)).toBe(true);
    // A cancelled job's time limit no longer fires.
    vi.advanceTimersByTime(5000);
    expect(workers).toHaveLength(2);
  });
});
