/**
 * Packing a column ("band") of boxes into k sub-columns, row by row, and choosing k for every band
 * at once so the whole map lands near a screen's shape. Row-major filling keeps the barycenter
 * order meaningful: an item's index grows with its height in the band.
 */
import type { Rect } from './types';

export interface Box {
  id: string;
  w: number;
  h: number;
}

export interface BandShape {
  k: number;
  w: number;
  h: number;
}

export const INNER_GAP_X = 40;
export const INNER_GAP_Y = 28;
/** Room between tiers for the curves and their port labels. */
export const BAND_GAP = 140;
/** A 16:10 screen, less the side panel. */
export const TARGET_ASPECT = 1.5;
export const MAX_ASPECT = 3;

/** Widths of the k sub-columns and heights of the rows when `boxes` fill them row by row. */
function cells(boxes: readonly Box[], k: number): { colW: number[]; rowH: number[] } {
  const colW = new Array<number>(k).fill(0);
  const rowH = new Array<number>(Math.ceil(boxes.length / k)).fill(0);
  boxes.forEach((b, i) => {
    colW[i % k] = Math.max(colW[i % k]!, b.w);
    rowH[Math.floor(i / k)] = Math.max(rowH[Math.floor(i / k)]!, b.h);
  });
  return { colW, rowH };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export function bandShape(boxes: readonly Box[], k: number): BandShape {
  const { colW, rowH } = cells(boxes, k);
  return { k, w: sum(colW) + (k - 1) * INNER_GAP_X, h: sum(rowH) + Math.max(0, rowH.length - 1) * INNER_GAP_Y };
}

/** Places a band's boxes with its top-left corner at (x, y); boxes are centred in their cell. */
export function placeBand(boxes: readonly Box[], k: number, x: number, y: number, out: Record<string, Rect>): void {
  const { colW, rowH } = cells(boxes, k);
  const colX: number[] = [];
  let cx = x;
  for (const w of colW) {
    colX.push(cx);
    cx += w + INNER_GAP_X;
  }
  const rowY: number[] = [];
  let cy = y;
  for (const h of rowH) {
    rowY.push(cy);
    cy += h + INNER_GAP_Y;
  }
  boxes.forEach((b, i) => {
    const j = i % k;
    const r = Math.floor(i / k);
    out[b.id] = { x: colX[j]! + (colW[j]! - b.w) / 2, y: rowY[r]! + (rowH[r]! - b.h) / 2, w: b.w, h: b.h };
  });
}

/** Every band's possible shapes (k = 1..n); the list is tiny next to the layout's budget. */
function shapes(boxes: readonly Box[]): BandShape[] {
  const out: BandShape[] = [];
  for (let k = 1; k <= Math.max(1, boxes.length); k++) out.push(bandShape(boxes, k));
  return out;
}

/**
 * Picks k per band: for each candidate height H, every band takes the fewest sub-columns that fit
 * under H; the H whose total width / height is closest to TARGET_ASPECT wins.
 */
export function chooseColumns(bands: readonly (readonly Box[])[]): number[] {
  const all = bands.map(shapes);
  const candidates = [...new Set(all.flatMap((s) => s.map((x) => x.h)))].sort((a, b) => a - b);
  let best: { score: number; ks: number[] } | null = null;
  for (const H of candidates) {
    const picks = all.map((s) => s.find((x) => x.h <= H) ?? s[s.length - 1]!);
    const width = picks.reduce((a, p) => a + p.w, 0) + (picks.length - 1) * BAND_GAP;
    const height = Math.max(...picks.map((p) => p.h));
    const score = Math.abs(Math.log(width / height / TARGET_ASPECT));
    if (!best || score < best.score - 1e-9) best = { score, ks: picks.map((p) => p.k) };
  }
  return best?.ks ?? bands.map(() => 1);
}
