/**
 * Who this host talks to and who talks to it: service → service edges built across every checked
 * host. Peers that are hosts in the vault are links to their own page (walk the system hop by
 * hop); addresses of machines that were not checked show as external.
 */
import type { Edge, EdgeEnd, HostScan } from '../../../shared/model';
import { useStore } from '../../app/store';
import { Icon } from '../../ui/Icon';
import { Quiet, Section } from './parts';
import { TableHead } from '../../ui/TableHead';

type Direction = 'out' | 'in' | 'local';

function directionOf(e: Edge, host: string): Direction {
  if (e.from.host === host && e.to.host === host) return 'local';
  return e.from.host === host ? 'out' : 'in';
}

function serviceLabel(end: EdgeEnd, names: Map<string, string> | null): string | null {
  if (!end.service) return null;
  return names?.get(end.service) ?? end.service.replace(/\.service$/, '');
}

function Peer({ end, known }: { end: EdgeEnd; known: Set<string> }) {
  const openHost = useStore((s) => s.openHost);
  if (end.host && known.has(end.host)) {
    return (
      <span className="peer">
        <button type="button" className="link-button peer-link" onClick={() => openHost(end.host!, 'connections')} data-testid="peer-link">
          {end.host}
        </button>
        <span className="mono faint">{end.address}</span>
      </span>
    );
  }
  return (
    <span className="peer">
      <span className="mono">{end.address}</span>
      <span className="chip">{end.host ? end.host : 'external'}</span>
    </span>
  );
}

const TITLES: Record<Direction, { title: string; hint: string }> = {
  out: { title: 'Outgoing', hint: 'This host is the client.' },
  in: { title: 'Incoming', hint: 'This host serves them.' },
  local: { title: 'Within the host', hint: 'Over loopback or its own addresses.' },
};

export function ConnectionsTab({ scan }: { scan: HostScan }) {
  const hosts = useStore((s) => s.hosts);
  const known = new Set(hosts.map((h) => h.name));
  const ownNames = new Map(scan.services.map((s) => [s.key, s.name]));
  const groups: Record<Direction, Edge[]> = { out: [], in: [], local: [] };
  for (const e of scan.edges) groups[directionOf(e, scan.host)].push(e);
  for (const list of Object.values(groups))
    list.sort((a, b) => a.port - b.port || (a.to.host ?? a.to.address).localeCompare(b.to.host ?? b.to.address));

  if (scan.edges.length === 0) {
    return (
      <Quiet testId="no-edges">
        No connections seen. An edge appears when an established connection on this host matches a listening socket on a checked host (or
        comes from an address outside the fleet).
      </Quiet>
    );
  }

  return (
    <div className="host-stack" data-testid="host-connections">
      {(['out', 'in', 'local'] as const).map((dir) =>
        groups[dir].length === 0 ? null : (
          <Section key={dir} title={TITLES[dir].title} count={groups[dir].length} tools={<span className="faint">{TITLES[dir].hint}</span>}>
            <table className="data-table host-table edge-table">
              <TableHead
                columns={[
                  { label: dir === 'in' ? 'Client' : 'Service here', width: '18%' },
                  { width: '28px' },
                  { label: dir === 'in' ? 'Service here' : 'Peer', width: '22%' },
                  { label: dir === 'in' ? 'Port' : 'Peer service', width: '18%' },
                  { label: dir === 'in' ? 'Client service' : 'Port', width: '10%' },
                  { label: 'Conns', width: '8%', className: 'num' },
                  { label: 'Seen' },
                ]}
              />
              <tbody>
                {groups[dir].map((e) => {
                  const here = dir === 'in' ? e.to : e.from;
                  const peer = dir === 'in' ? e.from : e.to;
                  const hereName = serviceLabel(here, ownNames) ?? <span className="faint">unknown process</span>;
                  const peerName = serviceLabel(peer, null) ?? <span className="faint">–</span>;
                  const port = (
                    <span className="mono">
                      {e.port}
                      <span className="faint">/{e.proto}</span>
                    </span>
                  );
                  const confirmed = e.seenBy.length === 2;
                  return (
                    <tr
                      key={e.key}
                      data-testid="edge-row"
                      data-direction={dir}
                      data-peer={peer.host ?? peer.address}
                      data-port={e.port}
                      className={e.state === 'recent' ? 'edge-recent' : undefined}
                    >
                      {dir === 'in' ? (
                        <>
                          <td>
                            <Peer end={peer} known={known} />
                          </td>
                          <td className="edge-arrow">
                            <Icon name="chevronRight" size={12} />
                          </td>
                          <td className="cell-name">{hereName}</td>
                          <td>{port}</td>
                          <td className="muted">{peerName}</td>
                        </>
                      ) : (
                        <>
                          <td className="cell-name">{hereName}</td>
                          <td className="edge-arrow">
                            <Icon name="chevronRight" size={12} />
                          </td>
                          <td>{dir === 'local' ? <span className="mono">{peer.address}</span> : <Peer end={peer} known={known} />}</td>
                          <td>{peerName}</td>
                          <td>{port}</td>
                        </>
                      )}
                      <td className="num">{e.connections}</td>
                      <td
                        className="muted"
                        title={
                          confirmed
                            ? 'Both ends were checked and saw this connection.'
                            : `Only the ${e.seenBy[0] ?? 'one'} side saw it (the other end was not checked or not visible).`
                        }
                      >
                        {confirmed ? 'both ends' : `${e.seenBy[0] ?? ''} only`}
                        {e.state === 'recent' && ' · recently closed'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Section>
        ),
      )}
    </div>
  );
}
