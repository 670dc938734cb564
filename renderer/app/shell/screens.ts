/**
 * The shell's navigation, as data. Later issues add Deep check, Map and Terminals by adding an
 * entry here and a component in Shell's switch: the rail, shortcuts and status bar need no change.
 */
import type { IconName } from '../../ui/Icon';

export type ScreenId = 'hosts' | 'credentials' | 'groups' | 'fleet' | 'check' | 'map' | 'host' | 'terminals' | 'transfer' | 'settings';

export interface ScreenEntry {
  id: ScreenId;
  label: string;
  icon: IconName;
}

/** Top of the rail: the inventory today; fleet tools (check, map, terminals) will follow below it. */
export const mainScreens: readonly ScreenEntry[] = [
  { id: 'hosts', label: 'Hosts', icon: 'server' },
  { id: 'credentials', label: 'Keys', icon: 'key' },
  { id: 'groups', label: 'Groups', icon: 'group' },
  { id: 'fleet', label: 'Fleet', icon: 'fleet' },
  { id: 'check', label: 'Check', icon: 'pulse' },
  { id: 'map', label: 'Map', icon: 'topology' },
  { id: 'terminals', label: 'Terminals', icon: 'terminal' },
  { id: 'transfer', label: 'Import', icon: 'transfer' },
];

/** Screens without a rail entry of their own, and the entry that stays lit while they show. */
export const parentScreen: Partial<Record<ScreenId, ScreenId>> = { host: 'fleet' };

export const settingsScreen: ScreenEntry = { id: 'settings', label: 'Settings', icon: 'settings' };
