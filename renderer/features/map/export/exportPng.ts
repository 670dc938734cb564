/**
 * The whole map (what the filters leave visible) as a PNG, drawn by the same painter as the screen
 * at 1:1 (or smaller for a map too large for one canvas), with every label in full detail.
 */
import { paintFrame } from '../render/paint';
import type { Palette } from '../render/palette';
import { sceneBounds, type Scene, type SceneStyle } from '../render/scene';

const MARGIN = 40;
/** Browsers refuse canvases much above 16k px a side or ~268M px in all; stay well clear. */
const MAX_SIDE = 12_000;
const MAX_PIXELS = 100_000_000;

export function renderPng(scene: Scene, style: SceneStyle, palette: Palette, pixelRatio = 1): Promise<Blob> {
  const b = sceneBounds(scene);
  const w = b.w + MARGIN * 2;
  const h = b.h + MARGIN * 2;
  const scale = Math.min(pixelRatio, MAX_SIDE / w, MAX_SIDE / h, Math.sqrt(MAX_PIXELS / (w * h)));
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(w * scale);
  canvas.height = Math.ceil(h * scale);
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) return Promise.reject(new Error('This browser cannot draw the map into an image.'));
  paintFrame(ctx, {
    scene,
    style,
    palette,
    viewport: { scale, tx: (MARGIN - b.x) * scale, ty: (MARGIN - b.y) * scale },
    width: canvas.width,
    height: canvas.height,
    dpr: 1,
    fast: false,
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The map image could not be encoded.'))), 'image/png'),
  );
}
