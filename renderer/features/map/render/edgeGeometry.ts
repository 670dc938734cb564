/**
 * Where an edge runs: a cubic curve leaving the client's side that faces the server and entering the
 * server's facing side, with horizontal tangents so the map reads left to right. Shared by the
 * painter, hit testing and the SVG export so all three agree to the pixel.
 */
import type { Rect } from '../layout/types';

export interface Curve {
  x1: number;
  y1: number;
  c1x: number;
  c1y: number;
  c2x: number;
  c2y: number;
  x2: number;
  y2: number;
}

export function edgeCurve(a: Rect, b: Rect): Curve {
  const ay = a.y + a.h / 2;
  const by = b.y + b.h / 2;
  if (b.x >= a.x + a.w || b.x + b.w <= a.x) {
    const forward = b.x >= a.x + a.w;
    const x1 = forward ? a.x + a.w : a.x;
    const x2 = forward ? b.x : b.x + b.w;
    const bend = Math.max(30, Math.abs(x2 - x1) / 2) * (forward ? 1 : -1);
    return { x1, y1: ay, c1x: x1 + bend, c1y: ay, c2x: x2 - bend, c2y: by, x2, y2: by };
  }
  // Stacked in the same column (two services of one host, or hosts above each other): loop out to
  // the right and back in, so the edge never cuts through the cards between them.
  const x1 = a.x + a.w;
  const x2 = b.x + b.w;
  const bulge = 28 + Math.abs(by - ay) * 0.25;
  const out = Math.max(x1, x2) + bulge;
  return { x1, y1: ay, c1x: out, c1y: ay, c2x: out, c2y: by, x2, y2: by };
}

/** A point on the curve at t in [0, 1]. */
export function pointAt(c: Curve, t: number): { x: number; y: number } {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  return { x: a * c.x1 + b * c.c1x + d * c.c2x + e * c.x2, y: a * c.y1 + b * c.c1y + d * c.c2y + e * c.y2 };
}

/** Bounding box of the curve's control polygon: cheap, and always contains the curve. */
export function curveBounds(c: Curve): Rect {
  const x = Math.min(c.x1, c.c1x, c.c2x, c.x2);
  const y = Math.min(c.y1, c.c1y, c.c2y, c.y2);
  return { x, y, w: Math.max(c.x1, c.c1x, c.c2x, c.x2) - x, h: Math.max(c.y1, c.c1y, c.c2y, c.y2) - y };
}

/** Distance from (px, py) to the curve, sampled: precise enough to pick an edge with the mouse. */
export function distanceToCurve(c: Curve, px: number, py: number, samples = 16): number {
  let best = Infinity;
  let prev = pointAt(c, 0);
  for (let i = 1; i <= samples; i++) {
    const p = pointAt(c, i / samples);
    best = Math.min(best, distanceToSegment(px, py, prev.x, prev.y, p.x, p.y));
    prev = p;
  }
  return best;
}

function distanceToSegment(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}
