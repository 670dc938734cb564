/**
 * What the painter draws: the graph, every node's rectangle in world coordinates (mutable: dragging
 * moves a group and its services), and the view state that changes how things look (filters hide,
 * a selection or a path dims everything else, drift colours).
 */
import { boundsOf } from '../layout/geometry';
import type { LayoutResult, Rect } from '../layout/types';
import type { MapGraph } from '../model/types';

export interface Emphasis {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export interface SceneStyle {
  /** Node ids the filters hide; edges touching them are hidden too. */
  hidden: ReadonlySet<string>;
  /** When set, everything outside it is drawn faded (neighbours of the selection, a path). */
  emphasis: Emphasis | null;
  /** Selected node or edge id. */
  selected: string | null;
  /** The other end of a path the user asked for. */
  pathTarget: string | null;
}

export const EMPTY_STYLE: SceneStyle = { hidden: new Set(), emphasis: null, selected: null, pathTarget: null };

export interface Scene {
  graph: MapGraph;
  rects: Map<string, Rect>;
}

export function createScene(graph: MapGraph, layout: LayoutResult): Scene {
  const rects = new Map<string, Rect>();
  for (const [id, r] of Object.entries(layout.groups)) rects.set(id, { ...r });
  for (const [id, r] of Object.entries(layout.services)) rects.set(id, { ...r });
  return { graph, rects };
}

/** The extent of the groups drawn (those not in `hidden`); all of them when none is drawn. */
export function sceneBounds(scene: Scene, hidden: ReadonlySet<string> = new Set()): Rect {
  const all: Rect[] = [];
  const shown: Rect[] = [];
  for (const g of [...scene.graph.hosts, ...scene.graph.externals]) {
    const r = scene.rects.get(g.id);
    if (!r) continue;
    all.push(r);
    if (!hidden.has(g.id)) shown.push(r);
  }
  return boundsOf(shown.length > 0 ? shown : all);
}

/** Moves a host group (with its services) or an external endpoint to (x, y). */
export function moveGroup(scene: Scene, groupId: string, x: number, y: number): void {
  const r = scene.rects.get(groupId);
  if (!r) return;
  const dx = x - r.x;
  const dy = y - r.y;
  r.x = x;
  r.y = y;
  const node = scene.graph.nodes.get(groupId);
  if (node?.kind !== 'host') return;
  for (const s of node.services) {
    const sr = scene.rects.get(s);
    if (sr) {
      sr.x += dx;
      sr.y += dy;
    }
  }
}

/** An edge is drawn when both ends exist in the scene and neither is hidden. */
export function edgeVisible(scene: Scene, style: SceneStyle, from: string, to: string): boolean {
  return scene.rects.has(from) && scene.rects.has(to) && !style.hidden.has(from) && !style.hidden.has(to);
}
