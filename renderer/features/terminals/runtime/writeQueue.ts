/**
 * Between the event stream and xterm.js: at most MAX_IN_XTERM bytes are handed to xterm.js at a
 * time (its own write buffer cannot be cleared), the rest waits here in order. Two reasons:
 *  - the core may keep a large window in flight (throughput across a busy machine needs it), but a
 *    keystroke's echo or a Ctrl-C should not wait behind megabytes inside xterm.js;
 *  - on Ctrl-C during a flood the waiting output can be dropped, as a tty drops its queue.
 * Every chunk is reported processed (for the flow-control ack) when xterm.js has parsed it, or at
 * once when it is dropped.
 */
export const MAX_IN_XTERM = 256 * 1024;

export class WriteQueue {
  private chunks: Array<{ data: Uint8Array; seq: number }> = [];
  private waiting = 0;
  private inXterm = 0;
  private generation = 0;

  constructor(
    private readonly write: (data: Uint8Array, done: () => void) => void,
    private readonly processed: (seq: number, bytes: number) => void,
    private readonly maxInXterm = MAX_IN_XTERM,
  ) {}

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
    if (last) this.processed(last.seq, dropped);
    return dropped;
  }

  /** A new session in the same terminal: forget the old one's chunks (callbacks still in xterm are ignored). */
  reset(): void {
    this.chunks = [];
    this.waiting = 0;
    this.inXterm = 0;
    this.generation += 1;
  }

  private pump(): void {
    while (this.inXterm < this.maxInXterm && this.chunks.length > 0) {
      const c = this.chunks.shift()!;
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
  }
}

/**
 * Whether output is flooding in: at least FLOOD_BYTES in the current or the previous quarter
 * second. Then a Ctrl-C starts dropping stale output at once, even when the part in transit (not
 * yet here) is what is large.
 */
export const FLOOD_BYTES = 64 * 1024;
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
    this.roll(now);
    return Math.max(this.current, this.previous) >= FLOOD_BYTES;
  }

  private roll(now: number): void {
    if (now - this.start < WINDOW_MS) return;
    this.previous = now - this.start < 2 * WINDOW_MS ? this.current : 0;
    this.current = 0;
    this.start = now;
  }
}
