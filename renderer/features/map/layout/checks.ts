/**
 * Is a layout readable? The properties the unit tests and the benchmark hold every layout to:
 * host groups never overlap, every service lies inside its host, and the whole drawing fits a
 * screen's shape (aspect ratio within 3:1).
 */
import { MAX_ASPECT } from './bands';
import { center, contains, overlaps } from './geometry';
import type { LayoutInput, LayoutResult } from './types';

export interface LayoutChecks {
  overlappingPairs: number;
  servicesOutside: number;
  aspect: number;
  ok: boolean;
}

export function checkLayout(input: LayoutInput, result: LayoutResult): LayoutChecks {
  // Sweep along x so 2,000 groups cost n log n plus the true neighbours, not n^2.
  const groups = Object.values(result.groups).sort((a, b) => a.x - b.x);
  let overlappingPairs = 0;
  for (let i = 0; i < groups.length; i++)
    for (let j = i + 1; j < groups.length && groups[j]!.x < groups[i]!.x + groups[i]!.w; j++)
      if (overlaps(groups[i]!, groups[j]!)) overlappingPairs++;

  let servicesOutside = 0;
  for (const h of input.hosts) {
    const host = result.groups[h.id];
    for (const s of h.services) {
      const r = result.services[s];
      if (!host || !r || !contains(host, r)) servicesOutside++;
    }
  }
  const { w, h } = result.bounds;
  const aspect = w > 0 && h > 0 ? Math.max(w / h, h / w) : 1;
  return { overlappingPairs, servicesOutside, aspect, ok: overlappingPairs === 0 && servicesOutside === 0 && aspect <= MAX_ASPECT };
}

/** Mean centre-to-centre length of the links, in layout pixels: shorter reads better. */
export function meanLinkLength(input: LayoutInput, result: LayoutResult): number {
  let total = 0;
  let n = 0;
  for (const [a, b, w] of input.links) {
    const ra = result.groups[a];
    const rb = result.groups[b];
    if (!ra || !rb) continue;
    const ca = center(ra);
    const cb = center(rb);
    total += Math.hypot(ca.x - cb.x, ca.y - cb.y) * w;
    n += w;
  }
  return n > 0 ? total / n : 0;
}
