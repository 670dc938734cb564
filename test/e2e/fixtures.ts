/**
 * `opsdeck`: a browser host of its own for every test, on a fresh vault in a temp dir, started the
 * way a user starts it (`node bin/opsdeck.mjs serve --port 0`) and stopped after the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const READY = /OpsDeck is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))/;

export interface OpsDeckServer {
  /** The URL the host printed, token included (a new token after restart()). */
  url: string;
  /** http://127.0.0.1:PORT/ without the token. */
  origin: string;
  vaultPath: string;
  /** A temp dir for the test's own files (generated keys); removed afterwards. */
  dir: string;
  /** Stop the host and start a new one on the same vault: proves what is on disk, not in memory. */
  restart(): Promise<void>;
}

function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`opsdeck serve printed no URL within ${timeoutMs} ms.\nstdout: ${out}\nstderr: ${err}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = READY.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`opsdeck serve exited with ${code}.\nstdout: ${out}\nstderr: ${err}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function start(vaultPath: string): Promise<{ child: ChildProcess; url: string; origin: string }> {
  const child = spawn(process.execPath, ['bin/opsdeck.mjs', 'serve', '--port', '0', '--vault', vaultPath], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  try {
    const [, url = '', port = ''] = await waitForUrl(child, 30_000);
    return { child, url, origin: `http://127.0.0.1:${port}/` };
  } catch (e) {
    await stop(child);
    throw e;
  }
}

export const test = base.extend<{ opsdeck: OpsDeckServer }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  opsdeck: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'opsdeck-e2e-'));
    const vaultPath = join(dir, 'vault.opsdeck');
    let running: Awaited<ReturnType<typeof start>> | null = null;
    try {
      running = await start(vaultPath);
      const server: OpsDeckServer = {
        url: running.url,
        origin: running.origin,
        vaultPath,
        dir,
        async restart() {
          if (running) await stop(running.child);
          running = null;
          running = await start(vaultPath);
          server.url = running.url;
          server.origin = running.origin;
        },
      };
      await use(server);
    } finally {
      if (running) await stop(running.child);
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
