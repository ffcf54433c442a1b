// One process per embedded data directory. PGlite has no lock of its own: a second process that
// opens the same directory (a second `npm start`, an overlapping restart) runs recovery and
// migrations against files the first is writing, and a later crash leaves a database that no longer
// opens. The lock is a file holding the owner's pid, created exclusively before the database is
// opened; a lock whose process is gone (kill -9, power loss) is stale and taken over.
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'nianbao.lock';

export class DataDirBusyError extends Error {
  constructor(
    readonly pid: number,
    dataDir: string,
  ) {
    super(`数据目录正被进程 ${pid} 使用（${dataDir}）：同一数据目录只能由一个年报服务进程打开`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // After a restart (a container's in particular) the pid may now be some other program's: where
  // Linux says what runs under it, only a Node process counts as the owner.
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true;
  }
}

function readOwner(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the directory's lock or throws DataDirBusyError; the returned function releases it. */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return () => {
        if (readOwner(path) === process.pid) unlinkSync(path);
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = readOwner(path);
    if (owner !== null && owner !== process.pid && isAlive(owner)) throw new DataDirBusyError(owner, dataDir);
    // Stale. Move it aside rather than delete it, then check that what was moved is the stale
    // lock: a process that took the lock over in between gets its file back.
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    const moved = readOwner(aside);
    if (moved !== owner && moved !== null && isAlive(moved)) {
      renameSync(aside, path);
      throw new DataDirBusyError(moved, dataDir);
    }
    unlinkSync(aside);
  }
  throw new Error(`无法锁定数据目录 ${dataDir}`);
}
