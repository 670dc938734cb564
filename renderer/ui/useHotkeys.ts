/**
 * Window-level single-key shortcuts (N, /, Delete, ...) and mod-combos (mod+l = Ctrl or Cmd + L).
 * Plain keys never fire while the user types in a field or while a modal dialog is open, so
 * shortcuts cannot eat text or act behind a dialog; mod-combos fire everywhere.
 */
import { useEffect, useRef } from 'react';

export type HotkeyMap = Partial<Record<string, (e: KeyboardEvent) => void>>;

export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}

function modalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

function keyOf(e: KeyboardEvent): string {
  const mod = e.ctrlKey || e.metaKey;
  return `${mod ? 'mod+' : ''}${e.altKey ? 'alt+' : ''}${e.key.length === 1 ? e.key.toLowerCase() : e.key}`;
}

export function useHotkeys(map: HotkeyMap, enabled = true): void {
  const latest = useRef(map);
  useEffect(() => {
    latest.current = map;
  });

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const key = keyOf(e);
      const handler = latest.current[key];
      if (!handler) return;
      const plain = !key.startsWith('mod+') && !key.startsWith('alt+');
      if (plain && (isEditable(e.target) || modalOpen())) return;
      e.preventDefault();
      handler(e);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
