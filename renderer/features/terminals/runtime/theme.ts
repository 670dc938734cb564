/**
 * Terminal colours that match the app's light and dark themes (renderer/styles/tokens.css): the
 * same background, text and accent, and ANSI palettes chosen for contrast on that background
 * (a light terminal cannot use the usual near-white "white"). xterm.js's minimumContrastRatio
 * would also fix programs' own 256-colour picks, but it cost ~20% of drawing throughput here,
 * so the 16-colour palette carries the contrast instead.
 */
import type { ITheme } from '@xterm/xterm';

export type ThemeMode = 'light' | 'dark';

const light: ITheme = {
  background: '#ffffff',
  foreground: '#18181b',
  cursor: '#2257d6',
  cursorAccent: '#ffffff',
  selectionBackground: 'rgba(34, 87, 214, 0.22)',
  selectionInactiveBackground: 'rgba(86, 86, 95, 0.16)',
  black: '#1f2328',
  red: '#c4281c',
  green: '#1d7a3a',
  yellow: '#8a5a00',
  blue: '#2257d6',
  magenta: '#8a3ab9',
  cyan: '#0f7585',
  white: '#6e7781',
  brightBlack: '#57606a',
  brightRed: '#d1453b',
  brightGreen: '#2a8f4a',
  brightYellow: '#a36b00',
  brightBlue: '#3d6fe0',
  brightMagenta: '#a04fc9',
  brightCyan: '#1a8597',
  brightWhite: '#8c959f',
};

const dark: ITheme = {
  background: '#16171a',
  foreground: '#e8e8eb',
  cursor: '#6d9bff',
  cursorAccent: '#16171a',
  selectionBackground: 'rgba(79, 134, 247, 0.35)',
  selectionInactiveBackground: 'rgba(163, 163, 173, 0.2)',
  black: '#3c3d45',
  red: '#f0675c',
  green: '#5cc27e',
  yellow: '#e0a645',
  blue: '#6d9bff',
  magenta: '#c58af9',
  cyan: '#4fc1d0',
  white: '#d0d0d6',
  brightBlack: '#7c7c87',
  brightRed: '#f4847b',
  brightGreen: '#7dd69a',
  brightYellow: '#f0c060',
  brightBlue: '#8fb3ff',
  brightMagenta: '#d7a8ff',
  brightCyan: '#76d6e2',
  brightWhite: '#ffffff',
};

export function terminalTheme(mode: ThemeMode): { theme: ITheme; minimumContrastRatio: number } {
  return { theme: mode === 'dark' ? dark : light, minimumContrastRatio: 1 };
}

export function currentMode(): ThemeMode {
  return document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light';
}

/** Calls back whenever the app switches between light and dark (the <html data-theme> attribute). */
export function onThemeChange(listener: (mode: ThemeMode) => void): () => void {
  const observer = new MutationObserver(() => listener(currentMode()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/** Canvas-friendly monospace stack (generic ui-monospace does not resolve in canvas text). */
export const DEFAULT_FONT = "'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', 'Noto Sans Mono', monospace";
