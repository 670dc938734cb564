/**
 * The shell's navigation, as data. Later issues add Deep check, Map and Terminals by adding an
 * entry here and a component in Shell's switch: the rail, shortcuts and status bar need no change.
 */
import type { IconName } from '../../ui/Icon';

export type ScreenId = 'hosts' | 'credentials' | 'groups' | 'settings';

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
];

export const settingsScreen: ScreenEntry = { id: 'settings', label: 'Settings', icon: 'settings' };
