/** The panel for a selected host: status, facts, services (click to select), findings, connections. */
import { RelativeTime, StatusBadge, KindTag } from '../../host/ScanBits';
import type { HostNode, MapGraph } from '../model/types';
import { Connections } from './Connections';
import { Findings } from './Findings';
import { HostActions } from './HostActions';
import { Chips, FactList, PanelBlock } from './PanelParts';
import { useLatestScan } from './useLatestScan';

/** ":80 :443" from listeners, once per port (IPv4 and IPv6 sockets of one port are one port to a reader). */
function ports(listeners: ReadonlyArray<{ port: number }>): string {
  const unique = [...new Set(listeners.map((l) => l.port))].sort((a, b) => a - b);
  return (
    unique
      .slice(0, 3)
      .map((p) => `:${p}`)
      .join(' ') + (unique.length > 3 ? ' …' : '')
  );
}

export function HostFacts({ graph, node, onPick }: { graph: MapGraph; node: HostNode; onPick: (id: string) => void }) {
  const h = node.host;
  const scan = useLatestScan(node.name, h.lastScan);
  const os = scan?.facts?.os.prettyName ?? null;
  return (
    <>
      <header className="map-panel-head">
        <span className="map-panel-kind">Host</span>
        <h2 data-testid="map-panel-title">{node.name}</h2>
        <StatusBadge status={h.status} title={h.failure ?? undefined} testId="map-panel-status" />
      </header>
      <HostActions host={node.name} />
      <FactList
        rows={[
          ['Address', <span className="mono">{h.address}</span>],
          ['Last check', <RelativeTime iso={h.lastScan} empty="never" />],
          ['System', os],
          ['Problem', h.status === 'failed' ? (h.failure ?? 'The check failed') : h.status === 'never' ? 'Never deep-checked' : null],
          ['Tags', h.tags.length ? <Chips items={h.tags} /> : null],
          ['Groups', h.groups.length ? <Chips items={h.groups} /> : null],
        ]}
      />
      <Findings host={h} scan={scan} />
      <PanelBlock title="Services" count={node.services.length}>
        {node.services.length === 0 ? (
          <p className="map-panel-quiet">{h.status === 'never' ? 'Run a deep check to find its services.' : 'No services found.'}</p>
        ) : (
          <ul className="map-link-list">
            {node.services.map((id) => {
              const s = graph.nodes.get(id);
              if (s?.kind !== 'service') return null;
              return (
                <li key={id}>
                  <button type="button" className="map-link-row" onClick={() => onPick(id)} data-testid="map-host-service">
                    <KindTag kind={s.service.kind} showLabel={false} />
                    <span className="map-link-peer">{s.service.name}</span>
                    <span className="map-link-port">{ports(s.service.listeners)}</span>
                    {s.drift && <span className={`map-drift-tag map-drift-${s.drift}`}>{s.drift}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </PanelBlock>
      <Connections graph={graph} own={new Set([node.id, ...node.services])} onPick={onPick} />
    </>
  );
}
