/**
 * Between the event stream and xterm.js. Every chunk is reported processed (for the flow-control
 * ack) when xterm.js has parsed it, or at once when it is dropped.
 *
 * Interactive output goes straight through, at most MAX_IN_XTERM bytes inside xterm.js at a time
 * (its own write buffer cannot be cleared): a keystroke's echo or a Ctrl-C should not wait behind
 * megabytes, and on Ctrl-C the output waiting here can be dropped, as a tty drops its queue.
 *
 * During a flood (OutputRate.drawsAsFlood) the queue hands xterm.js one large batch at a time instead (up to BATCH_BYTES,
 * or what BATCH_MS gathered). xterm.js parses for up to ~12 ms per task and the browser draws a
 * frame between tasks; fed one small event at a time it parsed a sliver per frame and spent most
 * of its time drawing (measured: 4 MB/s with small writes, 10-13 MB/s batched, on a machine where
 * xterm.js alone wrote 12-16 MB/s).
 *
 * A queue can also be asked to yield (`hold`): while the user types into another terminal, a
 * flooding one stops feeding xterm.js for a moment so the keystroke's echo is drawn at once.
 */
export const MAX_IN_XTERM = 128 * 1024;
export const BATCH_BYTES = 512 * 1024;
export const BATCH_MS = 20;
/** Frames during a flood: at most one per this many milliseconds (see xtermPatches.paceFrames). */
export const FLOOD_FRAME_MS = 50;

export interface WriteQueueOptions {
  maxInXterm?: number;
  /** Milliseconds to hold back for now (0 = go on). */
  hold?: () => number;
  /** Whether output is flooding in (then batch). */
  flooding?: () => boolean;
}

export class WriteQueue {
  private chunks: Array<{ data: Uint8Array; seq: number }> = [];
  private waiting = 0;
  private inXterm = 0;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest chunk of the batch being gathered arrived. */
  private gatheringSince = 0;
  private readonly maxInXterm: number;
  private readonly hold: () => number;
  private readonly flooding: () => boolean;

  constructor(
    private readonly write: (data: Uint8Array, done: () => void) => void,
    private readonly processed: (seq: number, bytes: number) => void,
    options: WriteQueueOptions = {},
  ) {
    this.maxInXterm = options.maxInXterm ?? MAX_IN_XTERM;
    this.hold = options.hold ?? (() => 0);
    this.flooding = options.flooding ?? (() => false);
  }

  push(data: Uint8Array, seq: number): void {
    this.chunks.push({ data, seq });
    this.waiting += data.length;
    this.pump();
  }

  /** Bytes received but not yet handed to xterm.js. */
  get backlog(): number {
    return this.waiting;
  }

  /** Drop what waits (not what xterm.js already has); returns how many bytes were dropped. */
  drop(): number {
    const last = this.chunks[this.chunks.length - 1];
    const dropped = this.waiting;
    this.chunks = [];
    this.waiting = 0;
    this.gatheringSince = 0;
    if (last) this.processed(last.seq, dropped);
    return dropped;
  }

  /** A new session in the same terminal: forget the old one's chunks (callbacks still in xterm are ignored). */
  reset(): void {
    this.clearTimer();
    this.chunks = [];
    this.waiting = 0;
    this.inXterm = 0;
    this.gatheringSince = 0;
    this.generation += 1;
  }

  private pump(): void {
    if (this.chunks.length === 0 || this.timer) return;
    const hold = this.hold();
    if (hold > 0) return this.later(hold);
    if (!this.flooding()) {
      this.gatheringSince = 0;
      while (this.inXterm < this.maxInXterm && this.chunks.length > 0) this.hand(this.chunks.shift()!);
      return;
    }
    // A flood: one batch inside xterm.js at a time, gathered until big enough or old enough.
    if (this.inXterm > 0) return;
    const now = Date.now();
    if (this.gatheringSince === 0) this.gatheringSince = now;
    const left = this.gatheringSince + BATCH_MS - now;
    if (this.waiting < BATCH_BYTES && left > 0) return this.later(left);
    this.gatheringSince = 0;
    this.hand(this.takeBatch());
  }

  /** Everything waiting, as one chunk (up to BATCH_BYTES beyond the first chunk). */
  private takeBatch(): { data: Uint8Array; seq: number } {
    if (this.chunks.length === 1) return this.chunks.shift()!;
    let n = 0;
    let bytes = 0;
    while (n < this.chunks.length && (n === 0 || bytes + this.chunks[n]!.data.length <= BATCH_BYTES))
      bytes += this.chunks[n++]!.data.length;
    const parts = this.chunks.splice(0, n);
    const data = new Uint8Array(bytes);
    let offset = 0;
    for (const p of parts) {
      data.set(p.data, offset);
      offset += p.data.length;
    }
    return { data, seq: parts[parts.length - 1]!.seq };
  }

  private hand(c: { data: Uint8Array; seq: number }): void {
    this.waiting -= c.data.length;
    this.inXterm += c.data.length;
    const generation = this.generation;
    this.write(c.data, () => {
      if (generation !== this.generation) return;
      this.inXterm -= c.data.length;
      this.processed(c.seq, c.data.length);
      this.pump();
    });
  }

  private later(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/**
 * Whether output is flooding in: at least FLOOD_BYTES in the current or the previous quarter
 * second. Then a Ctrl-C starts dropping stale output at once, even when the part in transit (not
 * yet here) is what is large.
 */
export const FLOOD_BYTES = 64 * 1024;
/**
 * Output this fast (bytes a quarter second, ~1 MB/s) is drawn the flood way: batched and at a lower
 * frame rate. Full-screen programs (top, vim, less) redraw at well under that, and while someone is
 * typing in the pane they are never slowed (see drawsAsFlood).
 */
export const DRAW_FLOOD_BYTES = 256 * 1024;
/** After a key in a pane, its output is drawn at once for this long, however fast it comes. */
export const TYPING_GRACE_MS = 300;
const WINDOW_MS = 250;

export class OutputRate {
  private start = 0;
  private current = 0;
  private previous = 0;

  add(bytes: number, now = Date.now()): void {
    this.roll(now);
    this.current += bytes;
  }

  flooding(now = Date.now()): boolean {
    return this.recent(now) >= FLOOD_BYTES;
  }

  /** Whether to draw as a flood: fast output, and nobody typed into this pane just now. */
  drawsAsFlood(lastKeyAt: number, now = Date.now()): boolean {
    return this.recent(now) >= DRAW_FLOOD_BYTES && now - lastKeyAt > TYPING_GRACE_MS;
  }

  /** Bytes in the current or the previous quarter second, whichever is more. */
  private recent(now: number): number {
    this.roll(now);
    return Math.max(this.current, this.previous);
  }

  private roll(now: number): void {
    if (now - this.start < WINDOW_MS) return;
    this.previous = now - this.start < 2 * WINDOW_MS ? this.current : 0;
    this.current = 0;
    this.start = now;
  }
}

/**
 * Typing goes first: after a key in one pane, the others hold their output back for a moment.
 * A flood elsewhere then costs a keystroke's echo almost nothing, and the flood only waits while
 * someone types.
 */
export const TYPING_PRIORITY_MS = 100;
let typing = { pane: '', until: 0 };

export function noteTyping(pane: string, now = Date.now()): void {
  typing = { pane, until: now + TYPING_PRIORITY_MS };
}

export function holdFor(pane: string, now = Date.now()): number {
  return typing.pane !== pane && typing.until > now ? typing.until - now : 0;
}
