// Terminal benchmarks through the real stack: a fleet host's sshd -> ssh2 in the core -> the browser
// host's WebSocket -> xterm.js in headless Chromium, with flow control all the way. Baselines are
// measured in the same run: xterm.js parsing and drawing the same bytes with nothing in front of it
// (research/terminal-measured.md measured ~36 MB/s for this text on these machines), and the echo
// latency of an idle terminal.
import type { Page } from 'playwright-core';
import {
  ensureRemoteFile,
  fleetHost,
  lsLines,
  openTerminal,
  paneOf,
  POOL_LINES,
  REMOTE_FILE,
  REPEATS,
  rssMiB,
  startHarness,
  typeInto,
  waitForText,
} from './terminal-harness';
import { median, result, type Bench } from './types';

const RUNS = 3;

/** xterm.js alone, same options as the app's terminal, fed the same bytes with write-callback flow control. */
async function rawXtermMBps(page: Page, cols: number, rows: number, totalBytes: number): Promise<number> {
  const base = await page.context().newPage();
  try {
    await base.setViewportSize({ width: 1280, height: 800 });
    await base.addStyleTag({ path: 'node_modules/@xterm/xterm/css/xterm.css' });
    await base.addScriptTag({ path: 'node_modules/@xterm/xterm/lib/xterm.js' });
    return await base.evaluate(
      async ({ cols, rows, totalBytes, poolLines, genSrc }) => {
        // The same generator as the remote file, shipped as source text.
        // eslint-disable-next-line @typescript-eslint/no-implied-eval
        const make = new Function(`return (${genSrc})`) as () => (n: number, eol: string) => string;
        const gen = make();
        const pool = gen(poolLines, '\r\n');
        const CHUNK = 65536;
        const chunks: string[] = [];
        for (let i = 0; i < pool.length; i += CHUNK) chunks.push(pool.slice(i, i + CHUNK));
        const host = document.createElement('div');
        host.style.cssText = 'width:1180px;height:700px';
        document.body.appendChild(host);
        const XTerm = (
          window as unknown as { Terminal: new (o: object) => { open(e: HTMLElement): void; write(d: string, cb: () => void): void } }
        ).Terminal;
        const term = new XTerm({
          cols,
          rows,
          scrollback: 10_000,
          fontSize: 13,
          lineHeight: 1.15,
          fontFamily: "'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', 'Noto Sans Mono', monospace",
          minimumContrastRatio: 4.5,
          theme: { background: '#ffffff', foreground: '#18181b' },
        });
        term.open(host);
        const pump = (bytes: number) =>
          new Promise<void>((resolve) => {
            let sent = 0;
            let pending = 0;
            let i = 0;
            const next = () => {
              while (pending < 5 && sent < bytes) {
                const c = chunks[i++ % chunks.length]!;
                sent += c.length;
                pending++;
                term.write(c, () => {
                  pending--;
                  if (sent >= bytes && pending === 0) resolve();
                  else next();
                });
              }
            };
            next();
          });
        await pump(2 * 1024 * 1024);
        const t = performance.now();
        await pump(totalBytes);
        return totalBytes / 1e6 / ((performance.now() - t) / 1000);
      },
      { cols, rows, totalBytes, poolLines: POOL_LINES, genSrc: lsLines.toString() },
    );
  } finally {
    await base.close();
  }
}

async function sttySize(page: Page, pane: ReturnType<typeof paneOf>): Promise<{ cols: number; rows: number }> {
  await typeInto(page, pane, 'clear; echo size-$(stty size | tr " " x)\n');
  await waitForText(page, pane, 'size-');
  const text = (await pane.locator('.xterm-rows').textContent()) ?? '';
  const m = /size-(\d+)x(\d+)/.exec(text);
  return { rows: Number(m?.[1] ?? 24), cols: Number(m?.[2] ?? 80) };
}

export const terminalThroughput: Bench = {
  name: 'terminal-cat-100mb',
  description: '`cat` of a 100 MB ls -l-like file from a fleet host into a terminal (MB/s) vs raw xterm.js writing the same bytes',
  async run() {
    const host = await fleetHost();
    const fileBytes = ensureRemoteFile(host);
    const received = fileBytes + POOL_LINES * REPEATS; // the pty turns each \n into \r\n
    const h = await startHarness(host);
    try {
      const { page } = h;
      const pane = await openTerminal(h);
      const size = await sttySize(page, pane);
      const ours: number[] = [];
      const raw: number[] = [];
      const frames: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const mark = `DONE-${run}-$((40+2))`;
        await typeInto(page, pane, `clear; cat ${REMOTE_FILE}; echo ${mark}`);
        await page.evaluate(() => {
          const w = window as unknown as { __frames: number; __counting: boolean };
          w.__frames = 0;
          w.__counting = true;
          const tick = () => {
            if (!w.__counting) return;
            w.__frames++;
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        });
        const t = performance.now();
        await page.keyboard.press('Enter');
        await waitForText(page, pane, `DONE-${run}-42`);
        const secs = (performance.now() - t) / 1000;
        const fps = await page.evaluate(() => {
          const w = window as unknown as { __frames: number; __counting: boolean };
          w.__counting = false;
          return w.__frames;
        });
        ours.push(received / 1e6 / secs);
        frames.push(fps / secs);
        raw.push(await rawXtermMBps(page, size.cols, size.rows, received));
      }
      const value = Number(median(ours).toFixed(1));
      const baseline = Number(median(raw).toFixed(1));
      return result({
        name: this.name,
        value,
        unit: 'MB/s',
        baseline,
        goal: '>= 30 MB/s',
        ok: value >= 30,
        note: `runs ${ours.map((x) => x.toFixed(1)).join(', ')} MB/s (raw xterm.js ${raw.map((x) => x.toFixed(1)).join(', ')}); ${size.cols}x${size.rows} DOM renderer; page drew ${median(frames).toFixed(0)} frames/s during the cat`,
      });
    } finally {
      await h.close();
    }
  },
};

/** Per-keystroke latency from keydown to the echoed character in the DOM, for `count` presses of x. */
async function echoLatencies(page: Page, paneIndex: number, count: number): Promise<number[]> {
  const pane = paneOf(page, paneIndex);
  await pane.locator('.xterm-helper-textarea').focus();
  await page.keyboard.press('Control+u');
  await page.waitForTimeout(300);
  await page.evaluate((index) => {
    const rowsEl = document.querySelectorAll('[data-testid="terminal-pane"]')[index]!.querySelector('.xterm-rows')!;
    const w = window as unknown as { __echo: { downs: number[]; lat: number[]; stop: () => void } };
    const downs: number[] = [];
    const lat: number[] = [];
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'x') downs.push(performance.now());
    };
    document.addEventListener('keydown', onKey, true);
    const x0 = (rowsEl.textContent?.match(/x/g) ?? []).length;
    const obs = new MutationObserver(() => {
      const n = (rowsEl.textContent?.match(/x/g) ?? []).length - x0;
      while (lat.length < n && lat.length < downs.length) lat.push(performance.now() - downs[lat.length]!);
    });
    obs.observe(rowsEl, { childList: true, subtree: true, characterData: true });
    w.__echo = {
      downs,
      lat,
      stop: () => {
        obs.disconnect();
        document.removeEventListener('keydown', onKey, true);
      },
    };
  }, paneIndex);
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('x');
    await page.waitForTimeout(60);
  }
  await page
    .waitForFunction((n) => (window as unknown as { __echo: { lat: number[] } }).__echo.lat.length >= n, count, { timeout: 10_000 })
    .catch(() => undefined);
  const lat = await page.evaluate(() => {
    const w = window as unknown as { __echo: { lat: number[]; stop: () => void } };
    w.__echo.stop();
    return w.__echo.lat;
  });
  await page.keyboard.press('Control+u');
  if (lat.length < count * 0.9) throw new Error(`only ${lat.length} of ${count} keystrokes were echoed`);
  return lat;
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!;
}

export const terminalEchoUnderFlood: Bench = {
  name: 'terminal-echo-flood',
  description: 'keystroke echo latency (keydown to character on screen) in one pane while the other pane of the tab floods',
  async run() {
    const host = await fleetHost();
    ensureRemoteFile(host);
    const h = await startHarness(host);
    try {
      const { page } = h;
      const flood = await openTerminal(h);
      await page.getByTestId('pane-split').click();
      const echo = paneOf(page, 1);
      await page.waitForFunction((el) => el?.getAttribute('data-status') === 'open', await echo.elementHandle(), { timeout: 20_000 });
      await waitForText(page, echo, `${host.user}@${host.name}`);
      const idle = await echoLatencies(page, 1, 20);
      await typeInto(page, flood, `while :; do cat ${REMOTE_FILE}; done\n`);
      await page.waitForTimeout(2_000);
      const busyBytes0 = await h.receivedBytes();
      const t0 = performance.now();
      const busy = await echoLatencies(page, 1, 40);
      const floodMBps = ((await h.receivedBytes()) - busyBytes0) / 1e6 / ((performance.now() - t0) / 1000);
      await flood.locator('.xterm-helper-textarea').focus();
      await page.keyboard.press('Control+c');
      const value = Number(median(busy).toFixed(1));
      const baseline = Number(median(idle).toFixed(1));
      return result({
        name: this.name,
        value,
        unit: 'ms',
        baseline,
        goal: 'median < 50 ms under flood',
        ok: value < 50,
        note: `under flood p95 ${p95(busy).toFixed(1)} ms, max ${Math.max(...busy).toFixed(1)} ms; idle p95 ${p95(idle).toFixed(1)} ms; the other pane drew ${floodMBps.toFixed(1)} MB/s meanwhile`,
      });
    } finally {
      await h.close();
    }
  },
};

export const terminalYesMemory: Bench = {
  name: 'terminal-yes-memory',
  description: 'memory during 30 s of `yes` in a terminal: growth of the core process and the page over the second 15 s (MiB)',
  async run() {
    const host = await fleetHost();
    const h = await startHarness(host);
    try {
      const { page } = h;
      const pane = await openTerminal(h);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const heapMiB = async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
      };
      const core0 = rssMiB(h.serverPid);
      const heap0 = await heapMiB();
      await typeInto(page, pane, 'yes\n');
      const bytes0 = await h.receivedBytes();
      // Bounded means flat: whatever the first seconds take (scrollback filling, V8 sizing its
      // heap), the second half of the run must not keep growing while output keeps flowing.
      const core: number[] = [];
      const heap: number[] = [];
      for (let s = 0; s < 30; s++) {
        await page.waitForTimeout(1_000);
        core.push(rssMiB(h.serverPid));
        heap.push(await heapMiB());
      }
      const passedMB = ((await h.receivedBytes()) - bytes0) / 1e6;
      const t = performance.now();
      await pane.locator('.xterm-helper-textarea').focus();
      await page.keyboard.press('Control+c');
      await page.waitForFunction(
        (el) =>
          /\$\s*$/.test(
            [...(el?.querySelectorAll('.xterm-rows > div') ?? [])]
              .map((r) => r.textContent ?? '')
              .filter((x) => x.trim())
              .pop() ?? '',
          ),
        await pane.elementHandle(),
        { timeout: 10_000, polling: 'raf' },
      );
      const stopMs = performance.now() - t;
      const max = (xs: number[]) => Math.max(...xs);
      const late = (xs: number[]) => max(xs.slice(15)) - max(xs.slice(0, 15));
      const growth = Math.max(late(core), late(heap));
      const total = Math.max(max(core) - core0, max(heap) - heap0);
      return result({
        name: this.name,
        value: Number(growth.toFixed(1)),
        unit: 'MiB',
        baseline: Number(passedMB.toFixed(0)),
        goal: 'second-half growth <= 8 MiB (and <= 64 MiB in all) while the output flows',
        ok: growth <= 8 && total <= 64,
        ratio: Number((growth / Math.max(1, passedMB)).toFixed(4)),
        note: `core RSS ${core0.toFixed(0)} -> ${max(core.slice(0, 15)).toFixed(0)} (first 15 s) -> ${max(core.slice(15)).toFixed(0)} MiB (last 15 s); page JS heap ${heap0.toFixed(0)} -> ${max(heap.slice(0, 15)).toFixed(0)} -> ${max(heap.slice(15)).toFixed(0)} MiB; ${passedMB.toFixed(0)} MB of output shown (baseline column); Ctrl-C to prompt ${stopMs.toFixed(0)} ms`,
      });
    } finally {
      await h.close();
    }
  },
};
