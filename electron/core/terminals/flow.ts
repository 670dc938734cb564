/**
 * Credit accounting for one terminal's output, after xterm.js's flow-control guide: the client acks
 * what its terminal has processed, and the source (the SSH channel) pauses while too much is
 * unacknowledged, so a `yes` flood can neither freeze the UI nor pile up in memory.
 *
 * Acks are cumulative by sequence number ("everything up to event N is processed"), not byte
 * counts: a lost event or a lost ack (a dropped WebSocket, a reloaded page) can only make the
 * window look fuller for a moment, never wedge it, and a repeated ack is harmless.
 *
 * The window spans core -> renderer, a local hop, but its round trip (the core emits, the page
 * parses and acks, the core resumes) is long on a busy machine: the page acks only after xterm.js
 * has parsed, and during a flood it parses in batches between frames (writeQueue.ts). Throughput
 * is at most window / round trip: measured on a loaded two-core machine, 1 MiB gave ~8 MB/s and
 * 4 MiB 12-15 MB/s (about what xterm.js alone managed there). The latency cost of a large window is taken
 * out on the renderer side: on Ctrl-C the renderer drops what waits in its queue, and the core
 * drops what it holds (session.ts), while across the network the SSH channel window (2 MiB in
 * ssh2) is what keeps a remote transfer going. Low at half keeps it flowing.
 */
export const HIGH_WATERMARK = 4 * 1024 * 1024;
export const LOW_WATERMARK = 2 * 1024 * 1024;
/** Many tiny events (a clock ticking into an abandoned tab) also pause, so the ledger stays small. */
export const MAX_INFLIGHT_EVENTS = 4096;

export class FlowLedger {
  private sentTotal = 0;
  private ackedTotal = 0;
  private lastSeq = 0;
  private ackedSeq = 0;
  /** [seq, sentTotal after it], oldest first: only events not yet acked. */
  private readonly inflight: Array<[number, number]> = [];

  constructor(
    readonly high = HIGH_WATERMARK,
    readonly low = LOW_WATERMARK,
    readonly maxEvents = MAX_INFLIGHT_EVENTS,
  ) {}

  /** Record an event about to be sent; returns its sequence number. */
  sent(bytes: number): number {
    this.lastSeq += 1;
    this.sentTotal += bytes;
    this.inflight.push([this.lastSeq, this.sentTotal]);
    return this.lastSeq;
  }

  /** Everything up to `seq` is processed. Unknown or stale sequence numbers change nothing. */
  ack(seq: number): void {
    if (seq <= this.ackedSeq) return;
    const upTo = Math.min(seq, this.lastSeq);
    let acked = this.ackedTotal;
    while (this.inflight.length > 0 && this.inflight[0]![0] <= upTo) acked = this.inflight.shift()![1];
    this.ackedTotal = acked;
    this.ackedSeq = upTo;
  }

  /** Forget what is in flight (a new client took over and will never ack the old events). */
  reset(): void {
    this.ackedTotal = this.sentTotal;
    this.ackedSeq = this.lastSeq;
    this.inflight.length = 0;
  }

  get unacked(): number {
    return this.sentTotal - this.ackedTotal;
  }

  get seq(): number {
    return this.lastSeq;
  }

  get events(): number {
    return this.inflight.length;
  }

  /** Above the high watermark (in bytes or in events): stop reading from the source. */
  get full(): boolean {
    return this.unacked >= this.high || this.inflight.length >= this.maxEvents;
  }

  /** At or below the low watermark: reading may go on. */
  get drained(): boolean {
    return this.unacked <= this.low && this.inflight.length <= this.maxEvents / 4;
  }
}
