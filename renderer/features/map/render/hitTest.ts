/** What is under the pointer: a service card first (it sits on top), then a group, then an edge. */
import { isLocalLoop } from '../model/neighbours';
import { curveBounds, distanceToCurve, edgeCurve } from './edgeGeometry';
import { edgeVisible, type Scene, type SceneStyle } from './scene';

const inside = (r: { x: number; y: number; w: number; h: number }, x: number, y: number) =>
  x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;

export function nodeAt(scene: Scene, style: SceneStyle, x: number, y: number): string | null {
  for (const s of scene.graph.services) {
    if (style.hidden.has(s.id) || style.hidden.has(s.hostId)) continue;
    const r = scene.rects.get(s.id);
    if (r && inside(r, x, y)) return s.id;
  }
  for (const g of [...scene.graph.externals, ...scene.graph.hosts]) {
    if (style.hidden.has(g.id)) continue;
    const r = scene.rects.get(g.id);
    if (r && inside(r, x, y)) return g.id;
  }
  return null;
}

/** The edge nearest to (x, y) within `tolerance` world units. */
export function edgeAt(scene: Scene, style: SceneStyle, x: number, y: number, tolerance: number): string | null {
  let best: { id: string; d: number } | null = null;
  for (const e of scene.graph.edges) {
    if (!edgeVisible(scene, style, e.from, e.to) || isLocalLoop(scene.graph, e)) continue;
    const c = edgeCurve(scene.rects.get(e.from)!, scene.rects.get(e.to)!);
    const b = curveBounds(c);
    if (x < b.x - tolerance || x > b.x + b.w + tolerance || y < b.y - tolerance || y > b.y + b.h + tolerance) continue;
    const d = distanceToCurve(c, x, y);
    if (d <= tolerance && (!best || d < best.d)) best = { id: e.id, d };
  }
  return best?.id ?? null;
}
