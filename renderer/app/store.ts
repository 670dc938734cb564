/**
 * The renderer's one zustand store, assembled from one slice per feature (zustand's slices
 * pattern). One store rather than several lets a lock wipe every slice in a single update and lets
 * a form read another feature's data (the host form's credential picker) without wiring.
 */
import { create } from 'zustand';
import { createChecksSlice, type ChecksSlice } from '../features/checks/checksSlice';
import { createCredentialsSlice, type CredentialsSlice } from '../features/credentials/credentialsSlice';
import { createFleetSlice, type FleetSlice } from '../features/fleet/fleetSlice';
import { createGroupsSlice, type GroupsSlice } from '../features/groups/groupsSlice';
import { createHostPageSlice, type HostPageSlice } from '../features/host/hostPageSlice';
import { createHostsSlice, type HostsSlice } from '../features/hosts/hostsSlice';
import { createMapSlice, type MapSlice } from '../features/map/mapSlice';
import { createInventorySlice, type InventorySlice } from './inventorySlice';
import { createNavSlice, type NavSlice } from './shell/navSlice';
import { createSettingsSlice, type SettingsSlice } from './settings/settingsSlice';
import { createVaultSlice, type VaultSlice } from './vault/vaultSlice';

export type AppState = VaultSlice &
  NavSlice &
  SettingsSlice &
  InventorySlice &
  HostsSlice &
  CredentialsSlice &
  GroupsSlice &
  FleetSlice &
  ChecksSlice &
  HostPageSlice &
  MapSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createVaultSlice(...a),
  ...createNavSlice(...a),
  ...createSettingsSlice(...a),
  ...createInventorySlice(...a),
  ...createHostsSlice(...a),
  ...createCredentialsSlice(...a),
  ...createGroupsSlice(...a),
  ...createFleetSlice(...a),
  ...createChecksSlice(...a),
  ...createHostPageSlice(...a),
  ...createMapSlice(...a),
}));
