// A few Web Workers sharing a queue of jobs. A job that runs longer than the time limit has its
// worker terminated (a hostile file never keeps a core busy for long) and the next job gets a fresh
// one; cancel() terminates them all. Time limits use the page's timers, so tests can fake them.

/** The smallest part of the Worker interface the pool uses (a real Worker satisfies it). */
export interface PoolWorker {
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export class JobTimeoutError extends Error {}
export class JobCancelledError extends Error {}
export class WorkerCrashError extends Error {}

interface Job<Req, Res> {
  request: Req;
  transfer: Transferable[];
  resolve: (response: Res) => void;
  reject: (error: Error) => void;
}

export class WorkerPool<Req, Res> {
  private readonly queue: Job<Req, Res>[] = [];
  private readonly idle: PoolWorker[] = [];
  private readonly busy = new Map<PoolWorker, { job: Job<Req, Res>; timer: ReturnType<typeof setTimeout> }>();

  constructor(
    private readonly createWorker: () => PoolWorker,
    private readonly size: number,
    private readonly timeoutMs: number,
    /** Messages a worker's libraries post on their own are not answers; this tells answers apart. */
    private readonly isResponse: (message: unknown) => message is Res,
  ) {}

  run(request: Req, transfer: Transferable[] = []): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      this.queue.push({ request, transfer, resolve, reject });
      this.next();
    });
  }

  /** Stops every running job and drops the queued ones; each of their promises rejects. */
  cancel(): void {
    const cancelled = new JobCancelledError('已取消');
    for (const job of this.queue.splice(0)) job.reject(cancelled);
    for (const [worker, { job, timer }] of this.busy) {
      clearTimeout(timer);
      worker.terminate();
      job.reject(cancelled);
    }
    this.busy.clear();
  }

  /** Terminates the idle workers too (leaving the page). */
  dispose(): void {
    this.cancel();
    for (const worker of this.idle.splice(0)) worker.terminate();
  }

  private next(): void {
    while (this.queue.length && this.busy.size < this.size) {
      const job = this.queue.shift()!;
      const worker = this.idle.pop() ?? this.createWorker();
      const finish = (keep: boolean) => {
        clearTimeout(this.busy.get(worker)?.timer);
        this.busy.delete(worker);
        worker.onmessage = worker.onerror = null;
        if (keep) this.idle.push(worker);
        else worker.terminate();
        this.next();
      };
      const timer = setTimeout(() => {
        finish(false);
        job.reject(new JobTimeoutError(`处理超过 ${Math.round(this.timeoutMs / 1000)} 秒仍未完成，已停止（文件可能过大或结构异常）`));
      }, this.timeoutMs);
      this.busy.set(worker, { job, timer });
      worker.onmessage = (event) => {
        if (!this.isResponse(event.data)) return;
        finish(true);
        job.resolve(event.data as Res);
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        finish(false);
        job.reject(new WorkerCrashError(`读取时后台任务异常退出（可能是文件过大，内存不足）${event.message ? `：${event.message}` : ''}`));
      };
      worker.postMessage(job.request, job.transfer);
    }
  }
}
