/**
 * A read-only window onto the drawn map (`window.__opsdeckMap`) for end-to-end tests and debugging:
 * a canvas has no DOM to query, so this says which nodes and edges are visible and where a node is
 * on the page. It changes nothing and exposes nothing the screen does not already show.
 */
import type { MapView } from './render/MapView';
import { edgeVisible, type Scene } from './render/scene';
import { isLocalLoop } from './model/neighbours';

export interface MapInspector {
  /** Visible node ids (hosts, services, externals). */
  nodes(): string[];
  /** Visible edges with their ends and port. */
  edges(): Array<{ id: string; from: string; to: string; port: number; drift: string | null }>;
  /** A node's box in page (CSS) pixels; null when it is not on the map. */
  rect(id: string): { x: number; y: number; w: number; h: number } | null;
  /** World position of a group (host or external). */
  position(id: string): { x: number; y: number } | null;
  selected(): string | null;
  paints(): number;
}

declare global {
  interface Window {
    __opsdeckMap?: MapInspector;
  }
}

export function installInspector(canvas: HTMLCanvasElement, current: () => { view: MapView; scene: Scene | null }): () => void {
  const inspector: MapInspector = {
    nodes() {
      const { view, scene } = current();
      if (!scene) return [];
      const hidden = view.currentStyle.hidden;
      return [...scene.graph.nodes.keys()].filter((id) => !hidden.has(id) && scene.rects.has(id));
    },
    edges() {
      const { view, scene } = current();
      if (!scene) return [];
      return scene.graph.edges
        .filter((e) => edgeVisible(scene, view.currentStyle, e.from, e.to) && !isLocalLoop(scene.graph, e))
        .map((e) => ({ id: e.id, from: e.from, to: e.to, port: e.port, drift: e.drift }));
    },
    rect(id) {
      const r = current().view.screenRectOf(id);
      if (!r) return null;
      const box = canvas.getBoundingClientRect();
      return { x: box.left + r.x, y: box.top + r.y, w: r.w, h: r.h };
    },
    position(id) {
      const r = current().scene?.rects.get(id);
      return r ? { x: r.x, y: r.y } : null;
    },
    selected: () => current().view.currentStyle.selected,
    paints: () => current().view.stats.frames,
  };
  window.__opsdeckMap = inspector;
  return () => {
    if (window.__opsdeckMap === inspector) delete window.__opsdeckMap;
  };
}
