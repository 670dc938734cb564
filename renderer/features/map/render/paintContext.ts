/** What every paint step needs, computed once per frame. */
import type { Rect } from '../layout/types';
import type { Palette } from './palette';
import type { Scene, SceneStyle } from './scene';
import type { Viewport } from './viewport';

export interface PaintContext {
  ctx: CanvasRenderingContext2D;
  scene: Scene;
  style: SceneStyle;
  palette: Palette;
  vp: Viewport;
  /** The world rectangle on screen, with a margin: anything outside is skipped. */
  view: Rect;
  /** While the user pans or zooms: skip the costly details, the full picture follows when they stop. */
  fast: boolean;
}

export function inView(pc: PaintContext, r: Rect): boolean {
  const v = pc.view;
  return r.x < v.x + v.w && r.x + r.w > v.x && r.y < v.y + v.h && r.y + r.h > v.y;
}

/** Faded = outside the emphasis (neighbours or a path) when there is one. */
export function faded(pc: PaintContext, id: string): boolean {
  return pc.style.emphasis !== null && !pc.style.emphasis.nodes.has(id);
}

/** Font size in screen pixels for a world font size: text below ~5 px is noise, so it is skipped. */
export function screenSize(pc: PaintContext, worldSize: number): number {
  return worldSize * pc.vp.scale;
}
