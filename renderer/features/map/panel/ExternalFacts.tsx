/** The panel for an address outside the inventory: which of our services it talks to, and how. */
import type { ExternalNode, MapGraph } from '../model/types';
import { Connections } from './Connections';
import { FactList } from './PanelParts';

export function ExternalFacts({ graph, node, onPick }: { graph: MapGraph; node: ExternalNode; onPick: (id: string) => void }) {
  return (
    <>
      <header className="map-panel-head">
        <span className="map-panel-kind">External endpoint</span>
        <h2 className="mono" data-testid="map-panel-title">
          {node.address}
        </h2>
      </header>
      <FactList
        rows={[
          ['Role', node.tier === 'upstream' ? 'Called by our services' : 'Calls our services'],
          ['Ports', node.ports.length ? node.ports.map((p) => `:${p}`).join(' ') : null],
          ['In inventory', 'No: add it as a host to check it too'],
        ]}
      />
      <Connections graph={graph} own={new Set([node.id])} onPick={onPick} />
    </>
  );
}
