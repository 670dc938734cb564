/**
 * Replays a recorded session into a read-only terminal of the recorded size, in real time or
 * faster. Long pauses are cut to a couple of seconds (timeline.ts, like asciinema's
 * idle_time_limit): nobody wants to watch the minute someone spent reading a man page. Pages load
 * one after another while playing.
 */
import {
  DEFAULT_TERMINAL_PREFS,
  parseCastEvents,
  type CastEvent,
  type RecordingPage,
  type TerminalPrefs,
} from '../../../../shared/contract/terminals';
import { api } from '../../../platform/api';
import { cappedTimes } from './timeline';
import { TermView } from './TermView';

const MAX_WRITE = 256 * 1024;

export interface PlayerState {
  loaded: boolean;
  error: string | null;
  playing: boolean;
  speed: number;
  /** Seconds on the (idle-capped) timeline. */
  position: number;
  duration: number;
  done: boolean;
}

const quiet = () => undefined;

export class ReplayPane {
  readonly view: TermView;
  private events: CastEvent[] = [];
  private times: number[] = [];
  private index = 0;
  private lastTick = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing = false;
  private state: PlayerState = { loaded: false, error: null, playing: false, speed: 1, position: 0, duration: 0, done: false };
  private readonly listeners = new Set<() => void>();
  visible = false;

  constructor(
    readonly paneId: string,
    readonly recordingId: string,
    prefs: TerminalPrefs | null,
  ) {
    this.view = new TermView(
      prefs ?? DEFAULT_TERMINAL_PREFS,
      { input: quiet, resize: quiet, title: quiet, link: quiet, paste: quiet, key: () => true, focus: quiet },
      { readOnly: true, fixedSize: true },
    );
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): PlayerState => this.state;

  async load(): Promise<void> {
    try {
      let page: number | null = 0;
      while (page !== null) {
        const r: RecordingPage = await api.call('terminals.recordings.read', { id: this.recordingId, page });
        if (r.header) this.applyHeader(r.header);
        this.events.push(...parseCastEvents(r.events));
        page = r.next;
      }
      this.times = cappedTimes(this.events);
      this.set({ loaded: true, duration: this.times[this.times.length - 1] ?? 0 });
      this.play();
    } catch (e) {
      this.set({ error: e instanceof Error ? e.message : 'The recording could not be read.' });
    }
  }

  play(): void {
    if (!this.state.loaded) return;
    if (this.state.done) this.restart();
    this.lastTick = performance.now();
    this.set({ playing: true });
    this.tick();
  }

  pause(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.set({ playing: false });
  }

  setSpeed(speed: number): void {
    this.set({ speed });
  }

  restart(): void {
    this.pause();
    this.view.term.reset();
    this.index = 0;
    this.set({ position: 0, done: false });
  }

  close(): void {
    this.pause();
    this.view.dispose();
  }

  private applyHeader(header: string): void {
    try {
      const h = JSON.parse(header) as { width?: unknown; height?: unknown };
      if (typeof h.width === 'number' && typeof h.height === 'number') this.view.term.resize(Math.max(2, h.width), Math.max(1, h.height));
    } catch {
      // A header we cannot read: play at the current size.
    }
  }

  private tick = (): void => {
    this.timer = null;
    if (!this.state.playing || this.writing) return;
    const now = performance.now();
    const position = this.state.position + ((now - this.lastTick) / 1000) * this.state.speed;
    this.lastTick = now;
    let out = '';
    while (this.index < this.events.length && this.times[this.index]! <= position && out.length < MAX_WRITE) {
      const e = this.events[this.index]!;
      if (e.code === 'o') out += e.data;
      else if (e.code === 'r') {
        const m = /^(\d+)x(\d+)$/.exec(e.data);
        if (m) {
          if (out) this.view.term.write(out);
          out = '';
          this.view.term.resize(Math.max(2, Number(m[1])), Math.max(1, Number(m[2])));
        }
      }
      this.index += 1;
    }
    const done = this.index >= this.events.length;
    this.set({ position: Math.min(position, this.state.duration), done, playing: !done });
    const next = () => {
      this.writing = false;
      if (!this.state.playing) return;
      const wait = this.index < this.events.length ? ((this.times[this.index]! - this.state.position) * 1000) / this.state.speed : 0;
      this.timer = setTimeout(this.tick, Math.min(250, Math.max(0, wait)));
    };
    if (out) {
      // Wait for xterm.js before writing more: a 16x replay of a flood must not outrun the parser.
      this.writing = true;
      this.view.term.write(out, next);
    } else next();
  };

  private set(patch: Partial<PlayerState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
