/**
 * Loading and forgetting everything behind the vault at once: after an unlock every screen has its
 * data, and after a lock no host, credential or setting stays in renderer memory.
 */
import type { StateCreator } from 'zustand';
import { checksInitial } from '../features/checks/checksSlice';
import { credentialsInitial } from '../features/credentials/credentialsSlice';
import { fleetInitial } from '../features/fleet/fleetSlice';
import { groupsInitial } from '../features/groups/groupsSlice';
import { hostPageInitial } from '../features/host/hostPageSlice';
import { hostsInitial } from '../features/hosts/hostsSlice';
import { mapInitial } from '../features/map/mapSlice';
import { settingsInitial } from './settings/settingsSlice';
import type { AppState } from './store';

export interface InventorySlice {
  loadInventory: () => Promise<void>;
  clearInventory: () => void;
}

export const createInventorySlice: StateCreator<AppState, [], [], InventorySlice> = (set, get) => ({
  async loadInventory() {
    const s = get();
    await Promise.all([s.loadSettings(), s.loadHosts(), s.loadCredentials(), s.loadGroups()]);
  },
  clearInventory() {
    set({
      ...settingsInitial,
      ...hostsInitial,
      ...credentialsInitial,
      ...groupsInitial,
      ...fleetInitial,
      ...checksInitial,
      ...hostPageInitial,
      ...mapInitial,
    });
  },
});
