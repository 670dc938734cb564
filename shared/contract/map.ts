/**
 * The topology map's own state in the vault: where nodes sit (so the map does not jump between
 * visits or rescans) and which drift the user has already seen. The map's data itself comes from
 * 'map.get' (contract/checks.ts).
 */
import { z } from 'zod';
import { Name } from '../model/inventory';
import { Edge, Service } from '../model/scan';
import { Empty, method, Ok } from './method';

/** A node the user can move: a host group ("host:NAME") or an external endpoint ("ext:ADDRESS"). */
export const MapNodeId = z
  .string()
  .min(5)
  .max(300)
  .regex(/^(host|ext):\S+$/, 'A map node is host:NAME or ext:ADDRESS');

// Layout coordinates are unitless canvas pixels; the bound only keeps garbage out of the vault.
const Coordinate = z.number().min(-1e7).max(1e7);

export const MapPosition = z.object({
  node: MapNodeId,
  x: Coordinate,
  y: Coordinate,
  /** Dragged by the user (kept through "re-arrange"); false = placed by the layout and kept for stability. */
  pinned: z.boolean(),
});
export type MapPosition = z.infer<typeof MapPosition>;

/** What appeared and disappeared on one host's part of the map between its last two usable scans. */
export const MapDrift = z.object({
  host: z.string(),
  /** startedAt of the older and the newer scan. */
  from: z.string(),
  to: z.string(),
  addedServices: z.array(z.string()),
  /** Whole services, so the map can still draw what is gone. */
  removedServices: z.array(Service),
  addedEdges: z.array(z.string()),
  removedEdges: z.array(Edge),
});
export type MapDrift = z.infer<typeof MapDrift>;

export const mapContract = {
  'map.positions.get': method(Empty, z.array(MapPosition), 'Saved positions of map nodes'),
  'map.positions.save': method(
    z.object({ positions: z.array(MapPosition).max(50_000) }),
    Ok,
    'Keep map node positions (dragged, or placed by the layout) in the vault',
  ),
  'map.positions.reset': method(
    z.object({ keepPinned: z.boolean().default(false) }),
    Ok,
    'Forget saved positions so the map is laid out afresh (optionally keeping dragged ones)',
  ),
  'map.drift.get': method(
    Empty,
    z.array(MapDrift),
    'New and gone services and edges per host since its previous scan, not yet acknowledged',
  ),
  'map.drift.ack': method(
    z.object({ hosts: z.array(Name).max(10_000).default([]) }),
    Ok,
    "Acknowledge the map's drift marks of these hosts (all hosts when empty)",
  ),
} as const;
