/** What the benchmark page reports back to map.bench.ts. */
import type { LayoutChecks } from '../../../../renderer/features/map/layout/checks';
import type { Rect } from '../../../../renderer/features/map/layout/types';

export interface FrameStats {
  median: number;
  p95: number;
  count: number;
  paints: number;
}

export interface PageResult {
  strategy: string;
  /** The layout ran in the Web Worker (not the main-thread fall-back). */
  inWorker: boolean;
  graphMs: number;
  layoutMs: number;
  workerMs: number;
  firstRenderMs: number;
  /** Panning and zooming as a user does (light frames while moving). */
  frames: FrameStats;
  /** The same motion with every frame painted in full detail. */
  framesFull: FrameStats;
  checks: LayoutChecks;
  meanLink: number;
  bounds: Rect;
  sceneBounds: Rect;
  counts: { hosts: number; services: number; edges: number; externals: number };
}

export function frameStats(deltas: number[], paints: number): FrameStats {
  const s = [...deltas].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), count: deltas.length, paints };
}
