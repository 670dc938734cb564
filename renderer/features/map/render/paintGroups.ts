/** Host groups (box, status, name) and external endpoints (dashed pill, address). */
import type { MapHost } from '../../../../shared/contract/checks';
import { EXTERNAL_H, HOST_HEADER } from '../layout/sizes';
import { emptyHostNote, externalSubtitle, hostSubtitle } from '../model/labels';
import type { ExternalNode, HostNode } from '../model/types';
import { mix } from './color';
import { glyph } from './glyphs';
import { faded, inView, screenSize, type PaintContext } from './paintContext';
import type { Palette } from './palette';
import { FONT_MONO, fitText, font } from './text';

export const FADED_ALPHA = 0.2;

export function statusColor(p: Palette, status: MapHost['status']): string {
  return status === 'ok' ? p.success : status === 'partial' ? p.warning : status === 'failed' ? p.danger : p.faint;
}

/** The boxes, batched by look: one fill and one stroke per status (and faded or not), not per host. */
function paintHostBoxes(pc: PaintContext, hosts: readonly HostNode[]): void {
  const { ctx, palette: p, scene } = pc;
  const batches = new Map<string, { status: MapHost['status']; dim: boolean; path: Path2D }>();
  for (const h of hosts) {
    const r = scene.rects.get(h.id)!;
    const dim = faded(pc, h.id);
    const key = `${h.host.status}|${dim}`;
    let b = batches.get(key);
    if (!b) batches.set(key, (b = { status: h.host.status, dim, path: new Path2D() }));
    b.path.roundRect(r.x, r.y, r.w, r.h, 8);
  }
  for (const { status, dim, path } of batches.values()) {
    const fill = status === 'failed' ? p.dangerSoft : p.hostFill;
    const stroke = status === 'ok' ? p.borderStrong : statusColor(p, status);
    ctx.fillStyle = dim ? mix(fill, p.bg, 0.4) : fill;
    ctx.fill(path);
    ctx.lineWidth = 1.25 / pc.vp.scale;
    ctx.strokeStyle = dim ? mix(stroke, p.bg, 0.3) : stroke;
    ctx.setLineDash(status === 'never' ? [6 / pc.vp.scale, 4 / pc.vp.scale] : []);
    ctx.stroke(path);
  }
  ctx.setLineDash([]);
}

function shownHosts(pc: PaintContext): HostNode[] {
  const { scene, style } = pc;
  return scene.graph.hosts.filter((h) => {
    const r = scene.rects.get(h.id);
    return r !== undefined && !style.hidden.has(h.id) && inView(pc, r);
  });
}

/** The host boxes, under everything else. */
export function paintHosts(pc: PaintContext): void {
  paintHostBoxes(pc, shownHosts(pc));
}

/**
 * Names, statuses and notes of the hosts, after the edges: each header band is filled again so
 * lines passing under a host never run through its name.
 */
export function paintHostHeaders(pc: PaintContext): void {
  const { ctx, palette: p, scene, style } = pc;
  if (screenSize(pc, 13) < 6 || pc.fast) return;
  for (const h of shownHosts(pc)) {
    const r = scene.rects.get(h.id)!;
    const status = h.host.status;
    const dim = faded(pc, h.id);
    const fill = status === 'failed' ? p.dangerSoft : p.hostFill;
    ctx.fillStyle = dim ? mix(fill, p.bg, 0.4) : fill;
    ctx.beginPath();
    ctx.roundRect(r.x + 1, r.y + 1, r.w - 2, HOST_HEADER - 4, [7, 7, 0, 0]);
    ctx.fill();
    ctx.globalAlpha = dim ? FADED_ALPHA : 1;
    ctx.fillStyle = statusColor(p, status);
    ctx.beginPath();
    ctx.arc(r.x + 14, r.y + 17, 4, 0, Math.PI * 2);
    ctx.fill();
    ctx.font = font(13, 600);
    ctx.fillStyle = p.text;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    const name = fitText(ctx, h.name, r.w - 34);
    ctx.fillText(name, r.x + 24, r.y + 17);
    const used = ctx.measureText(name).width;
    ctx.font = font(11);
    ctx.fillStyle = status === 'failed' ? p.danger : p.muted;
    ctx.textAlign = 'right';
    ctx.fillText(fitText(ctx, hostSubtitle(h.host), r.w - used - 44), r.x + r.w - 10, r.y + 17);
    ctx.textAlign = 'left';
    // Filtered-out services leave their slots empty (the layout ignores filters so nothing jumps):
    // say what is missing in the first empty slot rather than leave an unexplained gap.
    const hiddenIds = h.services.filter((id) => style.hidden.has(id));
    const slot = hiddenIds[0] ? scene.rects.get(hiddenIds[0]) : undefined;
    if (slot) {
      ctx.font = font(11);
      ctx.fillStyle = p.faint;
      ctx.fillText(fitText(ctx, `${hiddenIds.length} hidden by filters`, slot.w - 8), slot.x + 6, slot.y + slot.h / 2);
    }
    if (h.services.length === 0) {
      ctx.font = font(12);
      ctx.fillStyle = p.muted;
      ctx.fillText(fitText(ctx, emptyHostNote(h.host), r.w - 20), r.x + 10, r.y + HOST_HEADER + 12);
    }
  }
  ctx.globalAlpha = 1;
}

function paintExternal(pc: PaintContext, x: ExternalNode): void {
  const { ctx, palette: p } = pc;
  const r = pc.scene.rects.get(x.id)!;
  ctx.beginPath();
  ctx.roundRect(r.x, r.y, r.w, r.h, EXTERNAL_H / 2);
  ctx.fillStyle = p.card;
  ctx.fill();
  ctx.lineWidth = (x.drift ? 2 : 1.25) / pc.vp.scale;
  ctx.strokeStyle = x.drift === 'new' ? p.success : x.drift === 'gone' ? p.danger : p.borderStrong;
  ctx.setLineDash([5 / pc.vp.scale, 3 / pc.vp.scale]);
  ctx.stroke();
  ctx.setLineDash([]);
  if (screenSize(pc, 12) < 6 || pc.fast) return;
  ctx.save();
  ctx.translate(r.x + 14, r.y + r.h / 2 - 8);
  ctx.strokeStyle = p.muted;
  ctx.lineWidth = 1.5;
  ctx.stroke(glyph('external'));
  ctx.restore();
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.font = font(12, 500, FONT_MONO);
  ctx.fillStyle = p.text;
  ctx.fillText(fitText(ctx, x.address, r.w - 50), r.x + 38, r.y + 14);
  ctx.font = font(10.5);
  ctx.fillStyle = p.muted;
  ctx.fillText(fitText(ctx, externalSubtitle(x), r.w - 50), r.x + 38, r.y + 28);
}

export function paintExternals(pc: PaintContext): void {
  for (const x of pc.scene.graph.externals) {
    const r = pc.scene.rects.get(x.id);
    if (!r || pc.style.hidden.has(x.id) || !inView(pc, r)) continue;
    pc.ctx.globalAlpha = faded(pc, x.id) ? FADED_ALPHA : x.drift === 'gone' ? 0.6 : 1;
    paintExternal(pc, x);
  }
  pc.ctx.globalAlpha = 1;
}
