/**
 * The map's layout: one column per tier (clients -> web -> app -> data -> infra -> other ->
 * upstream), ordered by the barycenter heuristic, wrapped into sub-columns so the drawing keeps a
 * screen's shape; groups without any link go on shelves underneath. Runs in a few milliseconds
 * for 250 hosts, where whole-graph layouts (ELK, fCoSE) took 20-40 s on the same machines.
 */
import { TIERS, type Tier } from '../model/types';
import { BAND_GAP, bandShape, chooseColumns, INNER_GAP_X, INNER_GAP_Y, MAX_ASPECT, placeBand, TARGET_ASPECT, type Box } from './bands';
import { boundsOf } from './geometry';
import { buildAdjacency, orderColumns } from './order';
import { EXTERNAL_H, EXTERNAL_W, hostSize } from './sizes';
import type { LayoutInput, Rect } from './types';

export const SHELF_GAP = 140;
const ROW_GAP = 160;

export function groupBoxes(input: LayoutInput): Map<string, Box & { tier: Tier }> {
  const boxes = new Map<string, Box & { tier: Tier }>();
  for (const h of input.hosts) boxes.set(h.id, { id: h.id, tier: h.tier, ...hostSize(h) });
  for (const e of input.externals) boxes.set(e.id, { id: e.id, tier: e.tier, w: EXTERNAL_W, h: EXTERNAL_H });
  return boxes;
}

/** Bands side by side, split into `rows` rows of bands (1 unless one row is far too wide). */
function placeFlow(bands: Box[][], ks: number[], rows: number, out: Record<string, Rect>): void {
  const shapes = bands.map((b, i) => bandShape(b, ks[i]!));
  const per = Math.ceil(bands.length / rows);
  let y = 0;
  for (let first = 0; first < bands.length; first += per) {
    const row = shapes.slice(first, first + per);
    const height = Math.max(...row.map((s) => s.h));
    let x = 0;
    row.forEach((shape, j) => {
      // Centred vertically: a lone web server sits level with the app servers it talks to.
      placeBand(bands[first + j]!, ks[first + j]!, x, y + (height - shape.h) / 2, out);
      x += shape.w + BAND_GAP;
    });
    y += height + ROW_GAP;
  }
}

/** Unlinked groups, row after row under the flow, each row centred. */
function placeShelves(boxes: Box[], top: number, flowWidth: number, out: Record<string, Rect>): void {
  if (boxes.length === 0) return;
  const area = boxes.reduce((a, b) => a + (b.w + INNER_GAP_X) * (b.h + INNER_GAP_Y), 0);
  const width = Math.max(flowWidth, Math.sqrt(area * TARGET_ASPECT), ...boxes.map((b) => b.w));
  const rows: Box[][] = [];
  let used = Infinity;
  for (const b of boxes) {
    if (used + b.w > width) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1]!.push(b);
    used += b.w + INNER_GAP_X;
  }
  let y = top;
  for (const row of rows) {
    const rowW = row.reduce((a, b) => a + b.w, 0) + (row.length - 1) * INNER_GAP_X;
    let x = Math.max(0, (width - rowW) / 2);
    for (const b of row) {
      out[b.id] = { x, y, w: b.w, h: b.h };
      x += b.w + INNER_GAP_X;
    }
    y += Math.max(...row.map((b) => b.h)) + INNER_GAP_Y;
  }
}

export function tierLayout(input: LayoutInput): Record<string, Rect> {
  const boxes = groupBoxes(input);
  const linked = new Set<string>();
  for (const [a, b] of input.links) if (a !== b && boxes.has(a) && boxes.has(b)) linked.add(a).add(b);

  const byId = (a: Box, b: Box) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const columns = TIERS.map((t) => [...boxes.values()].filter((b) => b.tier === t && linked.has(b.id)).sort(byId)).filter(
    (c) => c.length > 0,
  );
  const ids = columns.map((c) => c.map((b) => b.id));
  orderColumns(ids, buildAdjacency(input.links));
  const bands = ids.map((col) => col.map((id) => boxes.get(id)!));

  const rest = [...boxes.values()]
    .filter((b) => !linked.has(b.id))
    .sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || byId(a, b));
  const ks = chooseColumns(bands);

  // One row of bands reads best (traffic flows left to right); wrap only when the whole drawing,
  // shelves included, would otherwise be too wide for a screen.
  let best: { out: Record<string, Rect>; aspect: number } | null = null;
  for (let rows = 1; rows <= Math.max(1, bands.length); rows++) {
    const out: Record<string, Rect> = {};
    if (bands.length > 0) placeFlow(bands, ks, rows, out);
    const flow = boundsOf(Object.values(out));
    placeShelves(rest, bands.length > 0 ? flow.y + flow.h + SHELF_GAP : 0, flow.w, out);
    const all = boundsOf(Object.values(out));
    const aspect = all.w > 0 && all.h > 0 ? Math.max(all.w / all.h, all.h / all.w) : 1;
    if (!best || aspect < best.aspect) best = { out, aspect };
    if (aspect <= MAX_ASPECT) return out;
  }
  return best?.out ?? {};
}
