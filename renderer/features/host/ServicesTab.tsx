/** What runs here: classified services, every listening port with its owner, and all init units. */
import { useMemo, useState } from 'react';
import type { HostScan, InitService, Service, Socket } from '../../../shared/model';
import { Capped, ListSearch, matchAll, Quiet, ROW_CAP, Section } from './parts';
import { KindTag } from './ScanBits';
import { endpoint } from './scanFormat';

const STATE_ORDER: Record<InitService['state'], number> = { failed: 0, starting: 1, running: 2, unknown: 3, stopped: 4 };

function ServiceState({ state }: { state: Service['state'] }) {
  return (
    <span className={`svc-state svc-${state}`}>
      <span className="status-dot" aria-hidden="true" />
      {state}
    </span>
  );
}

function listenerText(s: Service): string {
  return s.listeners.map((l) => `${endpoint(l.address, l.port)}${l.proto === 'udp' ? '/udp' : ''}`).join('  ');
}

/** The service a listening socket belongs to: by unit first, then by the listener itself. */
function ownerOf(sock: Socket, services: Service[]): Service | undefined {
  return (
    services.find((s) => s.unit !== null && s.unit === sock.unit) ??
    services.find((s) => s.listeners.some((l) => l.port === sock.localPort && l.proto === sock.proto && l.address === sock.localAddress))
  );
}

export function ServicesTab({ scan }: { scan: HostScan }) {
  const [unitQuery, setUnitQuery] = useState('');
  const f = scan.facts;
  const services = useMemo(
    () => [...scan.services].sort((a, b) => Number(a.kind === 'ssh') - Number(b.kind === 'ssh') || a.name.localeCompare(b.name)),
    [scan.services],
  );
  const ports = useMemo(
    () =>
      (f?.sockets ?? [])
        .filter((s) => s.state === 'LISTEN' || (s.proto === 'udp' && s.state === 'UNCONN'))
        .sort((a, b) => a.localPort - b.localPort || a.localAddress.localeCompare(b.localAddress)),
    [f],
  );
  const units = useMemo(
    () =>
      (f?.services ?? [])
        .filter((u) => matchAll(unitQuery, u.name, u.description, u.state, u.sub))
        .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.name.localeCompare(b.name)),
    [f, unitQuery],
  );

  return (
    <div className="host-stack">
      <Section title="Services" count={services.length} testId="host-services">
        {services.length === 0 ? (
          <Quiet>No services recognised on this host.</Quiet>
        ) : (
          <table className="data-table host-table">
            <colgroup>
              <col style={{ width: '12%' }} />
              <col style={{ width: '17%' }} />
              <col style={{ width: '13%' }} />
              <col style={{ width: '10%' }} />
              <col style={{ width: '10%' }} />
              <col style={{ width: '20%' }} />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th>Kind</th>
                <th>Service</th>
                <th>Product</th>
                <th>Version</th>
                <th>State</th>
                <th>Listens on</th>
                <th>Package · user</th>
              </tr>
            </thead>
            <tbody>
              {services.map((s) => (
                <tr key={s.key} data-testid="service-row" data-service={s.name} data-kind={s.kind}>
                  <td>
                    <KindTag kind={s.kind} />
                  </td>
                  <td className="cell-name" title={s.unit ?? s.key}>
                    {s.name}
                  </td>
                  <td title={s.product}>{s.product}</td>
                  <td className="mono" title={s.packageVersion ?? s.version ?? undefined}>
                    {s.version ?? <span className="faint">–</span>}
                  </td>
                  <td>
                    <ServiceState state={s.state} />
                  </td>
                  <td className="mono" title={listenerText(s)}>
                    {s.listeners.length > 0 ? listenerText(s) : <span className="faint">–</span>}
                  </td>
                  <td
                    className="muted"
                    title={[s.packageName && `${s.packageName} ${s.packageVersion ?? ''}`, s.user].filter(Boolean).join(' · ')}
                  >
                    {s.packageName && <span className="mono">{s.packageName}</span>}
                    {s.packageName && s.user && ' · '}
                    {s.user}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section title="Listening ports" count={ports.length} testId="host-ports">
        {ports.length === 0 ? (
          <Quiet>{f ? 'Nothing listens on this host.' : 'Not collected.'}</Quiet>
        ) : (
          <table className="data-table host-table">
            <colgroup>
              <col style={{ width: '8%' }} />
              <col style={{ width: '24%' }} />
              <col style={{ width: '18%' }} />
              <col style={{ width: '24%' }} />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th>Proto</th>
                <th>Address</th>
                <th>Service</th>
                <th>Process</th>
                <th>Unit</th>
              </tr>
            </thead>
            <tbody>
              {ports.map((p, i) => {
                const owner = ownerOf(p, services);
                return (
                  <tr key={`${p.proto}-${p.localAddress}-${p.localPort}-${i}`} data-testid="port-row" data-port={p.localPort}>
                    <td className="muted">{p.proto}</td>
                    <td className="mono">{endpoint(p.localAddress, p.localPort)}</td>
                    <td>
                      {owner ? <KindTag kind={owner.kind} showLabel={false} /> : null} {owner?.name ?? <span className="faint">–</span>}
                    </td>
                    <td className="mono muted">
                      {p.process ?? '–'}
                      {p.pid !== null && <span className="faint"> ({p.pid})</span>}
                    </td>
                    <td className="mono muted">{p.unit ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Section>

      {f && (
        <Section
          title="Init units"
          count={f.services.length}
          tools={
            <ListSearch
              value={unitQuery}
              onChange={setUnitQuery}
              placeholder="Search units"
              shown={units.length}
              total={f.services.length}
            />
          }
        >
          {units.length === 0 ? (
            <Quiet>No units match.</Quiet>
          ) : (
            <>
              <table className="data-table host-table">
                <colgroup>
                  <col style={{ width: '30%' }} />
                  <col style={{ width: '12%' }} />
                  <col style={{ width: '10%' }} />
                  <col />
                </colgroup>
                <thead>
                  <tr>
                    <th>Unit</th>
                    <th>State</th>
                    <th>Enabled</th>
                    <th>Description</th>
                  </tr>
                </thead>
                <tbody>
                  {units.slice(0, ROW_CAP).map((u) => (
                    <tr key={u.name}>
                      <td className="mono" title={u.name}>
                        {u.name}
                      </td>
                      <td title={u.sub}>
                        <ServiceState state={u.state} />
                      </td>
                      <td className="muted">{u.enabled === null ? '' : u.enabled ? 'yes' : 'no'}</td>
                      <td className="muted" title={u.description}>
                        {u.description}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Capped shown={Math.min(units.length, ROW_CAP)} total={units.length} />
            </>
          )}
        </Section>
      )}
    </div>
  );
}
