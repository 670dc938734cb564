// What the terminal benchmarks share: a browser host on a fresh vault with one fleet host, Debian's
// headless Chromium (the flags research/terminal-measured.md called config A) showing the real
// renderer, a terminal opened through the UI, and the deterministic `ls -l`-like text used for
// both the SSH run and the raw xterm.js baseline.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { labStatus, type LabHost } from '../fleet/index';

const root = fileURLToPath(new URL('../..', import.meta.url));
const READY = /OpsDeck is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/;
export const PASSPHRASE = 'bench passphrase for terminals';

/**
 * `count` lines like GNU `ls -l --color`: dim permissions, sizes, and coloured names, ~100 bytes a
 * line. Deterministic (an LCG), and written to be evaluated in the page too (no closures).
 */
export function lsLines(count: number, eol: string): string {
  let seed = 42;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const colors = ['01;34', '01;32', '01;36', '01;31', '00'];
  const words = ['config', 'server', 'backup', 'access', 'release', 'cache', 'nginx', 'postgres', 'deploy', 'metrics'];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const size = String(rnd(10_000_000)).padStart(9, ' ');
    const name = `${words[rnd(words.length)]}-${rnd(100_000)}.${['log', 'conf', 'tar.gz', 'json', 'd'][rnd(5)]}`;
    const color = colors[rnd(colors.length)];
    out.push(
      `\u001b[2m-rw-r--r--\u001b[0m 1 root adm \u001b[33m${size}\u001b[0m Nov 27 12:${String(rnd(60)).padStart(2, '0')} \u001b[${color}m${name}\u001b[0m${eol}`,
    );
  }
  return out.join('');
}

/** Lines in the 4 MiB-ish pool that is repeated to make the big file. */
export const POOL_LINES = 40_000;
export const REPEATS = 25;
export const REMOTE_FILE = '/tmp/opsdeck-bench-100m.txt';

export interface Harness {
  page: Page;
  host: LabHost;
  serverPid: number;
  /** Bytes of terminal.data messages the page has received over the WebSocket. */
  receivedBytes(): Promise<number>;
  close(): Promise<void>;
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`opsdeck serve printed no URL: ${out}`)), 60_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = READY.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`opsdeck serve exited with ${code}: ${out}`)));
  });
}

async function apiCall(page: Page, method: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ method, input }) => {
      const ws = new WebSocket(`ws://${location.host}/api`);
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = () => reject(new Error('cannot open the API socket'));
      });
      const result = await new Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>((resolve) => {
        ws.addEventListener('message', (e: MessageEvent<string>) => {
          const msg = JSON.parse(e.data) as { id?: number; result?: { ok: boolean; value?: unknown; error?: { message: string } } };
          if (msg.id === 1 && msg.result) resolve(msg.result);
        });
        ws.send(JSON.stringify({ id: 1, method, input }));
      });
      ws.close();
      if (!result.ok) throw new Error(`${method}: ${result.error?.message ?? 'failed'}`);
      return result.value;
    },
    { method, input },
  );
}

/** Put the big file on the host (once per host; reused while it is there with the right size). */
export function ensureRemoteFile(host: LabHost): number {
  const pool = lsLines(POOL_LINES, '\n');
  const size = Buffer.byteLength(pool) * REPEATS;
  const ssh = [
    '-i',
    host.privateKeyPath,
    '-o',
    `UserKnownHostsFile=${host.knownHostsPath}`,
    '-o',
    'StrictHostKeyChecking=yes',
    `${host.user}@${host.address}`,
  ];
  const have = spawnSync('ssh', [...ssh, `stat -c %s ${REMOTE_FILE} 2>/dev/null || echo 0`], { encoding: 'utf8' });
  if (Number(have.stdout.trim()) === size) return size;
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-bench-term-'));
  try {
    const file = join(dir, 'pool.txt');
    writeFileSync(file, pool);
    const up = spawnSync(
      'ssh',
      [
        ...ssh,
        `cat > ${REMOTE_FILE}.pool && for i in $(seq ${REPEATS}); do cat ${REMOTE_FILE}.pool; done > ${REMOTE_FILE} && rm ${REMOTE_FILE}.pool`,
      ],
      {
        input: readFileSync(file),
      },
    );
    if (up.status !== 0) throw new Error(`could not write ${REMOTE_FILE}: ${up.stderr.toString()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return size;
}

export function removeRemoteFile(host: LabHost): void {
  spawnSync('ssh', [
    '-i',
    host.privateKeyPath,
    '-o',
    `UserKnownHostsFile=${host.knownHostsPath}`,
    `${host.user}@${host.address}`,
    `rm -f ${REMOTE_FILE}`,
  ]);
}

export async function fleetHost(): Promise<LabHost> {
  const status = await labStatus();
  const h = status.hosts.find((x) => x.state === 'running');
  if (!status.up || !h) throw new Error('the test fleet is not up (npm run lab:up)');
  return h;
}

export async function startHarness(host: LabHost): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-bench-term-'));
  const server = spawn(process.execPath, ['bin/opsdeck.mjs', 'serve', '--port', '0', '--vault', join(dir, 'vault.opsdeck')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = await waitForUrl(server);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    // tsx (esbuild) keeps function names with a __name() helper that functions sent to the page call.
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    const page = await context.newPage();
    // Count terminal output bytes as they arrive (CDP-injected, so the page's CSP does not apply).
    await page.addInitScript(() => {
      const w = window as unknown as { __termBytes: number };
      w.__termBytes = 0;
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        constructor(u: string | URL, p?: string | string[]) {
          super(u, p);
          this.addEventListener('message', (e: MessageEvent<unknown>) => {
            if (typeof e.data === 'string' && e.data.startsWith('{"event":"terminal.data"')) w.__termBytes += e.data.length;
          });
        }
      };
    });
    await page.goto(url);
    await page.getByTestId('create-vault-form').waitFor();
    await page.getByTestId('passphrase').fill(PASSPHRASE);
    await page.getByTestId('passphrase-confirm').fill(PASSPHRASE);
    await page.getByTestId('create-vault').click();
    await page.getByTestId('shell').waitFor({ timeout: 30_000 });
    await apiCall(page, 'credentials.add', { kind: 'private-key', name: 'fleet', path: host.privateKeyPath });
    await apiCall(page, 'hosts.add', { name: host.name, address: host.address, user: host.user, credential: 'fleet' });
    await page.reload();
    await page.getByTestId('shell').waitFor();
    return {
      page,
      host,
      serverPid: server.pid!,
      receivedBytes: () => page.evaluate(() => (window as unknown as { __termBytes: number }).__termBytes),
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

export function paneOf(page: Page, index = 0): Locator {
  return page.getByTestId('terminal-pane').nth(index);
}

/** Open a terminal to the host from the quick switcher, trusting its key the first time. */
export async function openTerminal(h: Harness): Promise<Locator> {
  const { page } = h;
  await page.keyboard.press('Control+k');
  await page.getByTestId('switcher-input').fill(h.host.name);
  await page.getByTestId('switcher-input').press('Enter');
  const newest = page.locator(`[data-testid="terminal-pane"][data-host="${h.host.name}"]`).last();
  // Pin the locator to this pane: a split later adds another pane for the same host.
  const pane = page.locator(`[data-pane="${await newest.getAttribute('data-pane')}"]`);
  const el = await pane.elementHandle();
  await page.waitForFunction((e) => ['open', 'hostkey', 'failed'].includes(e?.getAttribute('data-status') ?? ''), el, { timeout: 20_000 });
  if ((await pane.getAttribute('data-status')) === 'hostkey') await pane.getByTestId('pane-hostkey-trust').click();
  await page.waitForFunction((e) => e?.getAttribute('data-status') === 'open', el, { timeout: 20_000 });
  await pane.locator('.xterm-rows').getByText(`${h.host.user}@${h.host.name}`).first().waitFor({ timeout: 20_000 });
  return pane;
}

/** Resolves when the pane's visible rows contain `text` (checked every frame). */
export async function waitForText(page: Page, pane: Locator, text: string, timeoutMs = 120_000): Promise<void> {
  const handle = await pane.elementHandle();
  await page.waitForFunction(
    ({ el, text }) => (el?.querySelector('.xterm-rows')?.textContent ?? '').includes(text),
    { el: handle, text },
    { timeout: timeoutMs, polling: 'raf' },
  );
}

export async function typeInto(page: Page, pane: Locator, text: string): Promise<void> {
  await pane.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(text);
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}
