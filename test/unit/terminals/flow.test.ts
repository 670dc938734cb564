// Flow-control accounting: cumulative acks by sequence, watermarks in bytes and in events,
// robustness to lost events, lost or repeated acks and a client taking over; and the renderer's
// half: batched acks, and the queue in front of xterm.js that Ctrl-C can drop.
import { describe, expect, it, vi } from 'vitest';
import { FlowLedger } from '../../../electron/core/terminals/flow';
import { AckBatcher } from '../../../renderer/features/terminals/runtime/acks';
import {
  BATCH_BYTES,
  BATCH_MS,
  DRAW_FLOOD_BYTES,
  holdFor,
  noteTyping,
  OutputRate,
  TYPING_GRACE_MS,
  WriteQueue,
} from '../../../renderer/features/terminals/runtime/writeQueue';

describe('FlowLedger', () => {
  it('counts unacked bytes and fills at the high watermark, drains at the low one', () => {
    const f = new FlowLedger(1000, 250, 100);
    expect(f.sent(400)).toBe(1);
    expect(f.sent(400)).toBe(2);
    expect(f.full).toBe(false);
    f.sent(200);
    expect(f.unacked).toBe(1000);
    expect(f.full).toBe(true);
    f.ack(1);
    expect(f.unacked).toBe(600);
    expect(f.full).toBe(false);
    expect(f.drained).toBe(false);
    f.ack(2);
    expect(f.unacked).toBe(200);
    expect(f.drained).toBe(true);
  });

  it('acks are cumulative: acking a later event covers events whose own ack (or delivery) was lost', () => {
    const f = new FlowLedger(10_000, 100);
    for (let i = 0; i < 5; i++) f.sent(100);
    f.ack(4);
    expect(f.unacked).toBe(100);
    expect(f.events).toBe(1);
  });

  it('ignores stale, repeated and future acks', () => {
    const f = new FlowLedger(10_000, 100);
    f.sent(100);
    f.sent(100);
    f.ack(2);
    f.ack(1);
    f.ack(2);
    expect(f.unacked).toBe(0);
    f.sent(50);
    f.ack(99); // a confused client cannot ack what was never sent
    expect(f.unacked).toBe(0);
    f.sent(70);
    expect(f.unacked).toBe(70);
    expect(f.seq).toBe(4);
  });

  it('fills on many tiny events too, so the ledger itself stays small', () => {
    const f = new FlowLedger(1_000_000, 1000, 8);
    for (let i = 0; i < 7; i++) f.sent(1);
    expect(f.full).toBe(false);
    f.sent(1);
    expect(f.full).toBe(true);
    f.ack(7);
    expect(f.drained).toBe(true);
  });

  it('reset forgets what is in flight (a new client will never ack it)', () => {
    const f = new FlowLedger(100, 10);
    f.sent(500);
    expect(f.full).toBe(true);
    f.reset();
    expect(f.unacked).toBe(0);
    expect(f.full).toBe(false);
    expect(f.sent(5)).toBe(2);
    f.ack(1);
    expect(f.unacked).toBe(5);
  });
});

describe('AckBatcher (renderer side)', () => {
  it('sends the highest processed sequence at most once per delay, at once after enough bytes', () => {
    vi.useFakeTimers();
    try {
      const sent: number[] = [];
      const b = new AckBatcher((s) => sent.push(s), 8, 1000);
      b.processed(1, 100);
      b.processed(2, 100);
      expect(sent).toEqual([]);
      vi.advanceTimersByTime(8);
      expect(sent).toEqual([2]);
      b.processed(3, 600);
      b.processed(4, 600);
      expect(sent).toEqual([2, 4]);
      vi.advanceTimersByTime(50);
      expect(sent).toEqual([2, 4]);
      b.processed(3, 10); // out of order / stale: nothing new
      vi.advanceTimersByTime(50);
      expect(sent).toEqual([2, 4]);
      b.reset();
      b.processed(1, 10);
      vi.advanceTimersByTime(8);
      expect(sent).toEqual([2, 4, 1]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('WriteQueue (renderer side)', () => {
  /** A stand-in for xterm.js: remembers writes, calls back when told. */
  function fakeXterm() {
    const pending: Array<{ data: Uint8Array; done: () => void }> = [];
    const written: number[] = [];
    return {
      write: (data: Uint8Array, done: () => void) => {
        pending.push({ data, done });
        written.push(data.length);
      },
      finishOne: () => pending.shift()?.done(),
      pending,
      written,
    };
  }
  const chunk = (n: number) => new Uint8Array(n);

  it('hands xterm.js at most its share and keeps the rest in order', () => {
    const x = fakeXterm();
    const acked: Array<[number, number]> = [];
    const q = new WriteQueue(x.write, (s, b) => acked.push([s, b]), { maxInXterm: 100 });
    q.push(chunk(60), 1);
    q.push(chunk(60), 2);
    q.push(chunk(60), 3);
    expect(x.written).toEqual([60, 60]);
    expect(q.backlog).toBe(60);
    x.finishOne();
    expect(acked).toEqual([[1, 60]]);
    expect(x.written).toEqual([60, 60, 60]);
    expect(q.backlog).toBe(0);
  });

  it('drops what waits on an interrupt and reports it processed at once', () => {
    const x = fakeXterm();
    const acked: Array<[number, number]> = [];
    const q = new WriteQueue(x.write, (s, b) => acked.push([s, b]), { maxInXterm: 100 });
    for (let i = 1; i <= 5; i++) q.push(chunk(50), i);
    expect(q.drop()).toBe(150);
    expect(acked).toEqual([[5, 150]]);
    expect(q.backlog).toBe(0);
    x.finishOne();
    x.finishOne();
    expect(acked.slice(1)).toEqual([
      [1, 50],
      [2, 50],
    ]);
    expect(q.drop()).toBe(0);
  });

  it('ignores callbacks of a previous session after reset', () => {
    const x = fakeXterm();
    const acked: number[] = [];
    const q = new WriteQueue(x.write, (s) => acked.push(s), { maxInXterm: 100 });
    q.push(chunk(80), 7);
    q.reset();
    q.push(chunk(10), 1);
    x.finishOne();
    x.finishOne();
    expect(acked).toEqual([1]);
  });
});

describe('WriteQueue during a flood', () => {
  function fakeXterm() {
    const pending: Array<() => void> = [];
    const written: number[] = [];
    return {
      write: (data: Uint8Array, done: () => void) => {
        written.push(data.length);
        pending.push(done);
      },
      finishOne: () => pending.shift()?.(),
      written,
    };
  }

  it('gathers small events into one write, by size or after BATCH_MS, one batch in xterm.js at a time', () => {
    vi.useFakeTimers();
    try {
      const x = fakeXterm();
      const acked: Array<[number, number]> = [];
      const q = new WriteQueue(x.write, (s, b) => acked.push([s, b]), { flooding: () => true });
      q.push(new Uint8Array(1000), 1);
      q.push(new Uint8Array(2000), 2);
      expect(x.written).toEqual([]); // gathering
      vi.advanceTimersByTime(BATCH_MS);
      expect(x.written).toEqual([3000]);
      // While that batch is in xterm.js, even a full batch waits.
      for (let i = 3; i < 3 + 20; i++) q.push(new Uint8Array(64 * 1024), i);
      expect(x.written).toEqual([3000]);
      x.finishOne();
      expect(acked).toEqual([[2, 3000]]);
      expect(x.written).toEqual([3000, BATCH_BYTES]);
      x.finishOne();
      expect(acked[1]).toEqual([10, BATCH_BYTES]);
      // The rest (12 x 64 KiB) is already a full batch: it goes without waiting.
      expect(x.written).toEqual([3000, BATCH_BYTES, BATCH_BYTES]);
      expect(q.backlog).toBe(4 * 64 * 1024);
    } finally {
      vi.useRealTimers();
    }
  });

  it('can still drop what waits, and carries the batch bytes in order', () => {
    vi.useFakeTimers();
    try {
      const got: number[] = [];
      const q = new WriteQueue(
        (d, done) => {
          got.push(...d);
          done();
        },
        () => undefined,
        { flooding: () => true },
      );
      q.push(Uint8Array.of(1, 2), 1);
      q.push(Uint8Array.of(3), 2);
      vi.advanceTimersByTime(BATCH_MS);
      expect(got).toEqual([1, 2, 3]);
      q.push(Uint8Array.of(4), 3);
      expect(q.drop()).toBe(1);
      vi.advanceTimersByTime(BATCH_MS);
      expect(got).toEqual([1, 2, 3]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('OutputRate', () => {
  it('calls a quarter second with 64 KiB or more a flood, and forgets it half a second later', () => {
    const r = new OutputRate();
    r.add(10_000, 1000);
    expect(r.flooding(1100)).toBe(false);
    r.add(60_000, 1200);
    expect(r.flooding(1200)).toBe(true);
    expect(r.flooding(1300)).toBe(true); // the previous window counts too
    expect(r.flooding(1800)).toBe(false);
  });

  it('draws as a flood only above ~1 MB/s, and never right after a key in the pane', () => {
    const r = new OutputRate();
    r.add(DRAW_FLOOD_BYTES - 1, 1000);
    expect(r.flooding(1000)).toBe(true); // fast enough to drop on Ctrl-C...
    expect(r.drawsAsFlood(0, 1000)).toBe(false); // ...but a full-screen program redraws this fast
    r.add(1, 1010);
    expect(r.drawsAsFlood(0, 1010)).toBe(true);
    expect(r.drawsAsFlood(1010 - TYPING_GRACE_MS + 1, 1010)).toBe(false); // the user just typed here
    expect(r.drawsAsFlood(1010 - TYPING_GRACE_MS - 1, 1010)).toBe(true);
  });
});

describe('typing priority', () => {
  it('holds other panes back for a moment after a key, never the pane being typed in', () => {
    vi.useFakeTimers();
    try {
      noteTyping('a', 1000);
      expect(holdFor('a', 1010)).toBe(0);
      expect(holdFor('b', 1010)).toBe(90);
      expect(holdFor('b', 1200)).toBe(0);
      const x: number[] = [];
      let wait = 100;
      const q = new WriteQueue(
        (d, done) => {
          x.push(d.length);
          done();
        },
        () => undefined,
        { maxInXterm: 1000, hold: () => wait },
      );
      q.push(new Uint8Array(10), 1);
      expect(x).toEqual([]);
      wait = 0;
      vi.advanceTimersByTime(100);
      expect(x).toEqual([10]);
    } finally {
      vi.useRealTimers();
    }
  });
});
