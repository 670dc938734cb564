/**
 * One interactive shell: an ssh2 shell channel with a pty, its output turned into ordered
 * `terminal.data` events under credit-based flow control (flow.ts), keystrokes written to it, the
 * window size passed on, and an optional recorder.
 *
 * Output leaves as the raw bytes in base64 (see the terminal.data event): binary-safe through both
 * doors (IPC and the browser host's WebSocket, both JSON) and cheap to parse; xterm.js decodes the
 * UTF-8 itself, also across chunk boundaries. Bytes that arrive in one turn of the event loop go
 * out as one event (at most FLUSH_BYTES), and during a flood a few milliseconds' worth, which keeps
 * the message count low while an echoed keystroke still leaves at once.
 */
import { randomUUID } from 'node:crypto';
import type { Client, ClientChannel } from 'ssh2';
import type { EventPayload } from '../../../shared/events';
import type { TerminalSession } from '../../../shared/contract/terminals';
import { classifySshError } from '../ssh';
import { FlowLedger } from './flow';
import type { Recorder } from './recorder';
import { TailBuffer } from './tail';

/**
 * At most this much per event. Kept under V8's large-object size (~128 KiB) once in base64 and JSON
 * (~88 KiB): larger strings are allocated outside the young generation and freed only by full
 * collections, and the core's memory then climbed in a sawtooth during a flood (measured: +37 MiB
 * with 256 KiB events, flat with 64 KiB).
 */
export const FLUSH_BYTES = 64 * 1024;
/**
 * While the client is behind (a flood), output is gathered this long into one event: each event
 * costs the page a message, a JSON parse and a base64 decode, which for one-SSH-packet events
 * (~16 KiB) added up to a large share of the page's time. Interactive output still leaves at once.
 */
export const FLOOD_GATHER_MS = 8;
/** A user-closed channel that does not say goodbye in this time is destroyed. */
const CLOSE_GRACE_MS = 3_000;
/** Ctrl-C, Ctrl-\ and Ctrl-Z: the keys on which a tty flushes its pending output (POSIX ISIG without NOFLSH). */
// eslint-disable-next-line no-control-regex
const INTERRUPTS = /[\x03\x1a\x1c]/;
/** The client is "behind" (a flood, not an interactive moment) with this much output unacknowledged. */
const BEHIND_BYTES = 64 * 1024;

type Closed = EventPayload<'terminal.closed'>;

export interface SessionHooks {
  data(payload: EventPayload<'terminal.data'>): void;
  closed(payload: Closed): void;
  /** After the closed event: the service forgets the session and releases the connection. */
  ended(session: ShellSession): void;
}

export interface SessionInfo {
  host: string;
  endpoint: string;
  label: string;
  cols: number;
  rows: number;
}

export class ShellSession {
  readonly id = randomUUID();
  readonly startedAt = new Date().toISOString();
  lastAckAt = Date.now();
  private readonly flow = new FlowLedger();
  private discarding = false;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private flushQueued = false;
  private paused = false;
  private ended = false;
  private exit: { code: number | null; signal: string | null } | null = null;
  private dropped: string | null = null;
  private readonly tail = new TailBuffer();
  private cols: number;
  private rows: number;

  constructor(
    private readonly info: SessionInfo,
    private readonly channel: ClientChannel,
    private readonly client: Client,
    private readonly hooks: SessionHooks,
    private readonly recorder: Recorder | null,
  ) {
    this.cols = info.cols;
    this.rows = info.rows;
    channel.on('data', this.onOutput);
    channel.stderr.on('data', this.onOutput);
    channel.on('exit', this.onExit);
    channel.on('close', this.onClose);
    // ssh2 also reports stream errors on the channel; the close that follows ends the session.
    channel.on('error', this.onClientError);
    client.on('error', this.onClientError);
    client.on('close', this.onClientClose);
  }

  get host(): string {
    return this.info.host;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  snapshot(): TerminalSession {
    return {
      id: this.id,
      host: this.info.host,
      endpoint: this.info.endpoint,
      cols: this.cols,
      rows: this.rows,
      startedAt: this.startedAt,
      recording: this.recorder !== null,
      unacked: this.flow.unacked,
      paused: this.paused,
      seq: this.flow.seq,
    };
  }

  write(data: Buffer, text: string): void {
    if (this.ended) return;
    this.channel.write(data);
    this.recorder?.input(text);
    if (INTERRUPTS.test(text)) this.interrupted(this.flow.unacked >= BEHIND_BYTES);
  }

  resize(cols: number, rows: number): void {
    if (this.ended || (cols === this.cols && rows === this.rows)) return;
    this.cols = cols;
    this.rows = rows;
    // Pixel sizes 0: "unknown", which is what a text terminal honestly is.
    this.channel.setWindow(rows, cols, 0, 0);
    this.recorder?.resize(cols, rows);
  }

  ack(seq: number): void {
    this.lastAckAt = Date.now();
    this.flow.ack(seq);
    if (this.paused && this.flow.drained) this.setPaused(false);
  }

  /** A new client takes over: it cannot ack what the old one was sent, so start a fresh window. */
  attach(): string {
    this.lastAckAt = Date.now();
    this.flow.reset();
    if (this.paused) this.setPaused(false);
    return this.tail.bytes().toString('base64');
  }

  /** Hang up from our side (the user closed the tab, or nobody has read the output for too long). */
  close(reason: 'closed' | 'abandoned'): void {
    if (this.ended) return;
    this.finish({
      reason,
      exitCode: null,
      signal: null,
      message: reason === 'abandoned' ? 'Nobody read this session for a long time.' : null,
    });
    // Output still on its way is not wanted any more: let it drain into the void so the close completes.
    this.channel.removeListener('data', this.onOutput);
    this.channel.stderr.removeListener('data', this.onOutput);
    this.channel.resume();
    this.channel.stderr.resume();
    const force = setTimeout(() => this.channel.destroy(), CLOSE_GRACE_MS);
    force.unref();
    this.channel.once('close', () => clearTimeout(force));
    try {
      this.channel.close();
    } catch {
      this.channel.destroy();
    }
  }

  /**
   * Ctrl-C during a flood. The remote tty flushes its own queue on the interrupt, but up to the SSH
   * window (2 MiB in ssh2) of output produced before it is already on its way or waiting here, and
   * a terminal renders short lines (`yes`) at only a few MB/s: seconds of stale output before the
   * prompt. So, only while the client is behind (`drop`), we do what the tty does and drop what
   * waits here. Either way the next event is marked (`skipped`): a client that stopped drawing
   * stale output at the key press knows where to start again.
   */
  private interrupted(drop: boolean): void {
    let dropped = 0;
    if (drop) {
      dropped = this.pendingBytes;
      this.pending = [];
      this.pendingBytes = 0;
      // read() also emits 'data' for what it returns: onOutput ignores it while we drain.
      this.discarding = true;
      try {
        for (const stream of [this.channel, this.channel.stderr]) {
          for (let chunk = stream.read() as Buffer | null; chunk !== null; chunk = stream.read() as Buffer | null) dropped += chunk.length;
        }
      } finally {
        this.discarding = false;
      }
    } else this.flush();
    const seq = this.flow.sent(0);
    this.hooks.data({ id: this.id, seq, data: '', bytes: 0, skipped: dropped });
  }

  private readonly onOutput = (buf: Buffer): void => {
    if (this.ended || this.discarding) return;
    this.pending.push(buf);
    this.pendingBytes += buf.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    else if (!this.flushQueued) {
      this.flushQueued = true;
      if (this.flow.unacked >= BEHIND_BYTES) setTimeout(this.flushSoon, FLOOD_GATHER_MS);
      else setImmediate(this.flushSoon);
    }
  };

  private readonly flushSoon = (): void => {
    this.flushQueued = false;
    this.flush();
  };

  private flush(): void {
    if (this.pendingBytes === 0 || this.ended) return;
    const chunk = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    const seq = this.flow.sent(chunk.length);
    this.tail.push(chunk);
    this.recorder?.outputBytes(chunk);
    this.hooks.data({ id: this.id, seq, data: chunk.toString('base64'), bytes: chunk.length });
    if (!this.paused && this.flow.full) this.setPaused(true);
  }

  private setPaused(paused: boolean): void {
    this.paused = paused;
    // Pausing the readable side stops ssh2 from granting the server more window once its buffer
    // fills, so the remote `yes` blocks in write(): back-pressure reaches the process itself.
    if (paused) {
      this.channel.pause();
      this.channel.stderr.pause();
    } else {
      this.channel.resume();
      this.channel.stderr.resume();
    }
  }

  private readonly onExit = (code: number | null, signal?: string): void => {
    this.exit = { code: typeof code === 'number' ? code : null, signal: typeof signal === 'string' ? signal : null };
  };

  private readonly onClientError = (err: Error): void => {
    this.dropped ??= classifySshError(err, this.info.label).message;
  };

  private readonly onClientClose = (): void => {
    this.dropped ??= `${this.info.label}: the connection was closed`;
  };

  /** The channel is gone and every byte before it was read: say how it ended. */
  private readonly onClose = (): void => {
    if (this.ended) return;
    this.flush();
    if (this.exit) this.finish({ reason: 'exit', exitCode: this.exit.code, signal: this.exit.signal, message: null });
    else
      this.finish({
        reason: 'dropped',
        exitCode: null,
        signal: null,
        message: this.dropped ?? `${this.info.label}: the session was closed by the server`,
      });
  };

  private finish(how: Omit<Closed, 'id'>): void {
    this.ended = true;
    this.client.removeListener('error', this.onClientError);
    this.client.removeListener('close', this.onClientClose);
    this.recorder?.finish();
    this.hooks.closed({ id: this.id, ...how });
    this.hooks.ended(this);
  }
}
