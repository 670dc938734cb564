/**
 * App shortcuts that must not reach the shell. Inside a terminal, Ctrl+letter belongs to the
 * remote program (Ctrl+C interrupts, Ctrl+K kills a line, Ctrl+F moves forward), so on Linux and
 * Windows the app's shortcuts add Shift there, as other terminals do; on macOS Cmd is free.
 */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export type TerminalShortcut = 'switcher' | 'find' | 'copy' | 'paste';

interface Keyish {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** What a key press inside a terminal means to the app (null: it belongs to the shell). */
export function terminalShortcut(e: Keyish, mac = isMac): TerminalShortcut | null {
  if (e.altKey) return null;
  const key = e.key.toLowerCase();
  const appMod = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && e.shiftKey && !e.metaKey;
  if (!appMod) return null;
  if (key === 'k') return 'switcher';
  if (key === 'f') return 'find';
  // On macOS Cmd+C / Cmd+V are the browser's own copy and paste events, which we already handle.
  if (!mac && key === 'c') return 'copy';
  if (!mac && key === 'v') return 'paste';
  return null;
}

/** The quick switcher outside a terminal: Cmd+K, or Ctrl+K (with or without Shift) elsewhere. */
export function isSwitcherKey(e: Keyish, mac = isMac): boolean {
  if (e.altKey || e.key.toLowerCase() !== 'k') return false;
  return mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
}

export const switcherHint = isMac ? '⌘K' : 'Ctrl+K';
export const findHint = isMac ? '⌘F' : 'Ctrl+Shift+F';
