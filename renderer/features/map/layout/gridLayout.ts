/**
 * The naive reference layout: every group in id order on a uniform grid shaped like a screen. It
 * ignores tiers and links; the benchmark measures the map's layout against it (cost and edge length).
 */
import { TARGET_ASPECT } from './bands';
import { groupBoxes } from './tierLayout';
import type { LayoutInput, Rect } from './types';

const GAP = 40;

export function gridLayout(input: LayoutInput): Record<string, Rect> {
  const boxes = [...groupBoxes(input).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const cellW = Math.max(1, ...boxes.map((b) => b.w)) + GAP;
  const cellH = Math.max(1, ...boxes.map((b) => b.h)) + GAP;
  const cols = Math.max(1, Math.round(Math.sqrt((boxes.length * cellH * TARGET_ASPECT) / cellW)));
  const out: Record<string, Rect> = {};
  boxes.forEach((b, i) => {
    out[b.id] = { x: (i % cols) * cellW, y: Math.floor(i / cols) * cellH, w: b.w, h: b.h };
  });
  return out;
}
