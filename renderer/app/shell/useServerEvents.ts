/**
 * Pushes from the core: a lock (idle timeout or another client) returns to the lock screen at
 * once, and inventory changes made elsewhere (the CLI through the same host, another window) are
 * re-read so this window never shows stale data.
 */
import { useEffect } from 'react';
import { api } from '../../platform/api';
import { useStore } from '../store';

export function useServerEvents(): void {
  useEffect(() => {
    const offLocked = api.on('vault.locked', () => useStore.getState().vaultLocked());
    const offChanged = api.on('inventory.changed', ({ what }) => {
      const s = useStore.getState();
      if (s.vault?.state !== 'unlocked') return;
      // Scans are read by the screens that show them; the inventory slices reload here.
      const reload = {
        hosts: s.loadHosts,
        credentials: s.loadCredentials,
        groups: s.loadGroups,
        settings: s.loadSettings,
        scans: undefined,
      }[what];
      if (reload) void reload();
    });
    return () => {
      offLocked();
      offChanged();
    };
  }, []);
}
