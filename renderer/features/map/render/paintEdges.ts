/**
 * Edges, batched: one path per look (plain, faded, emphasised, new, gone, selected), so 4,000
 * curves cost six strokes rather than 4,000. Port labels are a separate pass drawn over the cards.
 */
import { edgeLabel } from '../model/labels';
import type { Rect } from '../layout/types';
import { isLocalLoop } from '../model/neighbours';
import type { GraphEdge } from '../model/types';
import { curveBounds, edgeCurve, pointAt, type Curve } from './edgeGeometry';
import { inView, screenSize, type PaintContext } from './paintContext';
import type { Palette } from './palette';
import { edgeVisible } from './scene';
import { font } from './text';
import { mix } from './color';

type Look = 'plain' | 'faded' | 'emphasis' | 'new' | 'gone' | 'selected';
const LOOKS: readonly Look[] = ['faded', 'plain', 'gone', 'new', 'emphasis', 'selected'];

function lookOf(pc: PaintContext, e: GraphEdge): Look {
  if (pc.style.selected === e.id) return 'selected';
  const emphasis = pc.style.emphasis;
  if (emphasis) return emphasis.edges.has(e.id) ? 'emphasis' : 'faded';
  return e.drift === 'new' ? 'new' : e.drift === 'gone' ? 'gone' : 'plain';
}

function stroke(p: Palette, look: Look): { color: string; width: number; alpha: number; dash: number[] } {
  switch (look) {
    case 'faded':
      return { color: p.edge, width: 1, alpha: 0.1, dash: [] };
    case 'plain':
      return { color: p.edge, width: 1, alpha: 0.75, dash: [] };
    case 'new':
      return { color: p.success, width: 2, alpha: 1, dash: [] };
    case 'gone':
      return { color: p.danger, width: 1.5, alpha: 0.9, dash: [6, 4] };
    case 'emphasis':
      return { color: p.accent, width: 2, alpha: 1, dash: [] };
    case 'selected':
      return { color: p.accent, width: 3, alpha: 1, dash: [] };
  }
}

/** Visible edges beyond which they are drawn straight. */
const STRAIGHT_ABOVE = 1500;

export interface VisibleEdge {
  edge: GraphEdge;
  curve: Curve;
  look: Look;
}

/** The edges on screen this frame, with their curves (reused by the label pass). */
export function visibleEdges(pc: PaintContext): VisibleEdge[] {
  const out: VisibleEdge[] = [];
  const { scene, style } = pc;
  for (const e of scene.graph.edges) {
    if (!edgeVisible(scene, style, e.from, e.to) || isLocalLoop(scene.graph, e)) continue;
    const curve = edgeCurve(scene.rects.get(e.from)!, scene.rects.get(e.to)!);
    if (!inView(pc, curveBounds(curve))) continue;
    out.push({ edge: e, curve, look: lookOf(pc, e) });
  }
  return out;
}

function arrow(path: Path2D, c: Curve, size: number): void {
  const angle = Math.atan2(c.y2 - c.c2y, c.x2 - c.c2x);
  path.moveTo(c.x2, c.y2);
  path.lineTo(c.x2 - size * Math.cos(angle - 0.45), c.y2 - size * Math.sin(angle - 0.45));
  path.lineTo(c.x2 - size * Math.cos(angle + 0.45), c.y2 - size * Math.sin(angle + 0.45));
  path.closePath();
}

export function paintEdges(pc: PaintContext, edges: readonly VisibleEdge[]): void {
  const { ctx, palette } = pc;
  const lines = new Map<Look, Path2D>();
  const heads = new Map<Look, Path2D>();
  const withHeads = screenSize(pc, 8) >= 3;
  // In a dense overview straight lines read the same as curves and rasterise about 3x faster.
  const straight = edges.length > STRAIGHT_ABOVE;
  for (const { curve: c, look } of edges) {
    let line = lines.get(look);
    if (!line) lines.set(look, (line = new Path2D()));
    line.moveTo(c.x1, c.y1);
    if (straight) line.lineTo(c.x2, c.y2);
    else line.bezierCurveTo(c.c1x, c.c1y, c.c2x, c.c2y, c.x2, c.y2);
    if (withHeads) {
      let head = heads.get(look);
      if (!head) heads.set(look, (head = new Path2D()));
      arrow(head, c, 8);
    }
  }
  for (const look of LOOKS) {
    const line = lines.get(look);
    if (!line) continue;
    const s = stroke(palette, look);
    const color = s.alpha < 1 ? mix(s.color, palette.bg, s.alpha) : s.color;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = s.width / pc.vp.scale;
    ctx.setLineDash(s.dash.map((d) => d / pc.vp.scale));
    ctx.stroke(line);
    ctx.setLineDash([]);
    const head = heads.get(look);
    if (head) ctx.fill(head);
  }
}

const MAX_LABELS = 400;

/**
 * Screen space taken this frame, in a coarse grid: a port label that would cover a service card or
 * another label is skipped, so a dense view shows fewer labels rather than a pile of them.
 */
class LabelSpace {
  private static readonly CELL = 64;
  private readonly cells = new Map<number, Array<{ x: number; y: number; w: number; h: number }>>();

  private keys(x: number, y: number, w: number, h: number): number[] {
    const c = LabelSpace.CELL;
    const out: number[] = [];
    for (let i = Math.floor(x / c); i <= Math.floor((x + w) / c); i++)
      for (let j = Math.floor(y / c); j <= Math.floor((y + h) / c); j++) out.push(i * 100_003 + j);
    return out;
  }

  take(x: number, y: number, w: number, h: number): void {
    for (const k of this.keys(x, y, w, h)) {
      const list = this.cells.get(k);
      if (list) list.push({ x, y, w, h });
      else this.cells.set(k, [{ x, y, w, h }]);
    }
  }

  /** Takes the rectangle if it is free; false when something is already there. */
  claim(x: number, y: number, w: number, h: number): boolean {
    for (const k of this.keys(x, y, w, h))
      for (const t of this.cells.get(k) ?? []) if (x < t.x + t.w && t.x < x + w && y < t.y + t.h && t.y < y + h) return false;
    this.take(x, y, w, h);
    return true;
  }
}

/** Port labels at the middle of their edges; `cards` (world rectangles) are never covered. */
export function paintEdgeLabels(pc: PaintContext, edges: readonly VisibleEdge[], cards: readonly Rect[]): void {
  if (pc.fast) return;
  const { ctx, palette: p, vp } = pc;
  const readable = screenSize(pc, 11) >= 8;
  const space = new LabelSpace();
  for (const c of cards) space.take(c.x * vp.scale, c.y * vp.scale, c.w * vp.scale, c.h * vp.scale);
  let drawn = 0;
  ctx.font = font(11, 600);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  // The edges the user is looking at first, so theirs win the space.
  const ordered = [...edges].sort(
    (a, b) => Number(b.look === 'emphasis' || b.look === 'selected') - Number(a.look === 'emphasis' || a.look === 'selected'),
  );
  for (const { edge, curve, look } of ordered) {
    if (drawn >= MAX_LABELS) break;
    // Zoomed out, only the edges the user is looking at keep their port.
    const wanted = look === 'emphasis' || look === 'selected' ? screenSize(pc, 11) >= 5 : readable && look !== 'faded';
    if (!wanted) continue;
    const text = edgeLabel(edge);
    const at = pointAt(curve, 0.5);
    const w = ctx.measureText(text).width + 8;
    if (!space.claim((at.x - w / 2) * vp.scale, (at.y - 8) * vp.scale, w * vp.scale, 16 * vp.scale)) continue;
    ctx.fillStyle = p.card;
    ctx.strokeStyle = look === 'plain' ? p.border : look === 'new' ? p.success : look === 'gone' ? p.danger : p.accent;
    ctx.lineWidth = 1 / vp.scale;
    ctx.beginPath();
    ctx.roundRect(at.x - w / 2, at.y - 8, w, 16, 8);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = look === 'plain' ? p.muted : ctx.strokeStyle;
    ctx.fillText(text, at.x, at.y + 0.5);
    drawn++;
  }
  ctx.textAlign = 'left';
}
