/**
 * The live terminals behind the store's panes, keyed by pane id, and the two things that concern
 * all of them: which one holds the WebGL context (only the pane on screen with the keyboard, since
 * Chromium caps contexts per page) and keeping colours and preferences in step with the app.
 */
import type { TerminalPrefs } from '../../../../shared/contract/terminals';
import { useTerminals } from '../terminalsStore';
import type { ReplayPane } from './replayPane';
import type { SshPane } from './sshPane';
import { onThemeChange } from './theme';
import { wantsWebgl } from './webgl';

export type LivePane = SshPane | ReplayPane;

const live = new Map<string, LivePane>();
/** The pane on screen with the keyboard, and the one holding the WebGL context (the same, or none). */
let activeId: string | null = null;
let webglOwner: string | null = null;
let themeWatch: (() => void) | null = null;

export function register(pane: LivePane): void {
  live.set(pane.paneId, pane);
  themeWatch ??= onThemeChange(() => {
    for (const p of live.values()) p.view.applyTheme();
  });
}

export function livePane(id: string): LivePane | undefined {
  return live.get(id);
}

export function sshPaneOf(id: string): SshPane | undefined {
  const p = live.get(id);
  return p && 'connect' in p ? p : undefined;
}

export function unregister(id: string): void {
  if (webglOwner === id) webglOwner = null;
  if (activeId === id) activeId = null;
  live.delete(id);
}

/** The pane on screen with the keyboard gets WebGL (if the preference and the GPU allow); the rest DOM. */
export function setActiveView(id: string | null): void {
  activeId = id;
  const prefs = useTerminals.getState().prefs;
  const next = id && prefs && wantsWebgl(prefs.renderer) ? id : null;
  if (webglOwner && webglOwner !== next) live.get(webglOwner)?.view.disableWebgl();
  webglOwner = next;
  if (next) live.get(next)?.view.enableWebgl();
}

export function applyPrefsEverywhere(prefs: TerminalPrefs): void {
  for (const p of live.values()) p.view.applyPrefs(prefs);
  // The renderer preference may have changed: hand WebGL out (or take it back) accordingly.
  setActiveView(activeId);
}

export function allLive(): LivePane[] {
  return [...live.values()];
}
