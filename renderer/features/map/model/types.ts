/**
 * The map's graph, built once from 'map.get' (+ drift): plain data shared by the layout worker, the
 * canvas renderer, the exporters and the side panel. Node ids are stable strings:
 *   host:NAME            a host group
 *   svc:NAME/SERVICEKEY  a service inside its host
 *   ext:ADDRESS          an address outside the inventory
 */
import type { MapHost } from '../../../../shared/contract/checks';
import type { Edge, Service, ServiceKind } from '../../../../shared/model';

/** Columns of the map, left to right, in the order traffic usually flows. */
export const TIERS = ['clients', 'web', 'app', 'data', 'infra', 'other', 'upstream'] as const;
export type Tier = (typeof TIERS)[number];

/** new / gone since the host's previous scan and not yet acknowledged; null = unchanged. */
export type DriftMark = 'new' | 'gone' | null;

export interface HostNode {
  id: string;
  kind: 'host';
  name: string;
  host: MapHost;
  /** Service node ids in drawing order (system services last, so hiding them leaves no holes). */
  services: string[];
  tier: Tier;
}

export interface ServiceNode {
  id: string;
  kind: 'service';
  hostId: string;
  service: Service;
  system: boolean;
  drift: DriftMark;
}

export interface ExternalNode {
  id: string;
  kind: 'external';
  address: string;
  /** Ports our services connect to on it (empty: it only connects to us). */
  ports: number[];
  tier: Tier;
  drift: DriftMark;
}

export type MapNode = HostNode | ServiceNode | ExternalNode;

export interface GraphEdge {
  id: string;
  /** Node ids: a service, or its host when the process was not attributable, or an external. */
  from: string;
  to: string;
  port: number;
  edge: Edge;
  drift: DriftMark;
}

export interface MapGraph {
  hosts: HostNode[];
  services: ServiceNode[];
  externals: ExternalNode[];
  edges: GraphEdge[];
  nodes: Map<string, MapNode>;
}

export type { ServiceKind };
