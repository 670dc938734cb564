/**
 * The topology map: hosts as groups holding their services, service -> service edges labelled by
 * port, external endpoints, drift since the previous scans; search, filters, neighbours and paths,
 * a side panel with facts and actions, exports. The layout runs in a worker; positions persist.
 */
import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../app/store';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { useHotkeys } from '../../ui/useHotkeys';
import { ExportMenu } from './ExportMenu';
import { MapBanners } from './MapBanners';
import { MapCanvas, type MapCanvasHandle } from './MapCanvas';
import { MapFilterBar } from './MapFilterBar';
import { MapSearch } from './MapSearch';
import { facets as facetsOf, filtersActive } from './model/filters';
import { MapPanel } from './panel/MapPanel';
import { useFitOnFilter } from './useFitOnFilter';
import { useGroupDrop } from './useGroupDrop';
import { useMapExport } from './useMapExport';
import { useMapGraph } from './useMapGraph';
import { useMapLayout } from './useMapLayout';
import { useMapRefresh } from './useMapRefresh';
import { useSceneStyle } from './useSceneStyle';
import { ZoomButtons } from './ZoomButtons';
import './map.css';

export function MapScreen() {
  const s = useStore(
    useShallow((st) => ({
      loaded: st.mapLoaded,
      error: st.mapError,
      filters: st.mapFilters,
      epoch: st.mapLayoutEpoch,
      select: st.selectMapNode,
      rearrange: st.rearrangeMap,
      go: st.go,
    })),
  );
  useMapRefresh();
  const layout = useMapLayout(useMapGraph());
  // Everything below works on the graph the layout was made for, never a newer one without positions.
  const graph = layout.graph;
  const focus = useSceneStyle(graph);
  const canvas = useRef<MapCanvasHandle>(null);
  const search = useRef<HTMLInputElement>(null);
  const facets = graph ? facetsOf(graph) : { tags: [], groups: [], kinds: [] };
  const onExport = useMapExport(canvas, focus.style);
  const onGroupMoved = useGroupDrop(canvas);
  const pick = (id: string) => {
    s.select(id);
    canvas.current?.reveal(id);
  };

  useHotkeys({ '/': () => search.current?.focus(), f: () => canvas.current?.fit() });
  useFitOnFilter(canvas);

  const total = graph?.hosts.length ?? 0;
  const shown = graph ? graph.hosts.filter((h) => !focus.style.hidden.has(h.id)).length : 0;

  return (
    <section className="screen map-screen" data-testid="map-screen">
      <ScreenHeader
        title="Map"
        count={graph ? <span data-testid="map-count">{shown === total ? `${total} hosts` : `${shown} of ${total} hosts`}</span> : undefined}
      >
        <MapSearch graph={graph} onJump={pick} inputRef={search} />
        <button
          type="button"
          className="btn"
          onClick={() => canvas.current?.fit()}
          title="Fit the map to the screen (F)"
          data-testid="map-fit"
        >
          <Icon name="fleet" size={14} />
          Fit
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void s.rearrange()}
          title="Forget moved positions and lay the map out afresh"
          data-testid="map-rearrange"
        >
          <Icon name="refresh" size={14} />
          Re-arrange
        </button>
        <ExportMenu onExport={onExport} disabled={!graph} />
      </ScreenHeader>
      {graph && total > 0 && <MapFilterBar facets={facets} />}
      <MapBanners graph={graph} layoutError={layout.error} />
      {s.loaded && total === 0 && !s.error ? (
        <EmptyState
          icon="server"
          title="Nothing to map yet"
          testId="map-empty"
          actions={
            <button type="button" className="btn btn-primary" onClick={() => s.go('hosts')}>
              Add hosts
            </button>
          }
        >
          Add your hosts, run a deep check, and the map shows what runs where and what talks to what.
        </EmptyState>
      ) : (
        <div className="map-body">
          <div className="map-stage" data-state={graph && layout.layout ? 'ready' : 'loading'} data-testid="map-stage">
            {graph && layout.layout && (
              <MapCanvas
                ref={canvas}
                graph={graph}
                layout={layout.layout}
                style={focus.style}
                epoch={s.epoch}
                onSelect={s.select}
                onGroupMoved={onGroupMoved}
              />
            )}
            {(!graph || layout.running) && <div className="map-busy">{graph ? 'Laying out…' : 'Loading the map…'}</div>}
            <ZoomButtons onZoom={(f) => canvas.current?.zoom(f)} />
          </div>
          {graph && (
            <MapPanel
              graph={graph}
              hidden={focus.style.hidden}
              kinds={facets.kinds}
              filtered={filtersActive({ ...s.filters, hideSystem: false })}
              selected={focus.selected}
              pathTo={focus.pathTo}
              path={focus.path}
              onPick={pick}
              onClearPath={() => s.select(focus.selected)}
            />
          )}
        </div>
      )}
    </section>
  );
}
