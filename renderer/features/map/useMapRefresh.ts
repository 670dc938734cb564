/**
 * Loads the map when the screen opens and again whenever scans, hosts or groups change (a deep
 * check finished, a host was renamed or deleted, from this window or another).
 */
import { useEffect } from 'react';
import { useStore } from '../../app/store';
import { api } from '../../platform/api';

export function useMapRefresh(): void {
  const loadMap = useStore((s) => s.loadMap);
  useEffect(() => {
    void loadMap();
    return api.on('inventory.changed', ({ what }) => {
      if (what === 'scans' || what === 'hosts' || what === 'groups') void loadMap();
    });
  }, [loadMap]);
}
