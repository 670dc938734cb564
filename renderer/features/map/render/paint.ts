/**
 * One frame: background, host groups, edges, service cards, port labels, drift and selection
 * outlines, then host names in screen space when the map is too far out for them to be read in
 * place. Everything off screen is skipped; while the user pans or zooms, text waits (`fast`).
 */
import type { Rect } from '../layout/types';
import type { PaintContext } from './paintContext';
import { paintEdgeLabels, paintEdges, visibleEdges } from './paintEdges';
import { paintExternals, paintHostHeaders, paintHosts } from './paintGroups';
import { paintServices } from './paintServices';
import type { Palette } from './palette';
import type { Scene, SceneStyle } from './scene';
import { font, fitText } from './text';
import { visibleWorld, type Viewport } from './viewport';

export interface Frame {
  scene: Scene;
  style: SceneStyle;
  palette: Palette;
  viewport: Viewport;
  /** CSS pixels of the drawing surface. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel of the canvas backing store. */
  dpr: number;
  fast: boolean;
}

function paintGroupSelection(pc: PaintContext): void {
  const { ctx, style, scene, palette } = pc;
  for (const id of [style.selected, style.pathTarget]) {
    const node = id ? scene.graph.nodes.get(id) : undefined;
    if (!node || node.kind === 'service') continue;
    const r = scene.rects.get(node.id);
    if (!r) continue;
    ctx.beginPath();
    ctx.roundRect(r.x - 3, r.y - 3, r.w + 6, r.h + 6, 10);
    ctx.lineWidth = 2.5 / pc.vp.scale;
    ctx.strokeStyle = palette.accent;
    ctx.stroke();
  }
}

/** Far out, host names are drawn at a fixed 11 px over their box, where the box is wide enough. */
function paintOverviewLabels(pc: PaintContext, frame: Frame): void {
  const { ctx, scene, style, vp, palette } = pc;
  if (pc.fast || 13 * vp.scale >= 6) return;
  ctx.setTransform(frame.dpr, 0, 0, frame.dpr, 0, 0);
  ctx.font = font(11, 600);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const h of scene.graph.hosts) {
    const r = scene.rects.get(h.id);
    if (!r || style.hidden.has(h.id)) continue;
    const w = r.w * vp.scale;
    if (w < 36) continue;
    const x = r.x * vp.scale + vp.tx;
    const y = r.y * vp.scale + vp.ty;
    if (x > frame.width || y > frame.height || x + w < 0 || y + 14 < 0) continue;
    ctx.globalAlpha = style.emphasis && !style.emphasis.nodes.has(h.id) ? 0.3 : 1;
    const text = fitText(ctx, h.name, w - 6);
    const tw = ctx.measureText(text).width;
    ctx.fillStyle = palette.bg;
    ctx.globalAlpha *= 0.85;
    ctx.fillRect(x + 1, y - 13, tw + 6, 13);
    ctx.globalAlpha = style.emphasis && !style.emphasis.nodes.has(h.id) ? 0.3 : 1;
    ctx.fillStyle = palette.text;
    ctx.fillText(text, x + 4, y - 6);
  }
  ctx.globalAlpha = 1;
}

export function paintFrame(ctx: CanvasRenderingContext2D, frame: Frame): void {
  const { viewport: vp, dpr } = frame;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = frame.palette.bg;
  ctx.fillRect(0, 0, frame.width, frame.height);
  ctx.setTransform(dpr * vp.scale, 0, 0, dpr * vp.scale, dpr * vp.tx, dpr * vp.ty);

  const world = visibleWorld(vp, frame.width, frame.height);
  const margin = 40 / vp.scale;
  const view: Rect = { x: world.x - margin, y: world.y - margin, w: world.w + margin * 2, h: world.h + margin * 2 };
  const pc: PaintContext = { ctx, scene: frame.scene, style: frame.style, palette: frame.palette, vp, view, fast: frame.fast };

  paintHosts(pc);
  const edges = visibleEdges(pc);
  paintEdges(pc, edges);
  paintHostHeaders(pc);
  paintExternals(pc);
  const cards = paintServices(pc);
  paintEdgeLabels(pc, edges, cards);
  paintGroupSelection(pc);
  paintOverviewLabels(pc, frame);
}
