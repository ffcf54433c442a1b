// The data directory's lock file: taken exclusively, refused while its owner lives, taken over from
// a process that is gone or from a pid that now belongs to another program.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir } from '../../src/server/db/data-dir-lock.ts';

describe('data directory lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-lock-'));
  const lockFile = join(dir, 'nianbao.lock');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused while a live Node process owns it, naming the pid', async () => {
    const owner = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      writeFileSync(lockFile, `${owner.pid}\n`);
      expect(() => lockDataDir(dir)).toThrow(DataDirBusyError);
      expect(() => lockDataDir(dir)).toThrow(`数据目录正被进程 ${owner.pid} 使用`);
    } finally {
      owner.kill('SIGKILL');
    }
  });

  it('takes over the lock of a process that is gone, or of a pid now running something else', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => gone.once('exit', r));
    for (const stalePid of [gone.pid!, ...(existsSync('/proc/1/cmdline') && !readFileSync('/proc/1/cmdline', 'utf8').includes('node') ? [1] : [])]) {
      writeFileSync(lockFile, `${stalePid}\n`);
      const release = lockDataDir(dir);
      expect(readFileSync(lockFile, 'utf8')).toBe(`${process.pid}\n`);
      release();
      expect(existsSync(lockFile)).toBe(false);
    }
  });
});
