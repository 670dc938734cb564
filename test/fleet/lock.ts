/**
 * One lab operation at a time across processes (a global setup and a test file may both call
 * labUp). Node has no flock(2), so a `flock` child holds the kernel lock while `cat` waits on
 * our pipe: closing the pipe, or our death, releases it. A crashed holder can never leave a
 * stale lock behind.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { LabError } from './types';

const WAIT_SECONDS = 900; // a cold build of the cache by another process can take minutes

export async function withLock<T>(lockFile: string, fn: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(lockFile), { recursive: true });
  const holder = spawn('flock', ['-x', '-w', String(WAIT_SECONDS), lockFile, 'sh', '-c', 'echo locked; exec cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolvePromise, reject) => {
    let err = '';
    holder.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    holder.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (d.includes('locked')) resolvePromise();
    });
    holder.on('error', (e) => reject(new LabError('lock', `cannot run flock: ${e.message}`)));
    holder.on('close', (code) =>
      reject(new LabError('lock', `could not lock ${lockFile} within ${WAIT_SECONDS}s (flock exited ${code}) ${err.trim()}`)),
    );
  });
  try {
    return await fn();
  } finally {
    holder.stdin.end();
  }
}
