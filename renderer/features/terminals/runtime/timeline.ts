/** Replay timing, kept pure for tests: event times with long pauses cut to a cap (asciinema's idle_time_limit). */
import type { CastEvent } from '../../../../shared/contract/terminals';

export const IDLE_CAP_S = 2;

export function cappedTimes(events: readonly CastEvent[], cap = IDLE_CAP_S): number[] {
  const out: number[] = [];
  let prev = 0;
  let t = 0;
  for (const e of events) {
    t += Math.min(Math.max(0, e.time - prev), cap);
    prev = e.time;
    out.push(t);
  }
  return out;
}
