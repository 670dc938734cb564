/**
 * Service cards. Far out they are coloured tiles by kind, batched into one fill per colour; close
 * enough to read, they become cards with a kind strip, the kind's glyph, the name and the product.
 */
import type { ServiceKind } from '../../../../shared/model';
import { serviceDetail } from '../model/labels';
import type { ServiceNode } from '../model/types';
import { glyph } from './glyphs';
import { FADED_ALPHA } from './paintGroups';
import { faded, inView, screenSize, type PaintContext } from './paintContext';
import { mix } from './color';
import { fitText, font } from './text';

interface Card {
  node: ServiceNode;
  x: number;
  y: number;
  w: number;
  h: number;
  dim: boolean;
}

function visibleCards(pc: PaintContext): Card[] {
  const { scene, style } = pc;
  const out: Card[] = [];
  for (const s of scene.graph.services) {
    if (style.hidden.has(s.id) || style.hidden.has(s.hostId)) continue;
    const r = scene.rects.get(s.id);
    if (!r || !inView(pc, r)) continue;
    out.push({ node: s, ...r, dim: faded(pc, s.id) || s.drift === 'gone' });
  }
  return out;
}

function paintTiles(pc: PaintContext, cards: readonly Card[]): void {
  const { ctx, palette } = pc;
  const batches = new Map<string, Path2D>();
  for (const c of cards) {
    const key = `${c.node.service.kind}|${c.dim ? 1 : 0}`;
    let path = batches.get(key);
    if (!path) batches.set(key, (path = new Path2D()));
    path.rect(c.x, c.y, c.w, c.h);
  }
  for (const [key, path] of batches) {
    const [kind, dim] = key.split('|') as [ServiceKind, string];
    ctx.fillStyle = mix(palette.kinds[kind], palette.hostFill, dim === '1' ? FADED_ALPHA : 0.85);
    ctx.fill(path);
  }
}

function paintCards(pc: PaintContext, cards: readonly Card[]): void {
  const { ctx, palette: p } = pc;
  for (const dim of [true, false]) {
    const body = new Path2D();
    const strips = new Map<ServiceKind, Path2D>();
    for (const c of cards) {
      if (c.dim !== dim) continue;
      body.roundRect(c.x, c.y, c.w, c.h, 5);
      let strip = strips.get(c.node.service.kind);
      if (!strip) strips.set(c.node.service.kind, (strip = new Path2D()));
      strip.rect(c.x, c.y + 3, 3, c.h - 6);
    }
    ctx.globalAlpha = dim ? FADED_ALPHA * 2 : 1;
    ctx.fillStyle = p.card;
    ctx.fill(body);
    ctx.strokeStyle = p.border;
    ctx.lineWidth = 1 / pc.vp.scale;
    ctx.stroke(body);
    for (const [kind, strip] of strips) {
      ctx.fillStyle = p.kinds[kind];
      ctx.fill(strip);
    }
  }
  ctx.globalAlpha = 1;
  if (pc.fast || screenSize(pc, 12) < 6) return;

  const twoLines = screenSize(pc, 10) >= 7;
  // Glyphs cost a transform and a stroke each; below ~10 px on screen they are specks anyway.
  const glyphs = screenSize(pc, 14) >= 10;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const c of cards) {
    const s = c.node.service;
    ctx.globalAlpha = c.dim ? FADED_ALPHA * 2 : 1;
    if (glyphs) {
      ctx.save();
      ctx.translate(c.x + 9, c.y + c.h / 2 - 7);
      ctx.scale(14 / 16, 14 / 16);
      ctx.strokeStyle = p.kinds[s.kind];
      ctx.lineWidth = 1.6;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.stroke(glyph(s.kind));
      ctx.restore();
    }
    const textW = c.w - 36;
    ctx.fillStyle = s.state === 'running' ? p.text : p.muted;
    ctx.font = font(12, 500);
    ctx.fillText(fitText(ctx, s.name, textW), c.x + 29, twoLines ? c.y + 10.5 : c.y + c.h / 2);
    if (twoLines) {
      ctx.font = font(10);
      ctx.fillStyle = s.state === 'failed' ? p.danger : p.muted;
      ctx.fillText(fitText(ctx, serviceDetail(s), textW), c.x + 29, c.y + 22);
    }
  }
  ctx.globalAlpha = 1;
}

/** Outlines that must stay visible at every zoom: drift marks and the selection. */
function paintMarks(pc: PaintContext, cards: readonly Card[]): void {
  const { ctx, palette: p, style } = pc;
  const badges = !pc.fast && screenSize(pc, 9) >= 6;
  for (const c of cards) {
    const mark = c.node.drift;
    const selected = style.selected === c.node.id || style.pathTarget === c.node.id;
    if (!mark && !selected) continue;
    ctx.beginPath();
    ctx.roundRect(c.x - 2, c.y - 2, c.w + 4, c.h + 4, 6);
    ctx.lineWidth = (selected ? 2.5 : 2) / pc.vp.scale;
    ctx.strokeStyle = selected ? p.accent : mark === 'new' ? p.success : p.danger;
    ctx.setLineDash(mark === 'gone' && !selected ? [5 / pc.vp.scale, 3 / pc.vp.scale] : []);
    ctx.stroke();
    ctx.setLineDash([]);
    if (mark && badges) {
      const text = mark === 'new' ? 'NEW' : 'GONE';
      ctx.font = font(9, 600);
      const w = ctx.measureText(text).width + 8;
      ctx.fillStyle = mark === 'new' ? p.success : p.danger;
      ctx.beginPath();
      ctx.roundRect(c.x + c.w - w - 4, c.y - 7, w, 13, 6.5);
      ctx.fill();
      ctx.fillStyle = '#ffffff';
      ctx.textAlign = 'center';
      ctx.fillText(text, c.x + c.w - 4 - w / 2, c.y - 0.5);
      ctx.textAlign = 'left';
    }
  }
}

/** Paints the cards on screen and returns them (the port labels keep clear of them). */
export function paintServices(pc: PaintContext): readonly Card[] {
  const cards = visibleCards(pc);
  // Cards need ~5 px of height on screen to be worth their outline and text.
  if (screenSize(pc, 30) < 14) paintTiles(pc, cards);
  else paintCards(pc, cards);
  paintMarks(pc, cards);
  return cards;
}
