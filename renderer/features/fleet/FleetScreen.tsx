/**
 * The fleet at a glance from the latest deep check of each host: what it runs, what it is (roles
 * from its main services), what needs attention, and how fresh that knowledge is. Click a row (or
 * Enter) to open the host page; / searches host, address, OS, roles, services, tags and groups.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FleetRow } from '../../../shared/contract/checks';
import { useStore } from '../../app/store';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { useHotkeys } from '../../ui/useHotkeys';
import { useRowNavigation } from '../../ui/useRowNavigation';
import { KindTag, RelativeTime, SeverityCounts, StatusBadge } from '../host/ScanBits';
import { shortOs } from '../host/scanFormat';
import { isRunning } from '../checks/checksSlice';
import './fleet.css';
import { ScreenError } from '../../ui/ScreenError';
import { SearchBox } from '../../ui/SearchBox';
import { NoMatches } from '../../ui/NoMatches';
import { TableHead, type TableColumn } from '../../ui/TableHead';

const FLEET_COLUMNS: readonly TableColumn[] = [
  { label: 'Host', width: '9%' },
  { label: 'Address', width: '11%' },
  { label: 'OS', width: '15%' },
  { label: 'Roles', width: '12%' },
  { label: 'Services', width: '18%' },
  { label: 'Findings', width: '13%' },
  { label: 'Last scan', width: '9%' },
  { label: 'Status', width: '13%' },
];

const keyOf = (r: FleetRow) => r.host;

function matches(r: FleetRow, terms: string[]): boolean {
  const text = [r.host, r.address, r.os ?? '', r.status ?? 'not checked', ...r.roles, ...r.services, ...r.tags, ...r.groups]
    .join('\n')
    .toLowerCase();
  return terms.every((t) => text.includes(t));
}

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function FleetScreen() {
  const s = useStore(
    useShallow((st) => ({
      fleet: st.fleet,
      loaded: st.fleetLoaded,
      error: st.fleetError,
      query: st.fleetQuery,
      selected: st.selectedFleetHost,
      running: isRunning(st.check),
    })),
  );
  const { loadFleet, setQuery, select, openHost, go, newCheck } = useStore(
    useShallow((st) => ({
      loadFleet: st.loadFleet,
      setQuery: st.setFleetQuery,
      select: st.selectFleetHost,
      openHost: st.openHost,
      go: st.go,
      newCheck: st.newCheck,
    })),
  );
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void loadFleet();
  }, [loadFleet]);

  const visible = useMemo(() => {
    const terms = s.query.toLowerCase().split(/\s+/).filter(Boolean);
    return s.fleet.filter((r) => matches(r, terms)).sort((a, b) => byName.compare(a.host, b.host));
  }, [s.fleet, s.query]);
  const { rowProps, focusSelected } = useRowNavigation({
    items: visible,
    keyOf,
    selected: s.selected,
    onSelect: select,
    onActivate: (r) => openHost(r.host),
  });

  useHotkeys({
    '/': () => search.current?.focus(),
    ArrowDown: () => focusSelected(),
    ArrowUp: () => focusSelected(),
  });

  const checked = s.fleet.filter((r) => r.lastScan !== null).length;
  const toCheck = () => {
    newCheck();
    go('check');
  };

  return (
    <section className="screen" data-testid="fleet-screen">
      <ScreenHeader title="Fleet" count={s.loaded ? `${s.fleet.length} hosts · ${checked} checked` : undefined}>
        {checked > 0 && (
          <SearchBox
            value={s.query}
            onChange={setQuery}
            placeholder="Search hosts, services, OS"
            label="Search the fleet"
            onLeave={focusSelected}
            slashHint
            inputRef={search}
            testId="fleet-search"
          />
        )}
        {s.fleet.length > 0 && (
          <button type="button" className="btn btn-primary" onClick={toCheck} disabled={s.running} data-testid="fleet-check">
            <Icon name="pulse" size={14} />
            Deep check…
          </button>
        )}
      </ScreenHeader>
      <ScreenError message={s.error} />
      {s.loaded && s.fleet.length === 0 && !s.error && (
        <EmptyState
          icon="fleet"
          title="No hosts yet"
          testId="fleet-empty"
          actions={
            <button type="button" className="btn btn-primary" onClick={() => go('hosts')}>
              <Icon name="server" size={14} />
              Add hosts
            </button>
          }
        >
          <p>The fleet overview shows what each host runs once it has been deep-checked. Add the hosts you look after first.</p>
        </EmptyState>
      )}
      {s.loaded && s.fleet.length > 0 && checked === 0 && (
        <EmptyState
          icon="pulse"
          title="No deep check yet"
          testId="fleet-empty"
          actions={
            <button type="button" className="btn btn-primary" onClick={toCheck}>
              <Icon name="pulse" size={14} />
              Run a deep check
            </button>
          }
        >
          <p>
            A deep check signs in to each host over SSH, runs one read-only script and records its OS, services, ports, connections and what
            needs attention. The results show here, one row per host.
          </p>
        </EmptyState>
      )}
      {checked > 0 && visible.length === 0 && (
        <NoMatches action="Clear search" onAction={() => setQuery('')}>
          No hosts match “{s.query}”.
        </NoMatches>
      )}
      {checked > 0 && visible.length > 0 && (
        <div className="table-wrap">
          <table className="data-table fleet-table" data-testid="fleet-table" aria-label="Fleet overview">
            <TableHead columns={FLEET_COLUMNS} />
            <tbody>
              {visible.map((r, i) => (
                <tr key={r.host} {...rowProps(r, i)} onClick={() => openHost(r.host)} data-testid="fleet-row" data-host={r.host}>
                  <td className="cell-name" title={r.host}>
                    {r.host}
                  </td>
                  <td className="mono" title={r.address}>
                    {r.address}
                  </td>
                  <td title={r.os ?? undefined}>{r.os ? shortOs(r.os) : <span className="faint">–</span>}</td>
                  <td title={r.roles.join(', ')}>
                    <div className="cell-chips fleet-roles">
                      {r.roles.length > 0 ? r.roles.map((k) => <KindTag key={k} kind={k} />) : <span className="faint">–</span>}
                    </div>
                  </td>
                  <td title={r.services.join(', ')} data-testid="fleet-services">
                    {r.services.length > 0 ? r.services.join(', ') : <span className="faint">–</span>}
                  </td>
                  <td data-testid="fleet-findings">
                    {r.status && r.status !== 'failed' && <SeverityCounts counts={r.findings} empty="None" />}
                  </td>
                  <td>
                    <RelativeTime iso={r.lastScan} />
                  </td>
                  <td title={r.failure ?? undefined} data-testid="fleet-status">
                    <StatusBadge status={r.status} />
                    {r.failure && <span className="fleet-failure"> · {r.failure}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
