/** Filters, selection and path turned into what the painter needs: hidden ids and an emphasis. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../app/store';
import { hiddenNodes } from './model/filters';
import { neighbours, shortestPath, type Highlight } from './model/neighbours';
import type { MapGraph } from './model/types';
import type { SceneStyle } from './render/scene';

export interface MapFocus {
  style: SceneStyle;
  /** The selected id when it still exists on the map (a node or an edge). */
  selected: string | null;
  pathTo: string | null;
  /** Set when a path was asked for: null = the two are not connected. */
  path: Highlight | null | undefined;
}

export function useSceneStyle(graph: MapGraph | null): MapFocus {
  const { filters, selectedId, pathId } = useStore(
    useShallow((s) => ({ filters: s.mapFilters, selectedId: s.mapSelected, pathId: s.mapPathTo })),
  );
  const hidden = useMemo(() => (graph ? hiddenNodes(graph, filters) : new Set<string>()), [graph, filters]);

  return useMemo(() => {
    // A selection the filters hide is dropped: the panel must not describe what the map does not show.
    const exists = (id: string | null) =>
      id !== null &&
      graph !== null &&
      !hidden.has(id) &&
      (graph.nodes.has(id) || graph.edges.some((e) => e.id === id && !hidden.has(e.from) && !hidden.has(e.to)));
    const selected = exists(selectedId) ? selectedId : null;
    const pathTo = selected && exists(pathId) && graph?.nodes.has(selected) ? pathId : null;
    let emphasis: Highlight | null = null;
    let path: Highlight | null | undefined;
    if (graph && selected && pathTo) {
      path = shortestPath(graph, selected, pathTo, hidden);
      emphasis = path ?? { nodes: new Set([selected, pathTo]), edges: new Set() };
    } else if (graph && selected) {
      emphasis = neighbours(graph, selected);
    }
    return { style: { hidden, emphasis, selected, pathTarget: pathTo }, selected, pathTo, path };
  }, [graph, hidden, selectedId, pathId]);
}
