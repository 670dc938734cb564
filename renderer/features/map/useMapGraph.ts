/** The graph derived from the stored map and drift; rebuilt only when either changes. */
import { useMemo } from 'react';
import { useStore } from '../../app/store';
import { buildGraph } from './model/buildGraph';
import type { MapGraph } from './model/types';

export function useMapGraph(): MapGraph | null {
  const data = useStore((s) => s.mapData);
  const drift = useStore((s) => s.mapDrift);
  return useMemo(() => (data ? buildGraph(data, drift) : null), [data, drift]);
}
