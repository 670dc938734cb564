/**
 * A picture of the whole map, painted once while the view is idle and stretched while the user
 * pans or zooms: each moving frame is then one image copy, whatever the fleet's size (the same trick
 * as Cytoscape's textureOnViewport, which held 60 fps in the library measurements). Zoomed in well
 * past the picture's resolution, the view paints live instead; that is cheap there, since little
 * of the map is on screen.
 */
import { paintFrame } from './paint';
import type { Palette } from './palette';
import { sceneBounds, type Scene, type SceneStyle } from './scene';
import type { Viewport } from './viewport';

export interface Snapshot {
  canvas: HTMLCanvasElement;
  /** World units -> snapshot pixels. */
  scale: number;
  /** World position of the snapshot's top-left pixel. */
  x: number;
  y: number;
}

const MAX_SIDE = 4096;
const MAX_PIXELS = 8_000_000;
const MARGIN = 60;
/** How far the picture may be stretched before it looks too soft to stand in for the map. */
export const MAX_STRETCH = 2.5;

/** Paints the whole scene at about `wanted` scale (less when the map is huge). */
export function makeSnapshot(scene: Scene, style: SceneStyle, palette: Palette, wanted: number): Snapshot | null {
  const b = sceneBounds(scene);
  if (b.w <= 0 || b.h <= 0) return null;
  const w = b.w + MARGIN * 2;
  const h = b.h + MARGIN * 2;
  const scale = Math.min(wanted, MAX_SIDE / w, MAX_SIDE / h, Math.sqrt(MAX_PIXELS / (w * h)));
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(w * scale);
  canvas.height = Math.ceil(h * scale);
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) return null;
  const x = b.x - MARGIN;
  const y = b.y - MARGIN;
  paintFrame(ctx, {
    scene,
    style,
    palette,
    viewport: { scale, tx: -x * scale, ty: -y * scale },
    width: canvas.width,
    height: canvas.height,
    dpr: 1,
    // It stands in for frames while the view moves, which leave text out anyway; text is also
    // most of what a full paint costs, and this one runs on the main thread.
    fast: true,
  });
  return { canvas, scale, x, y };
}

/** Draws the snapshot as the viewport sees it; false when it would be too blurry to use. */
export function drawSnapshot(
  ctx: CanvasRenderingContext2D,
  snap: Snapshot,
  vp: Viewport,
  width: number,
  height: number,
  dpr: number,
  bg: string,
): boolean {
  if (vp.scale > snap.scale * MAX_STRETCH) return false;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, width, height);
  const k = vp.scale / snap.scale;
  // Copy only the part of the picture that lands on screen.
  const sx = Math.max(0, (-vp.tx / vp.scale - snap.x) * snap.scale);
  const sy = Math.max(0, (-vp.ty / vp.scale - snap.y) * snap.scale);
  const sw = Math.min(snap.canvas.width - sx, width / k);
  const sh = Math.min(snap.canvas.height - sy, height / k);
  if (sw <= 0 || sh <= 0) return true;
  const dx = (snap.x + sx / snap.scale) * vp.scale + vp.tx;
  const dy = (snap.y + sy / snap.scale) * vp.scale + vp.ty;
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'low';
  ctx.drawImage(snap.canvas, sx, sy, sw, sh, dx, dy, sw * k, sh * k);
  return true;
}
