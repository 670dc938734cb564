/** Incoming and outgoing edges of a node, each a button that moves the selection to the other end. */
import { edgeLabel } from '../model/labels';
import type { GraphEdge, MapGraph } from '../model/types';
import { nodeName } from './nodeNames';
import { PanelBlock } from './PanelParts';

interface ConnectionsProps {
  graph: MapGraph;
  /** The node and, for a host, its services: edges touching any of them are listed. */
  own: ReadonlySet<string>;
  onPick: (id: string) => void;
}

function Row({
  edge,
  peer,
  direction,
  graph,
  onPick,
}: {
  edge: GraphEdge;
  peer: string;
  direction: 'in' | 'out';
  graph: MapGraph;
  onPick: (id: string) => void;
}) {
  return (
    <li>
      <button type="button" className="map-link-row" onClick={() => onPick(peer)} title={edge.id} data-testid="map-connection">
        <span className="map-link-dir" aria-label={direction === 'in' ? 'from' : 'to'}>
          {direction === 'in' ? '←' : '→'}
        </span>
        <span className="map-link-peer">{nodeName(graph, peer)}</span>
        <span className="map-link-port">:{edgeLabel(edge)}</span>
        {edge.drift && <span className={`map-drift-tag map-drift-${edge.drift}`}>{edge.drift}</span>}
      </button>
    </li>
  );
}

export function Connections({ graph, own, onPick }: ConnectionsProps) {
  const incoming = graph.edges.filter((e) => own.has(e.to) && !own.has(e.from));
  const outgoing = graph.edges.filter((e) => own.has(e.from) && !own.has(e.to));
  if (incoming.length + outgoing.length === 0)
    return (
      <PanelBlock title="Connections" count={0}>
        <p className="map-panel-quiet">No connections seen to or from other hosts.</p>
      </PanelBlock>
    );
  return (
    <PanelBlock title="Connections" count={incoming.length + outgoing.length} testId="map-connections">
      <ul className="map-link-list">
        {incoming.map((e) => (
          <Row key={e.id} edge={e} peer={e.from} direction="in" graph={graph} onPick={onPick} />
        ))}
        {outgoing.map((e) => (
          <Row key={e.id} edge={e} peer={e.to} direction="out" graph={graph} onPick={onPick} />
        ))}
      </ul>
    </PanelBlock>
  );
}
