/** The most recent output of a session, kept for a client that takes it over after a reload. */
export const TAIL_BYTES = 64 * 1024;

export class TailBuffer {
  private readonly chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly max = TAIL_BYTES) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.chunks.length > 1 && this.size - this.chunks[0]!.length >= this.max) this.size -= this.chunks.shift()!.length;
  }

  /** Up to `max` bytes (a multi-byte character or escape cut at the start is harmless to a terminal). */
  bytes(): Buffer {
    const all = Buffer.concat(this.chunks);
    return all.length > this.max ? all.subarray(all.length - this.max) : all;
  }
}
