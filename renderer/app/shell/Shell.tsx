/** The unlocked app: rail, the current screen, status bar, and the shortcuts that work everywhere. */
import { useCallback } from 'react';
import { CredentialsScreen } from '../../features/credentials/CredentialsScreen';
import { GroupsScreen } from '../../features/groups/GroupsScreen';
import { HostsScreen } from '../../features/hosts/HostsScreen';
import { useHotkeys } from '../../ui/useHotkeys';
import { SettingsScreen } from '../settings/SettingsScreen';
import { useStore } from '../store';
import { NavRail } from './NavRail';
import { StatusBar } from './StatusBar';
import { useActivityPing } from './useActivityPing';
import './shell.css';

function CurrentScreen() {
  const screen = useStore((s) => s.screen);
  switch (screen) {
    case 'hosts':
      return <HostsScreen />;
    case 'credentials':
      return <CredentialsScreen />;
    case 'groups':
      return <GroupsScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

export function Shell() {
  const lockVault = useStore((s) => s.lockVault);
  const go = useStore((s) => s.go);
  const lock = useCallback(() => void lockVault().catch(() => useStore.getState().vaultLocked()), [lockVault]);

  useHotkeys({ 'mod+l': lock, 'mod+,': () => go('settings') });
  useActivityPing();

  return (
    <div className="shell" data-testid="shell">
      <NavRail onLock={lock} />
      <main className="shell-main">
        <CurrentScreen />
      </main>
      <StatusBar />
    </div>
  );
}
