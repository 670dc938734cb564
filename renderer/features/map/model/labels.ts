/** The words the map shows for nodes and edges: the canvas, the SVG export and the panel share them. */
import type { MapHost } from '../../../../shared/contract/checks';
import type { Service } from '../../../../shared/model';
import type { ExternalNode, GraphEdge } from './types';

export function hostSubtitle(h: MapHost): string {
  switch (h.status) {
    // Short: the header has little room; the body and the panel carry the failure's words.
    case 'never':
      return 'not checked';
    case 'failed':
      return 'check failed';
    case 'partial':
      return `${h.address} · partial`;
    default:
      return h.address;
  }
}

/** What a host without services says in its body: why there is nothing to show. */
export function emptyHostNote(h: MapHost): string {
  if (h.status === 'never') return 'No deep check yet';
  if (h.status === 'failed') return h.failure ?? 'The check failed';
  return 'No services found';
}

export function serviceDetail(s: Service): string {
  const product = s.version ? `${s.product} ${s.version}` : s.product;
  return s.state === 'running' ? product : `${s.state} · ${product}`;
}

export function externalSubtitle(x: ExternalNode): string {
  if (x.ports.length === 0) return 'external client';
  const ports = x.ports.slice(0, 4).map((p) => `:${p}`);
  return `external · ${ports.join(' ')}${x.ports.length > 4 ? ' …' : ''}`;
}

export function edgeLabel(e: GraphEdge): string {
  return e.edge.proto === 'udp' ? `${e.port}/udp` : String(e.port);
}
