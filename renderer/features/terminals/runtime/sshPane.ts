/**
 * A pane connected to a host: binds one TermView to a core session, writes its output with
 * flow-control acks, sends keystrokes (to one session, or to every broadcast target), passes
 * resizes on, and handles the session's end: an exit says so, a dropped connection offers
 * reconnect (automatic with back-off when enabled). Reconnecting opens a new session into the
 * same terminal, so the scrollback stays.
 */
import type { EventPayload } from '../../../../shared/events';
import { DEFAULT_TERMINAL_PREFS, type TerminalPrefs, type TerminalSession } from '../../../../shared/contract/terminals';
import { api, ApiFailure } from '../../../platform/api';
import { patchPane, useTerminals } from '../terminalsStore';
import { AckBatcher } from './acks';
import { FLOOD_FRAME_MS, holdFor, noteTyping, OutputRate, WriteQueue } from './writeQueue';
import { fromBase64 } from './bytes';
import { copyText } from './clipboard';
import { terminalShortcut } from './keys';
import { needsReview, reviewPaste } from './paste';
import { MAX_RETRIES, retryDelayMs } from './retry';
import { claim } from './router';
import { cleanTitle, safeLink } from './sanitize';
import { TermView } from './TermView';

const RESIZE_DEBOUNCE_MS = 60;
// eslint-disable-next-line no-control-regex
const INTERRUPTS = /[\x03\x1a\x1c]/;
const SKIP_WAIT_MS = 1_000;

function formatSize(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}
const COPY_DEBOUNCE_MS = 150;

const quiet = () => undefined;

export class SshPane {
  readonly view: TermView;
  private readonly acks: AckBatcher;
  private readonly queue: WriteQueue;
  private sessionId: string | null = null;
  private release: (() => void) | null = null;
  private resizeTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private copyTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private attempt = 0;
  private pendingAdopt: { session: TerminalSession; tail: string } | null = null;
  private skipUntil = 0;
  private skipped = 0;
  private readonly rate = new OutputRate();
  /** When the user last typed or pasted here: interactive output is never drawn the flood way. */
  private lastKeyAt = 0;
  visible = false;

  constructor(
    readonly paneId: string,
    readonly host: string,
    private readonly prefs: () => TerminalPrefs | null,
  ) {
    this.view = new TermView(prefs() ?? DEFAULT_TERMINAL_PREFS, {
      input: (data, user, binary) => this.input(data, user, binary),
      resize: (cols, rows) => this.scheduleResize(cols, rows),
      title: (t) => patchPane(this.paneId, { title: cleanTitle(t) }),
      link: (uri) => {
        const url = safeLink(uri);
        if (url) useTerminals.setState({ link: url });
      },
      paste: (text) => this.paste(text),
      key: (e) => this.key(e),
      focus: () => focusPane(this.paneId),
      frameIntervalMs: () => (this.drawsAsFlood() ? FLOOD_FRAME_MS : 0),
    });
    this.acks = new AckBatcher((seq) => {
      if (this.sessionId) api.call('terminals.ack', { id: this.sessionId, seq }).catch(quiet);
    });
    this.queue = new WriteQueue(
      (data, done) => this.view.write(data, done),
      (seq, bytes) => this.acks.processed(seq, bytes),
      { hold: () => holdFor(this.paneId), flooding: () => this.drawsAsFlood() },
    );
    this.view.term.onSelectionChange(() => this.copyOnSelect());
  }

  private drawsAsFlood(): boolean {
    return this.rate.drawsAsFlood(this.lastKeyAt);
  }

  get session(): string | null {
    return this.sessionId;
  }

  /** Open a session (the first time, after a drop, or after the user trusted a host key). */
  async connect(trust: string[] = []): Promise<void> {
    if (this.disposed || this.sessionId) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    patchPane(this.paneId, { status: 'connecting', message: null, question: null, retry: null });
    let result;
    try {
      result = await api.call('terminals.open', { host: this.host, cols: this.view.cols, rows: this.view.rows, trust });
    } catch (e) {
      return this.failed(e instanceof ApiFailure ? e.message : 'Could not reach OpsDeck to open the terminal.');
    }
    if (this.disposed) {
      if (result.status === 'open') api.call('terminals.close', { id: result.session.id }).catch(quiet);
      return;
    }
    if (result.status === 'open') return this.bind(result.session);
    if (result.status === 'hostkey') return patchPane(this.paneId, { status: 'hostkey', question: result.question, message: null });
    this.failed(result.message);
  }

  /** Take over a session that is already running (after a reload of the window), once on screen. */
  adoptWhenMounted(session: TerminalSession, tail: string): void {
    this.pendingAdopt = { session, tail };
  }

  /** The pane is on screen and sized: start the connection (or the takeover) now. */
  mounted(): void {
    const adopt = this.pendingAdopt;
    this.pendingAdopt = null;
    if (adopt) {
      if (adopt.tail) this.view.write(fromBase64(adopt.tail), quiet);
      this.view.note('── reattached: output before this point may be incomplete ──');
      this.bind(adopt.session);
      return;
    }
    if (useTerminals.getState().panes[this.paneId]?.status === 'new') void this.connect();
  }

  reconnect(): void {
    if (this.sessionId || this.disposed) return;
    this.attempt += 1;
    this.view.note(`── reconnecting to ${this.host} ──`);
    void this.connect();
  }

  /** Hang up (if running) and free the terminal. */
  close(): void {
    this.disposed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.resizeTimer) clearTimeout(this.resizeTimer);
    if (this.copyTimer) clearTimeout(this.copyTimer);
    if (this.sessionId) api.call('terminals.close', { id: this.sessionId }).catch(quiet);
    this.unbind();
    this.view.dispose();
  }

  /** Keys as typed (snippets "insert"/"run" and the paste dialog come through here too). */
  send(data: string): void {
    if (this.sessionId) api.call('terminals.input', { ids: [this.sessionId], data }).catch(quiet);
  }

  /** Paste through xterm.js (bracketed when the shell asked for it), after review if needed. */
  paste(text: string): void {
    const review = reviewPaste(text, this.view.bracketedPaste);
    if (needsReview(review)) useTerminals.setState({ paste: { pane: this.paneId, text } });
    else this.view.pasteText(text);
  }

  private bind(session: TerminalSession): void {
    this.sessionId = session.id;
    this.attempt = 0;
    this.acks.reset();
    this.release = claim(session.id, { data: (p) => this.onData(p), closed: (p) => this.onClosed(p) });
    patchPane(this.paneId, {
      status: 'open',
      sessionId: session.id,
      recording: session.recording,
      message: null,
      question: null,
      retry: null,
      exitCode: null,
    });
    // The pane may have been resized while the session was opening.
    if (session.cols !== this.view.cols || session.rows !== this.view.rows) this.scheduleResize(this.view.cols, this.view.rows);
  }

  private unbind(): void {
    this.release?.();
    this.release = null;
    this.sessionId = null;
    this.acks.reset();
    this.queue.reset();
  }

  private onData(p: EventPayload<'terminal.data'>): void {
    if (p.skipped !== undefined) {
      const total = this.skipped + p.skipped;
      this.skipUntil = 0;
      this.skipped = 0;
      if (total > 0) this.view.note(`── ${formatSize(total)} of output skipped after the interrupt ──`);
    } else if (this.skipUntil > Date.now()) {
      // Output from before the interrupt, still on its way when it was typed.
      this.skipped += p.bytes;
      this.acks.processed(p.seq, p.bytes);
      return;
    }
    this.rate.add(p.bytes);
    if (p.bytes > 0) this.queue.push(fromBase64(p.data), p.seq);
    else this.acks.processed(p.seq, 0);
    if (!this.visible && !useTerminals.getState().panes[this.paneId]?.unread) patchPane(this.paneId, { unread: true });
  }

  private onClosed(p: EventPayload<'terminal.closed'>): void {
    this.unbind();
    if (this.disposed) return;
    if (p.reason === 'exit') {
      const how = p.signal ? `killed by ${p.signal}` : `exit ${p.exitCode ?? '?'}`;
      this.view.note(`── session ended (${how}) ──`);
      patchPane(this.paneId, { status: 'exited', exitCode: p.exitCode, sessionId: null, message: null });
      return;
    }
    const message = p.message ?? 'The connection was closed.';
    this.view.note(`── ${p.reason === 'closed' ? 'session closed' : 'connection lost'} ──`);
    patchPane(this.paneId, { status: 'dropped', sessionId: null, message });
    if (p.reason === 'dropped' && this.prefs()?.autoReconnect) this.scheduleRetry();
  }

  private failed(message: string): void {
    patchPane(this.paneId, { status: 'failed', message, sessionId: null });
    // A retry that fails while the host is still away waits longer next time.
    if (this.attempt > 0 && this.prefs()?.autoReconnect && this.attempt < MAX_RETRIES) this.scheduleRetry();
  }

  private scheduleRetry(): void {
    const delay = retryDelayMs(this.attempt + 1);
    patchPane(this.paneId, { retry: { attempt: this.attempt + 1, at: Date.now() + delay } });
    this.retryTimer = setTimeout(() => this.reconnect(), delay);
  }

  private input(data: string, user: boolean, binary: boolean): void {
    if (!this.sessionId) return;
    if (user) {
      noteTyping(this.paneId);
      this.lastKeyAt = Date.now();
    }
    const ids = user ? broadcastIds(this.paneId) : null;
    api.call('terminals.input', { ids: ids ?? [this.sessionId], data, binary }).catch(quiet);
    // Ctrl-C (or Ctrl-\, Ctrl-Z) during a flood: drop the output still waiting here, as the tty
    // does, and what arrives until the core marks the point where it saw the interrupt (or 1 s).
    if (user && INTERRUPTS.test(data) && (this.queue.backlog > 0 || this.rate.flooding())) {
      this.skipped += this.queue.drop();
      this.skipUntil = Date.now() + SKIP_WAIT_MS;
    }
  }

  private scheduleResize(cols: number, rows: number): void {
    if (this.resizeTimer) clearTimeout(this.resizeTimer);
    this.resizeTimer = setTimeout(() => {
      if (this.sessionId) api.call('terminals.resize', { id: this.sessionId, cols, rows }).catch(quiet);
    }, RESIZE_DEBOUNCE_MS);
  }

  private key(e: KeyboardEvent): boolean {
    if (e.type !== 'keydown') return true;
    const shortcut = terminalShortcut(e);
    if (shortcut === 'copy') {
      const text = this.view.term.getSelection();
      if (text) void copyText(text).then(() => this.view.focus());
      e.preventDefault();
    }
    // The rest (switcher, find, paste) bubble up to the window and the browser; xterm.js stays out.
    return shortcut === null;
  }

  private copyOnSelect(): void {
    if (!this.prefs()?.copyOnSelect) return;
    if (this.copyTimer) clearTimeout(this.copyTimer);
    this.copyTimer = setTimeout(() => {
      const text = this.view.term.getSelection();
      if (text) void copyText(text);
    }, COPY_DEBOUNCE_MS);
  }
}

/** Session ids typed keys go to: every open broadcast target when this pane is one of them. */
function broadcastIds(paneId: string): string[] | null {
  const s = useTerminals.getState();
  if (!s.broadcast || !s.broadcastTargets.includes(paneId)) return null;
  const ids = s.broadcastTargets.map((p) => s.panes[p]).flatMap((p) => (p?.status === 'open' && p.sessionId ? [p.sessionId] : []));
  return ids.length > 0 ? ids : null;
}

function focusPane(paneId: string): void {
  useTerminals.setState((s) => ({
    tabs: s.tabs.map((t) => (t.panes.includes(paneId) && t.active !== paneId ? { ...t, active: paneId } : t)),
  }));
}
