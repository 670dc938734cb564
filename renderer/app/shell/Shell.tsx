/** The unlocked app: rail, the current screen, status bar, and the shortcuts that work everywhere. */
import { useCallback } from 'react';
import { CheckScreen } from '../../features/checks/CheckScreen';
import { ChecksRuntime } from '../../features/checks/ChecksRuntime';
import { CredentialsScreen } from '../../features/credentials/CredentialsScreen';
import { FleetScreen } from '../../features/fleet/FleetScreen';
import { GroupsScreen } from '../../features/groups/GroupsScreen';
import { HostPage } from '../../features/host/HostPage';
import { HostsScreen } from '../../features/hosts/HostsScreen';
import { MapScreen } from '../../features/map/MapScreen';
import { TerminalsRuntime } from '../../features/terminals/TerminalsRuntime';
import { TerminalsScreen } from '../../features/terminals/TerminalsScreen';
import { useHotkeys } from '../../ui/useHotkeys';
import { TransferScreen } from '../../features/transfer/TransferScreen';
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
    case 'fleet':
      return <FleetScreen />;
    case 'check':
      return <CheckScreen />;
    case 'map':
      return <MapScreen />;
    case 'host':
      return <HostPage />;
    case 'transfer':
      return <TransferScreen />;
    case 'terminals':
      return <TerminalsScreen />;
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
      <ChecksRuntime />
      <TerminalsRuntime />
    </div>
  );
}
