/** The host's newest scan, fetched for the panel's findings; refetched when the map shows a newer one. */
import { useEffect, useState } from 'react';
import type { HostScan } from '../../../../shared/model';
import { api } from '../../../platform/api';

export function useLatestScan(host: string | null, lastScan: string | null): HostScan | null {
  const [scan, setScan] = useState<{ host: string; scan: HostScan | null } | null>(null);
  useEffect(() => {
    if (!host || !lastScan) return;
    let current = true;
    api
      .call('scans.latest', { host })
      .then((s) => current && setScan({ host, scan: s }))
      .catch(() => current && setScan({ host, scan: null }));
    return () => {
      current = false;
    };
  }, [host, lastScan]);
  return scan?.host === host ? scan.scan : null;
}
