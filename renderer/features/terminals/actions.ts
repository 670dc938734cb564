/**
 * Everything the terminals UI does, as plain functions over the store and the live panes, so
 * components stay small and other features can open a terminal with one call (`openTerminal`).
 */
import type { RecordingSummary, Snippet, TerminalPrefs, TerminalSession } from '../../../shared/contract/terminals';
import { useStore } from '../../app/store';
import { api } from '../../platform/api';
import { allLive, applyPrefsEverywhere, livePane, register, sshPaneOf, unregister } from './runtime/registry';
import { ReplayPane } from './runtime/replayPane';
import { listen } from './runtime/router';
import { SshPane } from './runtime/sshPane';
import { isLive, newPane, newUiId, patchPane, useTerminals, type Pane, type Tab } from './terminalsStore';

const set = useTerminals.setState;
const get = useTerminals.getState;
const quiet = () => undefined;

/** Preferences and snippets, once per unlock (they live in the vault). */
export async function loadTerminalData(): Promise<void> {
  const [prefs, snippets] = await Promise.all([api.call('terminals.prefs.get', {}), api.call('terminals.snippets.list', {})]);
  set({ prefs, snippets });
  applyPrefsEverywhere(prefs);
}

export async function updatePrefs(patch: Partial<TerminalPrefs>): Promise<void> {
  const prefs = await api.call('terminals.prefs.update', patch);
  set({ prefs });
  applyPrefsEverywhere(prefs);
}

function addTab(pane: Pane): void {
  const tab: Tab = { id: newUiId('tab'), panes: [pane.id], active: pane.id };
  set((s) => ({ panes: { ...s.panes, [pane.id]: pane }, tabs: [...s.tabs, tab], activeTab: tab.id }));
}

function startSsh(pane: Pane): SshPane {
  listen();
  const ssh = new SshPane(pane.id, pane.host, () => get().prefs);
  register(ssh);
  return ssh;
}

/**
 * Open a terminal to a vault host in a new tab and show the terminals screen. The connection starts
 * once the pane is on screen and knows its size. This is what the host page, the map and the quick
 * switcher call.
 */
export function openTerminal(host: string): void {
  const pane = newPane('ssh', host);
  startSsh(pane);
  addTab(pane);
  useStore.getState().go('terminals');
}

/** Most terminals opened at once from a selection (each is an SSH session; more is rarely meant). */
export const MAX_TERMINALS_AT_ONCE = 12;

/** A tab per host (the hosts list's picked hosts), then the terminals screen with the last one. */
export function openTerminals(hosts: readonly string[]): void {
  for (const host of hosts.slice(0, MAX_TERMINALS_AT_ONCE)) {
    const pane = newPane('ssh', host);
    startSsh(pane);
    addTab(pane);
  }
  useStore.getState().go('terminals');
}

/** Split the tab in two: a second session to the same host beside the first. */
export function splitTab(tabId: string): void {
  const tab = get().tabs.find((t) => t.id === tabId);
  const first = tab ? get().panes[tab.panes[0]!] : undefined;
  if (!tab || tab.panes.length > 1 || !first || first.kind !== 'ssh') return;
  const pane = newPane('ssh', first.host);
  startSsh(pane);
  set((s) => ({
    panes: { ...s.panes, [pane.id]: pane },
    tabs: s.tabs.map((t) => (t.id === tabId ? { ...t, panes: [...t.panes, pane.id], active: pane.id } : t)),
  }));
}

/** Ask first when closing would hang up a running session. */
export function requestClose(tabId: string, paneId: string | null = null): void {
  const tab = get().tabs.find((t) => t.id === tabId);
  if (!tab) return;
  const ids = paneId ? [paneId] : tab.panes;
  if (ids.some((id) => isLive(get().panes[id]))) set({ closing: { tab: tabId, pane: paneId } });
  else closeNow(tabId, paneId);
}

export function closeNow(tabId: string, paneId: string | null = null): void {
  const tab = get().tabs.find((t) => t.id === tabId);
  if (!tab) return;
  const ids = paneId ? [paneId] : tab.panes;
  for (const id of ids) {
    livePane(id)?.close();
    unregister(id);
  }
  set((s) => {
    const panes = { ...s.panes };
    for (const id of ids) delete panes[id];
    const left = tab.panes.filter((p) => !ids.includes(p));
    const index = s.tabs.findIndex((t) => t.id === tabId);
    const tabs = left.length
      ? s.tabs.map((t) => (t.id === tabId ? { ...t, panes: left, active: left[0]! } : t))
      : s.tabs.filter((t) => t.id !== tabId);
    const activeTab = s.activeTab === tabId && !left.length ? (tabs[Math.min(index, tabs.length - 1)]?.id ?? null) : s.activeTab;
    return {
      panes,
      tabs,
      activeTab,
      closing: null,
      broadcastTargets: s.broadcastTargets.filter((p) => !ids.includes(p)),
      findPane: s.findPane && ids.includes(s.findPane) ? null : s.findPane,
    };
  });
}

export function selectTab(tabId: string): void {
  set({ activeTab: tabId });
  const tab = get().tabs.find((t) => t.id === tabId);
  if (tab) for (const id of tab.panes) if (get().panes[id]?.unread) patchPane(id, { unread: false });
}

export function focusPane(paneId: string): void {
  set((s) => ({ tabs: s.tabs.map((t) => (t.panes.includes(paneId) ? { ...t, active: paneId } : t)) }));
}

export function trustAndConnect(paneId: string): void {
  const q = get().panes[paneId]?.question;
  if (q) void sshPaneOf(paneId)?.connect([q.fingerprint]);
}

export function reconnectPane(paneId: string): void {
  sshPaneOf(paneId)?.reconnect();
}

export function setBroadcast(on: boolean): void {
  const s = get();
  // Turning it on ticks every running terminal; the user unticks the ones to leave out.
  const targets = on ? Object.values(s.panes).flatMap((p) => (p.kind === 'ssh' && p.status === 'open' ? [p.id] : [])) : [];
  set({ broadcast: on, broadcastTargets: targets });
}

export function toggleTarget(paneId: string): void {
  set((s) => ({
    broadcastTargets: s.broadcastTargets.includes(paneId)
      ? s.broadcastTargets.filter((p) => p !== paneId)
      : [...s.broadcastTargets, paneId],
  }));
}

/** The paste dialog's answer: send the cleaned text as a paste into the pane. */
export function confirmPaste(text: string | null): void {
  const req = get().paste;
  set({ paste: null });
  if (!req || text === null) return;
  const pane = sshPaneOf(req.pane);
  pane?.view.pasteText(text);
  pane?.view.focus();
}

/** Snippets: insert (no Enter), run (with Enter) in the active pane, or run in every broadcast target. */
export function applySnippet(snippet: Snippet, how: 'insert' | 'run' | 'broadcast', paneId: string | null): void {
  const text = how === 'insert' ? snippet.command : `${snippet.command.replace(/\r?\n$/, '')}\r`;
  if (how === 'broadcast') {
    const s = get();
    const ids = s.broadcastTargets.flatMap((p) => {
      const pane = s.panes[p];
      return pane?.status === 'open' && pane.sessionId ? [pane.sessionId] : [];
    });
    if (ids.length) api.call('terminals.input', { ids, data: text }).catch(quiet);
    return;
  }
  const pane = paneId ? sshPaneOf(paneId) : undefined;
  if (!pane) return;
  // Insert goes through paste (bracketed, so a multi-line snippet waits for Enter); run is typed.
  if (how === 'insert') pane.view.pasteText(snippet.command);
  else pane.send(text);
  pane.view.focus();
}

export async function reloadSnippets(): Promise<void> {
  set({ snippets: await api.call('terminals.snippets.list', {}) });
}

export async function reloadRecordings(): Promise<void> {
  set({ recordings: await api.call('terminals.recordings.list', {}) });
}

export function openReplay(rec: RecordingSummary): void {
  const pane = newPane('replay', rec.host, rec.id);
  const replay = new ReplayPane(pane.id, rec.id, get().prefs);
  register(replay);
  addTab(pane);
  void replay.load();
}

/** Show a session that runs in the core but in no tab here (this window was reloaded). */
export async function adoptSession(session: TerminalSession): Promise<void> {
  const { session: fresh, tail } = await api.call('terminals.attach', { id: session.id });
  // Not 'new': mounting must not open a second session; the pane takes this one over once on screen.
  const pane: Pane = { ...newPane('ssh', fresh.host), status: 'connecting' };
  startSsh(pane).adoptWhenMounted(fresh, tail);
  addTab(pane);
}

/** Sessions the core runs that no pane here shows. */
export function foreignSessions(all: TerminalSession[]): TerminalSession[] {
  const mine = new Set(Object.values(get().panes).flatMap((p) => (p.sessionId ? [p.sessionId] : [])));
  return all.filter((s) => !mine.has(s.id));
}

export function liveSessionCount(): number {
  return allLive().filter((p) => 'connect' in p && p.session !== null).length;
}
