/**
 * Runs the layout in the worker whenever the graph changes (or the user asks to re-arrange), with
 * the saved positions of that moment, and saves where new groups landed so they stay there. Saved
 * positions are read when a layout starts rather than watched: saving them must not lay out again.
 */
import { useEffect, useRef, useState } from 'react';
import type { MapPosition } from '../../../shared/contract/map';
import { useStore } from '../../app/store';
import { messageOf } from '../../ui/formErrors';
import { LayoutClient } from './layout/layoutClient';
import { layoutInputOf } from './layout/layoutInput';
import type { LayoutResult } from './layout/types';
import type { MapGraph } from './model/types';

export interface MapLayoutState {
  layout: LayoutResult | null;
  /** The graph the layout belongs to: the scene must never pair a layout with another graph. */
  graph: MapGraph | null;
  running: boolean;
  error: string | null;
}

export function useMapLayout(graph: MapGraph | null): MapLayoutState {
  const epoch = useStore((s) => s.mapLayoutEpoch);
  const client = useRef<LayoutClient | null>(null);
  const [state, setState] = useState<MapLayoutState>({ layout: null, graph: null, running: false, error: null });

  useEffect(() => {
    const c = new LayoutClient();
    client.current = c;
    return () => {
      c.dispose();
      client.current = null;
    };
  }, []);

  useEffect(() => {
    if (!graph || !client.current) return;
    let current = true;
    const { mapPositions, saveMapPositions } = useStore.getState();
    setState((s) => ({ ...s, running: true }));
    client.current
      .layout(layoutInputOf(graph, mapPositions))
      .then((layout) => {
        if (!current) return;
        setState({ layout, graph, running: false, error: null });
        const pinned = new Set(mapPositions.filter((p) => p.pinned).map((p) => p.node));
        const fresh: MapPosition[] = layout.fresh.flatMap((id) => {
          const r = layout.groups[id];
          return r ? [{ node: id, x: r.x, y: r.y, pinned: pinned.has(id) }] : [];
        });
        void saveMapPositions(fresh);
      })
      .catch((e: unknown) => {
        if (current) setState((s) => ({ ...s, running: false, error: messageOf(e) }));
      });
    return () => {
      current = false;
    };
  }, [graph, epoch]);

  return state;
}
