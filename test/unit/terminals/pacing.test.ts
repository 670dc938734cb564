// The adaptive frame rate wrapped around xterm.js's render debouncer (runtime/xtermPatches.ts):
// with an interval, draws are at least that far apart and the rows asked for meanwhile are merged;
// without one, every request goes straight through; unknown internals leave the terminal alone.
import type { Terminal } from '@xterm/xterm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { paceFrames } from '../../../renderer/features/terminals/runtime/xtermPatches';

function fakeTerminal() {
  const draws: Array<[number | undefined, number | undefined, number]> = [];
  const debouncer = {
    refresh: (start: number | undefined, end: number | undefined, rowCount: number) => void draws.push([start, end, rowCount]),
  };
  const term = { _core: { _renderService: { _renderDebouncer: debouncer } } } as unknown as Terminal;
  return { term, debouncer, draws };
}

describe('paceFrames', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('draws at once when idle, then at most once per interval with the union of the rows asked for', () => {
    const { term, debouncer, draws } = fakeTerminal();
    let interval = 50;
    paceFrames(term, () => interval);
    debouncer.refresh(0, 3, 24);
    expect(draws).toEqual([[0, 3, 24]]);
    vi.advanceTimersByTime(10);
    debouncer.refresh(5, 9, 24);
    debouncer.refresh(2, 6, 24);
    expect(draws).toHaveLength(1);
    vi.advanceTimersByTime(39);
    expect(draws).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(draws).toEqual([
      [0, 3, 24],
      [2, 9, 24],
    ]);
    // The flood is over: back to drawing every request.
    interval = 0;
    debouncer.refresh(1, 1, 24);
    expect(draws).toHaveLength(3);
  });

  it('stops a pending draw when told (the terminal is being disposed)', () => {
    const { term, debouncer, draws } = fakeTerminal();
    const stop = paceFrames(term, () => 50);
    debouncer.refresh(0, 0, 24);
    debouncer.refresh(1, 1, 24);
    stop();
    vi.advanceTimersByTime(100);
    expect(draws).toHaveLength(1);
  });

  it('leaves a terminal whose internals look different alone', () => {
    const term = { _core: {} } as unknown as Terminal;
    expect(() => paceFrames(term, () => 50)()).not.toThrow();
  });
});
