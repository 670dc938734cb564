/**
 * Theme = the user's setting (system, light or dark) resolved to light or dark on <html data-theme>.
 * The choice is also remembered in localStorage because the lock screen shows before the vault (where
 * settings live) is open, and it should not flash the wrong colours at someone working in the dark.
 */
import { useEffect } from 'react';
import type { Settings } from '../../shared/model';
import { useStore } from './store';

export type ThemePreference = Settings['theme'];

const STORAGE_KEY = 'opsdeck.theme';
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function rememberedTheme(): ThemePreference {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

export function applyTheme(preference: ThemePreference): void {
  const resolved = preference === 'system' ? (darkQuery().matches ? 'dark' : 'light') : preference;
  document.documentElement.dataset['theme'] = resolved;
  localStorage.setItem(STORAGE_KEY, preference);
}

/** Keeps <html data-theme> in step with the setting and, for "system", with the OS. */
export function useThemeSync(): void {
  const preference = useStore((s) => s.settings?.theme) ?? rememberedTheme();
  useEffect(() => {
    applyTheme(preference);
    if (preference !== 'system') return;
    const query = darkQuery();
    const onChange = () => applyTheme('system');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [preference]);
}
