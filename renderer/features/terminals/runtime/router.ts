/**
 * One subscription to the core's terminal events for the whole renderer, dispatched by session id
 * (a listener per pane would be called for every event of every session during a flood).
 *
 * Output can arrive before 'terminals.open' has answered (the shell greets at once), so events for
 * a session nobody has claimed yet are held briefly and replayed when it is claimed. The hold is
 * small and short-lived: events of sessions that belong to another window are dropped.
 */
import type { EventPayload } from '../../../../shared/events';
import { api } from '../../../platform/api';

type Data = EventPayload<'terminal.data'>;
type Closed = EventPayload<'terminal.closed'>;

export interface SessionSink {
  data(p: Data): void;
  closed(p: Closed): void;
}

const HOLD_MS = 5_000;
const HOLD_EVENTS = 256;

const sinks = new Map<string, SessionSink>();
const held = new Map<string, { at: number; events: Array<Data | Closed> }>();
let started = false;

function hold(id: string, e: Data | Closed): void {
  const now = Date.now();
  for (const [k, v] of held) if (now - v.at > HOLD_MS) held.delete(k);
  const h = held.get(id) ?? { at: now, events: [] };
  if (h.events.length < HOLD_EVENTS) h.events.push(e);
  held.set(id, h);
}

function start(): void {
  if (started) return;
  started = true;
  api.on('terminal.data', (p) => {
    const sink = sinks.get(p.id);
    if (sink) sink.data(p);
    else hold(p.id, p);
  });
  api.on('terminal.closed', (p) => {
    const sink = sinks.get(p.id);
    if (sink) sink.closed(p);
    else hold(p.id, p);
  });
}

/** Make sure events are being received before a session is opened. */
export function listen(): void {
  start();
}

/** Claim a session's events (replaying any that came early); returns the release function. */
export function claim(id: string, sink: SessionSink): () => void {
  start();
  sinks.set(id, sink);
  const early = held.get(id);
  held.delete(id);
  for (const e of early?.events ?? []) {
    if ('seq' in e) sink.data(e);
    else sink.closed(e);
  }
  return () => {
    if (sinks.get(id) === sink) sinks.delete(id);
  };
}
