/** Pan and zoom as plain math: screen = world * scale + (tx, ty). */
import type { Rect } from '../layout/types';

export interface Viewport {
  scale: number;
  tx: number;
  ty: number;
}

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 4;

export function clampScale(s: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));
}

export function toWorld(v: Viewport, sx: number, sy: number): { x: number; y: number } {
  return { x: (sx - v.tx) / v.scale, y: (sy - v.ty) / v.scale };
}

export function toScreen(v: Viewport, r: Rect): Rect {
  return { x: r.x * v.scale + v.tx, y: r.y * v.scale + v.ty, w: r.w * v.scale, h: r.h * v.scale };
}

/** The part of the world the screen shows. */
export function visibleWorld(v: Viewport, width: number, height: number): Rect {
  const a = toWorld(v, 0, 0);
  return { x: a.x, y: a.y, w: width / v.scale, h: height / v.scale };
}

/** A small map is shown a little larger than 1:1 to be read easily, never blown up further. */
export const MAX_FIT_SCALE = 1.25;

/** The whole of `bounds` centred with a margin. */
export function fitViewport(bounds: Rect, width: number, height: number, margin = 32): Viewport {
  if (bounds.w <= 0 || bounds.h <= 0 || width <= 0 || height <= 0) return { scale: 1, tx: margin, ty: margin };
  const scale = clampScale(Math.min((width - margin * 2) / bounds.w, (height - margin * 2) / bounds.h, MAX_FIT_SCALE));
  return {
    scale,
    tx: (width - bounds.w * scale) / 2 - bounds.x * scale,
    ty: (height - bounds.h * scale) / 2 - bounds.y * scale,
  };
}

/** Zoom by `factor` keeping the world point under (sx, sy) where it is. */
export function zoomAt(v: Viewport, factor: number, sx: number, sy: number): Viewport {
  const scale = clampScale(v.scale * factor);
  const k = scale / v.scale;
  return { scale, tx: sx - (sx - v.tx) * k, ty: sy - (sy - v.ty) * k };
}

/** Centre the world point (x, y) on screen at `scale`. */
export function centerOn(x: number, y: number, scale: number, width: number, height: number): Viewport {
  const s = clampScale(scale);
  return { scale: s, tx: width / 2 - x * s, ty: height / 2 - y * s };
}
