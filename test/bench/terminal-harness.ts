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
import { apiCall } from '../e2e/page-api';
import { RawCdp } from './raw-cdp';

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
  /** Let Playwright go (the page keeps running) and talk to the page over raw CDP instead. */
  detach(): Promise<RawCdp>;
  /** Playwright again (after detach). */
  reattach(): Promise<Page>;
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

/**
 * Chromium started by us (the flags research/terminal-measured.md called config A, plus the ones
 * Playwright itself adds that matter for timing), so that Playwright can attach for the setup and
 * then let go while something is measured (see raw-cdp.ts for why).
 */
async function startChromium(dir: string): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(
    '/usr/bin/chromium',
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--disable-dev-shm-usage',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      '--disable-renderer-backgrounding',
      '--disable-ipc-flooding-protection',
      '--force-color-profile=srgb',
      '--hide-scrollbars',
      '--mute-audio',
      '--window-size=1280,800',
      '--force-device-scale-factor=1',
      `--user-data-dir=${join(dir, 'chromium')}`,
      '--remote-debugging-port=0',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`chromium did not start: ${err}`)), 30_000);
    proc.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.once('exit', (code) => reject(new Error(`chromium exited with ${code}: ${err}`)));
  });
  return { proc, port };
}

async function attach(port: number): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0]!;
  // tsx (esbuild) keeps function names with a __name() helper that functions sent to the page call.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.evaluate('window.__name = (f) => f;');
  return { browser, page };
}

export async function startHarness(host: LabHost): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-bench-term-'));
  const serverArgs = process.env['OPSDECK_BENCH_SERVER_PROF']
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env['OPSDECK_BENCH_SERVER_PROF']}`]
    : [];
  const server = spawn(
    process.execPath,
    [...serverArgs, 'bin/opsdeck.mjs', 'serve', '--port', '0', '--vault', join(dir, 'vault.opsdeck')],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  server.stderr?.on('data', (d: Buffer) => process.env['OPSDECK_BENCH_TRACE'] && process.stderr.write(d));
  let chrome: ChildProcess | null = null;
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    chrome?.kill('SIGKILL');
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = await waitForUrl(server);
    const started = await startChromium(dir);
    chrome = started.proc;
    const attached = await attach(started.port);
    browser = attached.browser;
    let page = attached.page;
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
    const port = started.port;
    const origin = new URL(url).origin;
    return {
      get page() {
        return page;
      },
      host,
      serverPid: server.pid!,
      receivedBytes: () => page.evaluate(() => (window as unknown as { __termBytes: number }).__termBytes),
      async detach() {
        await browser?.close();
        browser = null;
        return RawCdp.attach(port, origin);
      },
      async reattach() {
        const again = await attach(port);
        browser = again.browser;
        page = again.page;
        return page;
      },
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
