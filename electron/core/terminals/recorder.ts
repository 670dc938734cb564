/**
 * Records one terminal session into the vault as asciicast v2: output, input (typed secrets
 * starred, see redact.ts) and resizes, with the time, host and both users. Events are buffered and
 * written as gzip'd pages every few seconds, so a recorded `yes` costs a page write now and then,
 * not a transaction per packet. Bounded twice: a recording stops growing at MAX_RECORDING_BYTES
 * (marked truncated), and while the vault is locked at most MAX_LOCKED_BUFFER waits in memory.
 */
import { StringDecoder } from 'node:string_decoder';
import { gzipSync } from 'node:zlib';
import { castLine } from './cast';
import { looksLikeSecretPrompt, starInput } from './redact';
import type { RecordingsRepo } from './repos/recordings';

export const MAX_RECORDING_BYTES = 64 * 1024 * 1024;
export const MAX_LOCKED_BUFFER = 8 * 1024 * 1024;
const PAGE_BYTES = 256 * 1024;
const FLUSH_EVERY_MS = 2_000;
const TAIL_CHARS = 512;

export interface RecorderOptions {
  repo: RecordingsRepo;
  id: string;
  /** Whether the vault can be written now (it may be locked while the session runs). */
  writable: () => boolean;
  log: (msg: string) => void;
  now?: () => number;
}

export class Recorder {
  private readonly started: number;
  private lines: string[] = [];
  private buffered = 0;
  private bytes = 0;
  private page = 0;
  private truncated = false;
  private secret = false;
  private tail = '';
  /** asciicast stores text: output is decoded here, holding back characters split across chunks. */
  private readonly decoder = new StringDecoder('utf8');
  private readonly timer: NodeJS.Timeout;
  private finished = false;

  constructor(private readonly o: RecorderOptions) {
    this.started = (o.now ?? Date.now)();
    this.timer = setInterval(() => this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  get id(): string {
    return this.o.id;
  }

  outputBytes(chunk: Buffer): void {
    this.output(this.decoder.write(chunk));
  }

  output(text: string): void {
    if (!text) return;
    this.tail = (this.tail + text).slice(-TAIL_CHARS);
    this.add('o', text);
  }

  input(text: string): void {
    let data = text;
    if (this.secret || looksLikeSecretPrompt(this.tail)) {
      const starred = starInput(text);
      data = starred.text;
      this.secret = !starred.ended;
    }
    this.add('i', data);
  }

  resize(cols: number, rows: number): void {
    this.add('r', `${cols}x${rows}`);
  }

  /** Write what is buffered (a page at a time); kept for later when the vault is locked. */
  flush(final = false): void {
    if (this.lines.length === 0) return final ? this.totals(true) : undefined;
    if (!this.o.writable()) {
      if (this.buffered > MAX_LOCKED_BUFFER) this.dropBuffer();
      return;
    }
    try {
      const gz = gzipSync(Buffer.from(this.lines.join('\n') + '\n', 'utf8'));
      this.o.repo.appendPage(this.o.id, this.page, gz, this.summary());
      this.page += 1;
      this.lines = [];
      this.buffered = 0;
      if (final) this.totals(true);
    } catch (e) {
      // Most likely the vault locked between the check and the write: keep the page for next time.
      this.o.log(`recording ${this.o.id}: page not saved yet (${e instanceof Error ? e.message : String(e)})`);
    }
  }

  finish(): void {
    if (this.finished) return;
    this.output(this.decoder.end());
    this.finished = true;
    clearInterval(this.timer);
    this.flush(true);
  }

  private add(code: 'o' | 'i' | 'r', data: string): void {
    if (this.finished) return;
    if (this.truncated) return;
    if (this.bytes + data.length > MAX_RECORDING_BYTES) {
      this.truncated = true;
      return;
    }
    const line = castLine(((this.o.now ?? Date.now)() - this.started) / 1000, code, data);
    this.lines.push(line);
    this.buffered += line.length;
    if (code !== 'r') this.bytes += data.length;
    if (this.buffered >= PAGE_BYTES) this.flush();
  }

  private dropBuffer(): void {
    this.lines = [];
    this.buffered = 0;
    this.truncated = true;
    this.o.log(`recording ${this.o.id}: the vault stayed locked; output beyond ${MAX_LOCKED_BUFFER} bytes was not recorded`);
  }

  private summary() {
    return { bytes: this.bytes, durationMs: (this.o.now ?? Date.now)() - this.started, truncated: this.truncated };
  }

  private totals(ended: boolean): void {
    if (!this.o.writable()) return;
    try {
      this.o.repo.setTotals(this.o.id, this.summary(), ended ? new Date((this.o.now ?? Date.now)()).toISOString() : undefined);
    } catch (e) {
      this.o.log(`recording ${this.o.id}: end not saved (${e instanceof Error ? e.message : String(e)})`);
    }
  }
}
