/**
 * What the terminals screen shows: tabs (one pane, or two side by side), each pane's connection
 * state, broadcast, the side panels and the open dialogs. It is a store of its own rather than a
 * slice of the app store because terminals deliberately survive a vault lock (a long job in a
 * shell must not die because the laptop idled), while the app store wipes its slices on lock.
 *
 * The xterm.js instances themselves are not state: they live in runtime/panes.ts, keyed by pane id.
 */
import { create } from 'zustand';
import type { HostKeyQuestion, RecordingSummary, Snippet, TerminalPrefs } from '../../../shared/contract/terminals';

export type PaneStatus = 'new' | 'connecting' | 'hostkey' | 'open' | 'exited' | 'dropped' | 'failed' | 'replay';

export interface Pane {
  id: string;
  kind: 'ssh' | 'replay';
  /** Inventory name (ssh), or the recorded host (replay). */
  host: string;
  sessionId: string | null;
  status: PaneStatus;
  /** The window title the remote side set (cleaned). */
  title: string;
  message: string | null;
  question: HostKeyQuestion | null;
  exitCode: number | null;
  /** Automatic reconnect scheduled: attempt number and when. */
  retry: { attempt: number; at: number } | null;
  recording: boolean;
  /** Output arrived while the pane was not on screen. */
  unread: boolean;
  /** Replay panes: which recording. */
  recordingId: string | null;
}

export interface Tab {
  id: string;
  panes: string[];
  /** Which pane has the keyboard. */
  active: string;
}

export interface PasteRequest {
  pane: string;
  text: string;
}

export interface TerminalsState {
  tabs: Tab[];
  panes: Record<string, Pane>;
  activeTab: string | null;
  /** Broadcast: typed keys go to every ticked pane. */
  broadcast: boolean;
  broadcastTargets: string[];
  prefs: TerminalPrefs | null;
  snippets: Snippet[];
  recordings: RecordingSummary[];
  side: 'snippets' | 'recordings' | null;
  switcherOpen: boolean;
  settingsOpen: boolean;
  /** The pane whose find bar is open. */
  findPane: string | null;
  paste: PasteRequest | null;
  link: string | null;
  /** Asking before hanging up a running session: a whole tab or one pane. */
  closing: { tab: string; pane: string | null } | null;
}

export const useTerminals = create<TerminalsState>()(() => ({
  tabs: [],
  panes: {},
  activeTab: null,
  broadcast: false,
  broadcastTargets: [],
  prefs: null,
  snippets: [],
  recordings: [],
  side: null,
  switcherOpen: false,
  settingsOpen: false,
  findPane: null,
  paste: null,
  link: null,
  closing: null,
}));

let counter = 0;
export const newUiId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function patchPane(id: string, patch: Partial<Pane>): void {
  useTerminals.setState((s) => {
    const p = s.panes[id];
    return p ? { panes: { ...s.panes, [id]: { ...p, ...patch } } } : {};
  });
}

export function newPane(kind: Pane['kind'], host: string, recordingId: string | null = null): Pane {
  return {
    id: newUiId('pane'),
    kind,
    host,
    sessionId: null,
    status: kind === 'replay' ? 'replay' : 'new',
    title: '',
    message: null,
    question: null,
    exitCode: null,
    retry: null,
    recording: false,
    unread: false,
    recordingId,
  };
}

/** The pane that has the keyboard: the active tab's active pane. */
export function activePaneId(s: Pick<TerminalsState, 'tabs' | 'activeTab'>): string | null {
  return s.tabs.find((t) => t.id === s.activeTab)?.active ?? null;
}

export function tabOfPane(s: Pick<TerminalsState, 'tabs'>, pane: string): Tab | undefined {
  return s.tabs.find((t) => t.panes.includes(pane));
}

/** A session that is running (closing it hangs up processes in it). */
export function isLive(p: Pane | undefined): boolean {
  return p?.kind === 'ssh' && (p.status === 'open' || p.status === 'connecting');
}
