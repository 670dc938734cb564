/** The panel for a selected edge: both ends, the port, and how sure the deep check is about it. */
import type { GraphEdge, MapGraph } from '../model/types';
import { nodeName } from './nodeNames';
import { FactList } from './PanelParts';

export function EdgeFacts({ graph, edge, onPick }: { graph: MapGraph; edge: GraphEdge; onPick: (id: string) => void }) {
  const e = edge.edge;
  const seen = e.seenBy.length === 2 ? 'both ends (confirmed)' : `the ${e.seenBy[0] ?? 'unknown'} end only`;
  return (
    <>
      <header className="map-panel-head">
        <span className="map-panel-kind">Connection</span>
        <h2 data-testid="map-panel-title">
          {e.proto.toUpperCase()} :{e.port}
        </h2>
        {edge.drift && (
          <span className={`map-drift-tag map-drift-${edge.drift}`}>
            {edge.drift === 'new' ? 'new since the previous scan' : 'gone since the previous scan'}
          </span>
        )}
      </header>
      <FactList
        rows={[
          [
            'From',
            <button type="button" className="map-panel-host" onClick={() => onPick(edge.from)}>
              {nodeName(graph, edge.from)}
            </button>,
          ],
          [
            'To',
            <button type="button" className="map-panel-host" onClick={() => onPick(edge.to)}>
              {nodeName(graph, edge.to)}
            </button>,
          ],
          ['Sockets', String(e.connections)],
          ['Seen from', seen],
          ['State', e.state === 'established' ? 'established' : 'recently closed (TIME-WAIT only)'],
        ]}
      />
    </>
  );
}
