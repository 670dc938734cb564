/** Settings live in the vault, so they load after unlock and are forgotten on lock. */
import type { StateCreator } from 'zustand';
import type { Settings } from '../../../shared/model';
import { api } from '../../platform/api';
import type { AppState } from '../store';

export interface SettingsSlice {
  settings: Settings | null;
  loadSettings: () => Promise<void>;
  updateSettings: (patch: Partial<Settings>) => Promise<void>;
}

export const settingsInitial = { settings: null } satisfies Partial<SettingsSlice>;

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get) => ({
  ...settingsInitial,
  async loadSettings() {
    try {
      set({ settings: await api.call('settings.get', {}) });
    } catch {
      // The settings screen shows defaults it cannot save; the next event or unlock retries.
      set({ settings: null });
    }
  },
  async updateSettings(patch) {
    const previous = get().settings;
    // Optimistic, so the theme switches under the pointer; rolled back if the core refuses.
    if (previous) set({ settings: { ...previous, ...patch } });
    try {
      const settings = await api.call('settings.update', patch);
      const vault = get().vault;
      set({ settings, vault: vault ? { ...vault, idleLockMinutes: settings.idleLockMinutes } : vault });
    } catch (e) {
      set({ settings: previous });
      throw e;
    }
  },
});
