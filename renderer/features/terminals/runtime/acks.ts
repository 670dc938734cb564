/**
 * The renderer's half of flow control: xterm.js calls back when it has processed a chunk, and we
 * tell the core the highest sequence processed. Acks are cumulative, so they can be batched: at
 * most one per ACK_DELAY_MS, or at once after ACK_BYTES, which keeps the core's window moving
 * during a flood without a request per event.
 */
export const ACK_DELAY_MS = 8;
export const ACK_BYTES = 128 * 1024;

export class AckBatcher {
  private seq = 0;
  private sentSeq = 0;
  private bytes = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (seq: number) => void,
    private readonly delayMs = ACK_DELAY_MS,
    private readonly maxBytes = ACK_BYTES,
  ) {}

  processed(seq: number, bytes: number): void {
    if (seq <= this.seq) return;
    this.seq = seq;
    this.bytes += bytes;
    if (this.bytes >= this.maxBytes) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.bytes = 0;
    if (this.seq <= this.sentSeq) return;
    this.sentSeq = this.seq;
    this.send(this.seq);
  }

  /** A new session (reconnect): sequence numbers start again. */
  reset(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.seq = 0;
    this.sentSeq = 0;
    this.bytes = 0;
  }
}
