/**
 * The React face of MapView: owns the canvas, hands it the scene, style and theme, and reports
 * clicks and drops. A new layout for the same fleet keeps the user's zoom; the first one (and a
 * re-arrange) fits the map to the screen.
 */
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { Rect, LayoutResult } from './layout/types';
import type { MapGraph } from './model/types';
import { MapView } from './render/MapView';
import { readPalette } from './render/palette';
import { createScene, type Scene, type SceneStyle } from './render/scene';
import { installInspector } from './inspector';

export interface MapCanvasHandle {
  fit(): void;
  zoom(factor: number): void;
  reveal(id: string): void;
  scene(): Scene | null;
  /** Moves a group in the scene (after the drop was nudged clear of others). */
  place(groupId: string, x: number, y: number): void;
}

interface MapCanvasProps {
  graph: MapGraph;
  layout: LayoutResult;
  style: SceneStyle;
  /** Changes when the layout was reset: fit again then. */
  epoch: number;
  onSelect: (id: string | null, extend: boolean) => void;
  onGroupMoved: (groupId: string, rect: Rect) => void;
}

export const MapCanvas = forwardRef<MapCanvasHandle, MapCanvasProps>(function MapCanvas(
  { graph, layout, style, epoch, onSelect, onGroupMoved },
  ref,
) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = useRef<MapView | null>(null);
  const scene = useRef<Scene | null>(null);
  const fitted = useRef<{ graph: MapGraph | null; epoch: number }>({ graph: null, epoch: -1 });
  const handlers = useRef({ onSelect, onGroupMoved });
  handlers.current = { onSelect, onGroupMoved };

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const v = new MapView(el, {
      onSelect: (id, extend) => handlers.current.onSelect(id, extend),
      onGroupMoved: (id, rect) => handlers.current.onGroupMoved(id, rect),
    });
    view.current = v;
    v.setPalette(readPalette(el));
    // The theme lives on <html data-theme>; repaint in the new colours when it flips.
    const themeWatch = new MutationObserver(() => v.setPalette(readPalette(el)));
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const uninstall = installInspector(el, () => ({ view: v, scene: scene.current }));
    return () => {
      uninstall();
      themeWatch.disconnect();
      v.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const s = createScene(graph, layout);
    scene.current = s;
    // Fit the first time this screen shows a map and after a re-arrange, never on a mere refresh.
    const fit = fitted.current.graph === null || fitted.current.epoch !== epoch;
    fitted.current = { graph, epoch };
    view.current?.setScene(s, fit);
  }, [graph, layout, epoch]);

  useEffect(() => view.current?.setStyle(style), [style]);

  useImperativeHandle(
    ref,
    () => ({
      fit: () => view.current?.fit(),
      zoom: (f) => view.current?.zoom(f),
      reveal: (id) => view.current?.reveal(id),
      scene: () => scene.current,
      place: (groupId, x, y) => view.current?.placeGroup(groupId, x, y),
    }),
    [],
  );

  return (
    <canvas
      ref={canvas}
      className="map-canvas"
      tabIndex={0}
      aria-label="Topology map. Arrow keys pan, plus and minus zoom, 0 fits the map; use search to jump to a host or service."
      data-testid="map-canvas"
    />
  );
});
