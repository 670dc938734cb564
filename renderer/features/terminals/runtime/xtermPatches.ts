/**
 * A workaround for xterm.js 6's DOM renderer. On every scroll, xterm.js refreshes the selection,
 * and the DOM renderer answers a selection change by re-rendering every row at once, even when
 * there was no selection before and is none after, and even while the terminal is off screen
 * (that path skips the render pause). During a flood that is a second full render per frame:
 * measured here, xterm.js alone went from ~12.6 to ~23 MB/s without it.
 *
 * We pass selection changes through except "none -> none". This reaches into xterm.js internals,
 * so it is feature-detected and does nothing if they change shape; worth reporting upstream.
 */
import type { Terminal } from '@xterm/xterm';

type SelectionHandler = (start: unknown, end: unknown, columnSelectMode: unknown) => void;

interface DomRendererLike {
  handleSelectionChanged: SelectionHandler;
  _rowFactory?: unknown;
  __opsdeckPatched?: boolean;
}

function currentRenderer(term: Terminal): DomRendererLike | null {
  const core = (term as unknown as { _core?: { _renderService?: { _renderer?: { value?: unknown } } } })._core;
  const renderer = core?._renderService?._renderer?.value as DomRendererLike | undefined;
  return renderer && typeof renderer.handleSelectionChanged === 'function' ? renderer : null;
}

/** Apply to the terminal's current renderer (again after WebGL is switched off: that makes a new one). */
export function skipIdleSelectionRedraw(term: Terminal): boolean {
  const renderer = currentRenderer(term);
  // Only the DOM renderer (it has a row factory) redraws everything here; WebGL's handler is cheap.
  if (!renderer || renderer.__opsdeckPatched || !('_rowFactory' in renderer)) return false;
  const original = renderer.handleSelectionChanged.bind(renderer);
  let hadSelection = false;
  renderer.handleSelectionChanged = (start, end, columnSelectMode) => {
    const hasSelection = Boolean(start && end);
    if (!hasSelection && !hadSelection) return;
    hadSelection = hasSelection;
    original(start, end, columnSelectMode);
  };
  renderer.__opsdeckPatched = true;
  return true;
}

interface DebouncerLike {
  refresh(start: number | undefined, end: number | undefined, rowCount: number): void;
  __opsdeckPaced?: boolean;
}

/**
 * An adaptive frame rate, as iTerm2 has: while `intervalMs()` says so (during a flood), xterm.js
 * draws at most once per that many milliseconds instead of every animation frame. A DOM renderer
 * frame of a full 150x40 screen costs ~10-15 ms here; at 60 frames a second little time was left
 * to parse. Nobody reads text scrolling by at 10 MB/s; the last screen is drawn as soon as the
 * flood ends. Reaches into xterm.js internals: feature-detected, a no-op if they change shape.
 * Returns a function that stops a pending delayed draw (call it before disposing the terminal).
 */
export function paceFrames(term: Terminal, intervalMs: () => number): () => void {
  const renderService = (term as unknown as { _core?: { _renderService?: { _renderDebouncer?: DebouncerLike } } })._core?._renderService;
  const debouncer = renderService?._renderDebouncer;
  if (!debouncer || debouncer.__opsdeckPaced || typeof debouncer.refresh !== 'function') return () => undefined;
  const refresh = debouncer.refresh.bind(debouncer);
  let lastDraw = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let rows: { start: number; end: number; count: number } | null = null;
  debouncer.refresh = (start, end, rowCount) => {
    const wait = lastDraw + intervalMs() - performance.now();
    if (wait <= 0 && !timer) {
      lastDraw = performance.now();
      refresh(start, end, rowCount);
      return;
    }
    // Remember the union of the rows asked for; draw them when the interval is up.
    const s = start ?? 0;
    const e = end ?? rowCount - 1;
    rows = rows ? { start: Math.min(rows.start, s), end: Math.max(rows.end, e), count: rowCount } : { start: s, end: e, count: rowCount };
    timer ??= setTimeout(
      () => {
        timer = null;
        lastDraw = performance.now();
        const r = rows!;
        rows = null;
        refresh(r.start, r.end, r.count);
      },
      Math.max(0, wait),
    );
  };
  debouncer.__opsdeckPaced = true;
  return () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
}
