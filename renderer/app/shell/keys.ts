/** How to write the platform's command key in hints and tooltips (⌘ on macOS, Ctrl elsewhere). */
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export const modKey = isMac ? '⌘' : 'Ctrl';

export function shortcut(key: string): string {
  return isMac ? `${modKey}${key.toUpperCase()}` : `${modKey}+${key.toUpperCase()}`;
}
