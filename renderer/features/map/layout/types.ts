/**
 * What the layout worker is given and gives back. Only ids, tiers and links cross the worker
 * boundary (a few hundred KB for 2,000 services), never the scan data behind them.
 */
import type { MapPosition } from '../../../../shared/contract/map';
import type { Tier } from '../model/types';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayoutHost {
  id: string;
  tier: Tier;
  /** Service ids in drawing order. */
  services: string[];
}

export interface LayoutExternal {
  id: string;
  tier: Tier;
}

/** 'tiers' is the map's layout; 'grid' is the naive reference the benchmark compares it with. */
export type LayoutStrategy = 'tiers' | 'grid';

export interface LayoutInput {
  hosts: LayoutHost[];
  externals: LayoutExternal[];
  /** Group-level links (host or external ids, both ends different), once per pair and direction. */
  links: Array<[from: string, to: string, weight: number]>;
  saved: MapPosition[];
  strategy: LayoutStrategy;
}

export interface LayoutResult {
  /** Host groups and external endpoints. */
  groups: Record<string, Rect>;
  services: Record<string, Rect>;
  bounds: Rect;
  /** Groups placed by the layout now (no saved position): worth saving so they stay put. */
  fresh: string[];
  /** Time spent inside the layout function (the worker's own clock). */
  ms: number;
}
