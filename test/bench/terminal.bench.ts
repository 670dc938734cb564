// Terminal benchmarks through the real stack: a fleet host's sshd -> ssh2 in the core -> the browser
// host's WebSocket -> xterm.js in headless Chromium, with flow control all the way. Baselines are
// measured in the same run: xterm.js parsing and drawing the same bytes with nothing in front of it
// (research/terminal-measured.md measured ~36 MB/s for this text on these machines), and the echo
// latency of an idle terminal.
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import {
  ensureRemoteFile,
  fleetHost,
  removeRemoteFile,
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
import type { RawCdp } from './raw-cdp';

const RUNS = 3;
/** Counts animation frames in the page until window.__counting is set false. */
const FRAME_COUNTER = `(() => {
  window.__frames = 0;
  window.__counting = true;
  const tick = () => { if (!window.__counting) return; window.__frames++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
/** How long `yes` runs in the memory benchmark (OPSDECK_BENCH_YES_S to look further). */
const YES_SECONDS = Number(process.env['OPSDECK_BENCH_YES_S'] ?? 30);
const WARMUP_SECONDS = 15;

/**
 * xterm.js alone in a bare page, fed the same bytes (as Uint8Array, like the app) with write-callback
 * flow control: `matched` uses the app's options and addons (unicode 11 widths, web links, its
 * font and theme), so the ratio isolates what SSH, the core and the WebSocket cost; plain is
 * xterm.js's defaults, as research/terminal-measured.md measured it.
 */
export async function rawXtermMBps(page: Page, cols: number, rows: number, totalBytes: number, matched: boolean): Promise<number> {
  const base = await page.context().newPage();
  try {
    await base.setViewportSize({ width: 1280, height: 800 });
    await base.addStyleTag({ path: 'node_modules/@xterm/xterm/css/xterm.css' });
    for (const lib of [
      '@xterm/xterm/lib/xterm.js',
      '@xterm/addon-unicode11/lib/addon-unicode11.js',
      '@xterm/addon-web-links/lib/addon-web-links.js',
    ]) {
      await base.addScriptTag({ path: `node_modules/${lib}` });
    }
    return await base.evaluate(
      async ({ cols, rows, totalBytes, poolLines, genSrc, matched }) => {
        // The same generator as the remote file, shipped as source text.
        // eslint-disable-next-line @typescript-eslint/no-implied-eval
        const make = new Function(`return (${genSrc})`) as () => (n: number, eol: string) => string;
        const pool = make()(poolLines, '\r\n');
        const CHUNK = 65536;
        const enc = new TextEncoder();
        const chunks: Uint8Array[] = [];
        for (let i = 0; i < pool.length; i += CHUNK) chunks.push(enc.encode(pool.slice(i, i + CHUNK)));
        const host = document.createElement('div');
        host.style.cssText = 'width:1180px;height:700px';
        document.body.appendChild(host);
        interface XTerm {
          open(e: HTMLElement): void;
          write(d: Uint8Array, cb: () => void): void;
          loadAddon(a: unknown): void;
          unicode: { activeVersion: string };
        }
        const w = window as unknown as {
          Terminal: new (o: object) => XTerm;
          Unicode11Addon: { Unicode11Addon: new () => unknown };
          WebLinksAddon: { WebLinksAddon: new (h: () => void) => unknown };
        };
        const term = new w.Terminal(
          matched
            ? {
                cols,
                rows,
                allowProposedApi: true,
                scrollback: 10_000,
                fontSize: 13,
                lineHeight: 1.15,
                fontFamily: "'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', 'Noto Sans Mono', monospace",
                theme: { background: '#ffffff', foreground: '#18181b' },
              }
            : { cols, rows },
        );
        term.open(host);
        if (matched) {
          term.loadAddon(new w.Unicode11Addon.Unicode11Addon());
          term.unicode.activeVersion = '11';
          term.loadAddon(new w.WebLinksAddon.WebLinksAddon(() => undefined));
        }
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
      { cols, rows, totalBytes, poolLines: POOL_LINES, genSrc: lsLines.toString(), matched },
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
  description: '`cat` of a 100 MB ls -l-like file from a fleet host into a terminal (MB/s) vs xterm.js alone writing the same bytes',
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
      const bare: number[] = [];
      const plain: number[] = [];
      const frames: number[] = [];
      const paneSelector = `[data-pane="${await pane.getAttribute('data-pane')}"] .xterm-rows`;
      for (let run = 0; run < RUNS; run++) {
        const mark = `DONE-${run}-$((40+2))`;
        await typeInto(h.page, paneOf(h.page), `clear; cat ${REMOTE_FILE}; echo ${mark}`);
        // Playwright lets go while the cat runs (raw-cdp.ts says why); the page is driven and
        // watched over plain CDP: Enter, then its rows are read every 20 ms.
        const raw = await h.detach();
        try {
          await raw.evaluate(FRAME_COUNTER);
          const t = performance.now();
          await raw.pressEnter();
          const deadline = t + 300_000;
          const done = `(document.querySelector(${JSON.stringify(paneSelector)})?.textContent ?? '').includes('DONE-${run}-42')`;
          while (!(await raw.evaluate<boolean>(done))) {
            if (performance.now() > deadline) throw new Error('the cat did not finish in 5 minutes');
            await new Promise((r) => setTimeout(r, 20));
          }
          const secs = (performance.now() - t) / 1000;
          const fps = await raw.evaluate<number>('(window.__counting = false, window.__frames)');
          ours.push(received / 1e6 / secs);
          frames.push(fps / secs);
        } finally {
          raw.close();
          await h.reattach();
        }
        bare.push(await rawXtermMBps(h.page, size.cols, size.rows, received, true));
        plain.push(await rawXtermMBps(h.page, size.cols, size.rows, received, false));
      }
      const value = Number(median(ours).toFixed(1));
      const baseline = Number(median(bare).toFixed(1));
      return result({
        name: this.name,
        value,
        unit: 'MB/s',
        baseline,
        goal: '>= 30 MB/s',
        ok: value >= 30,
        note:
          `runs ${ours.map((x) => x.toFixed(1)).join(', ')} MB/s; xterm.js alone with the app's options ${bare.map((x) => x.toFixed(1)).join(', ')}, ` +
          `with its defaults ${plain.map((x) => x.toFixed(1)).join(', ')} MB/s; ${size.cols}x${size.rows} DOM renderer; ` +
          `page drew ${median(frames).toFixed(0)} frames/s during the cat; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`,
      });
    } finally {
      await h.close();
      removeRemoteFile(host);
    }
  },
};

/** Installs, in the page, a recorder of keydown -> echoed "x" latencies in pane `index` (window.__echo). */
function echoRecorder(index: number): string {
  return `(() => {
    const rowsEl = document.querySelectorAll('[data-testid="terminal-pane"]')[${index}].querySelector('.xterm-rows');
    const downs = [];
    const lat = [];
    const onKey = (e) => { if (e.key === 'x') downs.push(performance.now()); };
    document.addEventListener('keydown', onKey, true);
    const x0 = (rowsEl.textContent.match(/x/g) || []).length;
    const obs = new MutationObserver(() => {
      const n = (rowsEl.textContent.match(/x/g) || []).length - x0;
      while (lat.length < n && lat.length < downs.length) lat.push(performance.now() - downs[lat.length]);
    });
    obs.observe(rowsEl, { childList: true, subtree: true, characterData: true });
    window.__echo = { lat, stop: () => { obs.disconnect(); document.removeEventListener('keydown', onKey, true); } };
  })()`;
}

const focusPane = (index: number) =>
  `document.querySelectorAll('[data-testid="terminal-pane"]')[${index}].querySelector('.xterm-helper-textarea').focus()`;
const CTRL_U = { key: 'u', code: 'KeyU', keyCode: 85, ctrl: true };
const CTRL_C = { key: 'c', code: 'KeyC', keyCode: 67, ctrl: true };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Per-keystroke latency from keydown to the echoed character in the DOM, for `count` presses of x. */
async function echoLatencies(raw: RawCdp, paneIndex: number, count: number): Promise<number[]> {
  await raw.evaluate(focusPane(paneIndex));
  await raw.press(CTRL_U);
  await sleep(300);
  await raw.evaluate(echoRecorder(paneIndex));
  for (let i = 0; i < count; i++) {
    await raw.press({ key: 'x', code: 'KeyX', keyCode: 88, text: 'x' });
    await sleep(60);
  }
  const until = performance.now() + 10_000;
  while ((await raw.evaluate<number>('window.__echo.lat.length')) < count && performance.now() < until) await sleep(50);
  const lat = await raw.evaluate<number[]>('(window.__echo.stop(), window.__echo.lat)');
  await raw.press(CTRL_U);
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
      await openTerminal(h);
      await page.getByTestId('pane-split').click();
      const echo = paneOf(page, 1);
      await page.waitForFunction((el) => el?.getAttribute('data-status') === 'open', await echo.elementHandle(), { timeout: 20_000 });
      await waitForText(page, echo, `${host.user}@${host.name}`);
      // Measured with Playwright detached (raw-cdp.ts says why).
      const raw = await h.detach();
      let idle: number[];
      let busy: number[];
      let floodMBps: number;
      try {
        idle = await echoLatencies(raw, 1, 20);
        await raw.evaluate(focusPane(0));
        await raw.typeText(`while :; do cat ${REMOTE_FILE}; done`);
        await raw.pressEnter();
        await sleep(2_000);
        const bytes = () => raw.evaluate<number>('window.__termBytes');
        const busyBytes0 = await bytes();
        const t0 = performance.now();
        busy = await echoLatencies(raw, 1, 40);
        floodMBps = ((await bytes()) - busyBytes0) / 1e6 / ((performance.now() - t0) / 1000);
        await raw.evaluate(focusPane(0));
        await raw.press(CTRL_C);
        await sleep(500);
      } finally {
        raw.close();
      }
      const value = Number(median(busy).toFixed(1));
      const baseline = Number(median(idle).toFixed(1));
      return result({
        name: this.name,
        value,
        unit: 'ms',
        baseline,
        goal: 'median < 50 ms under flood',
        ok: value < 50,
        note: `under flood p95 ${p95(busy).toFixed(1)} ms, max ${Math.max(...busy).toFixed(1)} ms; idle p95 ${p95(idle).toFixed(1)} ms; the other pane drew ${floodMBps.toFixed(1)} MB/s meanwhile; load average ${loadavg()[0]!.toFixed(1)}`,
      });
    } finally {
      await h.close();
      removeRemoteFile(host);
    }
  },
};

export const terminalYesMemory: Bench = {
  name: 'terminal-yes-memory',
  description: "memory growth during 30 s of `yes` in a terminal (after a warm-up): core process RSS and the page's JS heap after GC (MiB)",
  async run() {
    const host = await fleetHost();
    const h = await startHarness(host);
    try {
      const { page } = h;
      const pane = await openTerminal(h);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const heapMiB = async (collect: boolean) => {
        // The page heap is a sawtooth between collections: compare it after a full GC.
        if (collect) await cdp.send('HeapProfiler.collectGarbage');
        const { metrics } = await cdp.send('Performance.getMetrics');
        return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
      };
      const core0 = rssMiB(h.serverPid);
      await typeInto(page, pane, 'yes\n');
      // Warm-up: the scrollback fills and both processes size their heaps for the flood.
      await page.waitForTimeout(WARMUP_SECONDS * 1000);
      const coreStart = rssMiB(h.serverPid);
      const heapStart = await heapMiB(true);
      const bytes0 = await h.receivedBytes();
      const core: number[] = [];
      for (let s = 0; s < YES_SECONDS; s++) {
        await page.waitForTimeout(1_000);
        core.push(rssMiB(h.serverPid));
      }
      const heapEnd = await heapMiB(true);
      const passedMB = ((await h.receivedBytes()) - bytes0) / 1e6;
      if (process.env['OPSDECK_BENCH_TRACE']) console.error(`core RSS ${core.map((x) => x.toFixed(0)).join(' ')}`);
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
      const coreGrowth = Math.max(...core) - coreStart;
      // Flat at the end: V8 may grow its heap in a step or two early on, but not keep growing.
      const lastTen = core.slice(-10);
      const tailGrowth = Math.max(...lastTen) - lastTen[0]!;
      const heapGrowth = heapEnd - heapStart;
      const growth = Math.max(coreGrowth, heapGrowth);
      return result({
        name: this.name,
        value: Number(growth.toFixed(1)),
        unit: 'MiB',
        baseline: Number(passedMB.toFixed(0)),
        goal: `growth <= 32 MiB over ${YES_SECONDS} s and flat (<= 4 MiB) in its last 10 s while the output flows (baseline: MB shown meanwhile)`,
        ok: growth <= 32 && tailGrowth <= 4 && passedMB > 0,
        ratio: Number((growth / Math.max(1, passedMB)).toFixed(4)),
        note:
          `core RSS ${core0.toFixed(0)} MiB idle, ${coreStart.toFixed(0)} after ${WARMUP_SECONDS} s of yes, max ${Math.max(...core).toFixed(0)} in the next ${YES_SECONDS} s ` +
          `(+${tailGrowth.toFixed(1)} in the last 10 s); ` +
          `page JS heap after GC ${heapStart.toFixed(0)} -> ${heapEnd.toFixed(0)} MiB; ${passedMB.toFixed(0)} MB of output shown; ` +
          `Ctrl-C to prompt ${stopMs.toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)}`,
      });
    } finally {
      await h.close();
    }
  },
};
