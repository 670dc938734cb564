// A shell session over a fake ssh2 channel: output coalesced into ordered events, the channel paused
// above the high watermark and resumed on acks, Ctrl-C while paused dropping the backlog (as a tty
// flushes its queue), UTF-8 split across packets, and how the session says it ended.
import { EventEmitter } from 'node:events';
import { Duplex, Readable } from 'node:stream';
import type { Client, ClientChannel } from 'ssh2';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/events';
import { HIGH_WATERMARK } from '../../../electron/core/terminals/flow';
import { FLOOD_GATHER_MS, FLUSH_BYTES, ShellSession } from '../../../electron/core/terminals/session';

class FakeChannel extends Duplex {
  readonly written: Buffer[] = [];
  readonly stderr = new Readable({ read() {} });
  windows: Array<[number, number]> = [];
  constructor() {
    super({ highWaterMark: 2 * 1024 * 1024, read() {} });
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.written.push(chunk);
    cb();
  }
  setWindow(rows: number, cols: number): void {
    this.windows.push([rows, cols]);
  }
  close(): void {
    this.push(null);
    setImmediate(() => this.emit('close'));
  }
}

const tick = () => new Promise((r) => setImmediate(r));
const text = (events: Array<{ data: string }>) => Buffer.concat(events.map((d) => Buffer.from(d.data, 'base64'))).toString('utf8');

function setup() {
  const channel = new FakeChannel();
  const client = new EventEmitter();
  const data: EventPayload<'terminal.data'>[] = [];
  const closed: EventPayload<'terminal.closed'>[] = [];
  let ended = false;
  const session = new ShellSession(
    { host: 'h1', endpoint: 'ops@10.0.0.1', label: 'h1 (10.0.0.1:22)', cols: 80, rows: 24 },
    channel as unknown as ClientChannel,
    client as unknown as Client,
    { data: (p) => data.push(p), closed: (p) => closed.push(p), ended: () => (ended = true) },
    null,
  );
  return { channel, client, data, closed, session, isEnded: () => ended };
}

describe('ShellSession', () => {
  it('coalesces output per turn into ordered events with raw byte counts', async () => {
    const { channel, data } = setup();
    channel.push(Buffer.from('hello '));
    channel.push(Buffer.from('world'));
    await tick();
    await tick();
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ seq: 1, data: Buffer.from('hello world').toString('base64'), bytes: 11 });
  });

  it('passes bytes through exactly, a UTF-8 character split across packets included', async () => {
    const { channel, data } = setup();
    const euro = Buffer.from('€', 'utf8');
    channel.push(euro.subarray(0, 1));
    await tick();
    await tick();
    channel.push(euro.subarray(1));
    await tick();
    await tick();
    // Raw bytes go out as they came; xterm.js joins the character across chunks.
    expect(Buffer.concat(data.map((d) => Buffer.from(d.data, 'base64'))).toString('utf8')).toBe('€');
    expect(data.reduce((n, d) => n + d.bytes, 0)).toBe(3);
  });

  it('pauses the channel above the high watermark and resumes when acks drain it', async () => {
    const { channel, data, session } = setup();
    const chunk = Buffer.alloc(64 * 1024, 'y');
    const toFill = HIGH_WATERMARK / chunk.length;
    for (let i = 0; i < toFill + 8; i++) channel.push(chunk);
    for (let i = 0; i < toFill + 6; i++) await tick();
    const sent = data.reduce((n, d) => n + d.bytes, 0);
    expect(session.isPaused).toBe(true);
    expect(sent).toBeGreaterThanOrEqual(HIGH_WATERMARK);
    expect(sent).toBeLessThan(HIGH_WATERMARK + 64 * 1024 + 1);
    expect(channel.isPaused()).toBe(true);
    // Nothing more leaves while paused, however much the server sends.
    for (let i = 0; i < 8; i++) channel.push(chunk);
    for (let i = 0; i < 5; i++) await tick();
    expect(data.reduce((n, d) => n + d.bytes, 0)).toBe(sent);
    session.ack(data[data.length - 1]!.seq);
    expect(session.isPaused).toBe(false);
    for (let i = 0; i < 5; i++) await tick();
    expect(data.reduce((n, d) => n + d.bytes, 0)).toBeGreaterThan(sent);
  });

  it('while the client is behind, output arriving over a few milliseconds leaves as one event', async () => {
    const { channel, data } = setup();
    channel.push(Buffer.alloc(FLUSH_BYTES, 'y')); // a full event: the client is now behind
    await tick();
    const before = data.length;
    for (const part of ['a', 'b', 'c']) {
      channel.push(Buffer.from(part));
      await tick();
    }
    expect(data.length).toBe(before); // gathering
    await new Promise((r) => setTimeout(r, FLOOD_GATHER_MS + 20));
    expect(data.length).toBe(before + 1);
    expect(text(data.slice(before))).toBe('abc');
  });

  it('Ctrl-C while the client is behind drops the waiting backlog; either way it marks the point', async () => {
    const { channel, data, session } = setup();
    const chunk = Buffer.alloc(64 * 1024, 'y');
    const toFill = HIGH_WATERMARK / chunk.length;
    for (let i = 0; i < toFill + 24; i++) channel.push(chunk);
    for (let i = 0; i < toFill + 6; i++) await tick();
    expect(session.isPaused).toBe(true);
    const before = data.length;
    session.write(Buffer.from('\x03'), '\x03');
    expect(channel.written.map(String)).toEqual(['\x03']);
    const marks = data.slice(before);
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ data: '', bytes: 0 });
    expect(marks[0]!.skipped).toBeGreaterThan(512 * 1024);
    expect(channel.readableLength).toBe(0);
    // A later prompt still arrives once the client catches up.
    session.ack(data[data.length - 1]!.seq);
    channel.push(Buffer.from('$ '));
    for (let i = 0; i < 3; i++) await tick();
    expect(text(data.slice(-1))).toBe('$ ');
    // Caught up: nothing is dropped, the point is still marked.
    session.ack(data[data.length - 1]!.seq);
    const n = data.length;
    session.write(Buffer.from('\x03'), '\x03');
    await tick();
    expect(data.slice(n)).toEqual([expect.objectContaining({ bytes: 0, skipped: 0 })]);
  });

  it('passes window sizes on (once per change)', () => {
    const { channel, session } = setup();
    session.resize(100, 30);
    session.resize(100, 30);
    session.resize(80, 24);
    expect(channel.windows).toEqual([
      [30, 100],
      [24, 80],
    ]);
  });

  it('reports an exit with its code, a drop with the reason, and a close by us', async () => {
    const a = setup();
    a.channel.emit('exit', 3);
    a.channel.emit('close');
    expect(a.closed).toEqual([{ id: a.session.id, reason: 'exit', exitCode: 3, signal: null, message: null }]);
    expect(a.isEnded()).toBe(true);

    const b = setup();
    b.client.emit('close');
    b.channel.emit('close');
    expect(b.closed[0]).toMatchObject({ reason: 'dropped', exitCode: null, message: 'h1 (10.0.0.1:22): the connection was closed' });

    const c = setup();
    c.session.close('closed');
    expect(c.closed[0]).toMatchObject({ reason: 'closed' });
    await tick();
    // Output after our own close is not sent.
    c.channel.push(Buffer.from('late'));
    await tick();
    await tick();
    expect(c.data).toEqual([]);
  });
});
