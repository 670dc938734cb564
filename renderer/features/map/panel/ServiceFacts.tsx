/** The panel for a selected service: what it is, where it listens, what it talks to, its host's actions. */
import { KindTag } from '../../host/ScanBits';
import { kindLabel } from '../../host/scanFormat';
import type { MapGraph, ServiceNode } from '../model/types';
import { Connections } from './Connections';
import { HostActions } from './HostActions';
import { FactList } from './PanelParts';

export function ServiceFacts({ graph, node, onPick }: { graph: MapGraph; node: ServiceNode; onPick: (id: string) => void }) {
  const s = node.service;
  const host = node.hostId.slice('host:'.length);
  const listens = [
    ...new Set(
      s.listeners.map((l) => `${l.proto === 'udp' ? 'udp ' : ''}${l.address.includes(':') ? `[${l.address}]` : l.address}:${l.port}`),
    ),
  ];
  return (
    <>
      <header className="map-panel-head">
        <span className="map-panel-kind">
          <KindTag kind={s.kind} showLabel={false} /> {kindLabel(s.kind)} service
        </span>
        <h2 data-testid="map-panel-title">{s.name}</h2>
        <button type="button" className="map-panel-host" onClick={() => onPick(node.hostId)}>
          on {host}
        </button>
        {node.drift && (
          <span className={`map-drift-tag map-drift-${node.drift}`} data-testid="map-panel-drift">
            {node.drift === 'new' ? 'new since the previous scan' : 'gone since the previous scan'}
          </span>
        )}
      </header>
      <HostActions host={host} />
      <FactList
        rows={[
          ['Product', s.version ? `${s.product} ${s.version}` : s.product],
          ['State', <span className={s.state === 'failed' ? 'map-bad' : undefined}>{s.state}</span>],
          ['Listens on', listens.length ? <span className="mono">{listens.join(', ')}</span> : null],
          ['Unit', s.unit ? <span className="mono">{s.unit}</span> : null],
          ['Runs as', s.user],
          ['Package', s.packageName ? `${s.packageName}${s.packageVersion ? ` ${s.packageVersion}` : ''}` : null],
        ]}
      />
      <Connections graph={graph} own={new Set([node.id])} onPick={onPick} />
    </>
  );
}
