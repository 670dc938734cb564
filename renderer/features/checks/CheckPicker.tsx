/**
 * Which hosts to check: a tick per host, or a whole tag or group at once, or all. The list shows
 * each host's last result so "check the ones that failed" is a glance, not a guess. Space or
 * Enter ticks the row under the cursor; / searches.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FleetRow } from '../../../shared/contract/checks';
import type { Host } from '../../../shared/model';
import { useStore } from '../../app/store';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { useHotkeys } from '../../ui/useHotkeys';
import { useRowNavigation } from '../../ui/useRowNavigation';
import { filterHosts, tagCounts } from '../hosts/filterHosts';
import { formatAddress } from '../hosts/hostFormat';
import { RelativeTime, SeverityCounts, StatusBadge } from '../host/ScanBits';
import { isRunning, selectedHosts } from './checksSlice';
import { SearchBox } from '../../ui/SearchBox';
import { NoMatches } from '../../ui/NoMatches';
import { TableHead } from '../../ui/TableHead';

const keyOf = (h: Host) => h.name;

export function CheckPicker() {
  const s = useStore(
    useShallow((st) => ({
      hosts: st.hosts,
      hostsLoaded: st.hostsLoaded,
      groups: st.groups,
      fleet: st.fleet,
      fleetLoaded: st.fleetLoaded,
      checkSelection: st.checkSelection,
      trustNewKeys: st.trustNewKeys,
      running: isRunning(st.check),
      hasRun: st.check !== null,
    })),
  );
  const { setCheckSelection, toggleCheckHost, setTrustNewKeys, setCheckPicking, startCheck, loadFleet, go } = useStore(
    useShallow((st) => ({
      setCheckPicking: st.setCheckPicking,
      setCheckSelection: st.setCheckSelection,
      toggleCheckHost: st.toggleCheckHost,
      setTrustNewKeys: st.setTrustNewKeys,
      startCheck: st.startCheck,
      loadFleet: st.loadFleet,
      go: st.go,
    })),
  );
  const selected = useMemo(() => selectedHosts({ hosts: s.hosts, checkSelection: s.checkSelection }), [s.hosts, s.checkSelection]);
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!s.fleetLoaded) void loadFleet();
  }, [s.fleetLoaded, loadFleet]);

  const visible = useMemo(() => filterHosts(s.hosts, { query, tag: null, group: null }), [s.hosts, query]);
  const lastScan = useMemo(() => new Map<string, FleetRow>(s.fleet.map((r) => [r.host, r])), [s.fleet]);
  const picked = new Set(selected);
  const tags = tagCounts(s.hosts);
  const { rowProps, focusSelected } = useRowNavigation({
    items: visible,
    keyOf,
    selected: cursor,
    onSelect: setCursor,
    onActivate: (h) => toggleCheckHost(h.name),
    onToggle: (h) => toggleCheckHost(h.name),
  });

  const run = () => {
    if (selected.length > 0 && !s.running) void startCheck(selected);
  };

  useHotkeys({
    '/': () => search.current?.focus(),
    ArrowDown: () => focusSelected(),
    ArrowUp: () => focusSelected(),
    'mod+Enter': run,
  });

  const selectWhere = (pred: (h: Host) => boolean) => setCheckSelection(s.hosts.filter(pred).map((h) => h.name));
  const allVisiblePicked = visible.length > 0 && visible.every((h) => picked.has(h.name));

  if (s.hostsLoaded && s.hosts.length === 0) {
    return (
      <section className="screen" data-testid="check-screen">
        <ScreenHeader title="Deep check" />
        <EmptyState
          icon="pulse"
          title="Nothing to check yet"
          testId="check-empty"
          actions={
            <button type="button" className="btn btn-primary" onClick={() => go('hosts')}>
              <Icon name="server" size={14} />
              Add hosts
            </button>
          }
        >
          <p>
            A deep check signs in to each host over SSH, runs one read-only script and records what really runs there: services, ports,
            connections, packages, users, certificates and what needs attention.
          </p>
        </EmptyState>
      </section>
    );
  }

  return (
    <section className="screen" data-testid="check-screen">
      <ScreenHeader title="Deep check" count={`${selected.length} of ${s.hosts.length} selected`}>
        <SearchBox
          value={query}
          onChange={setQuery}
          placeholder="Search hosts"
          onLeave={focusSelected}
          slashHint
          inputRef={search}
          testId="check-search"
        />
        <select
          className="select filter-select"
          aria-label="Select the hosts with a tag"
          value=""
          onChange={(e) => e.target.value && selectWhere((h) => h.tags.includes(e.target.value))}
          data-testid="check-tag-select"
        >
          <option value="">Select tag…</option>
          {tags.map(([tag, count]) => (
            <option key={tag} value={tag}>
              {tag} ({count})
            </option>
          ))}
        </select>
        <select
          className="select filter-select"
          aria-label="Select the hosts in a group"
          value=""
          onChange={(e) => e.target.value && selectWhere((h) => h.groups.includes(e.target.value))}
          data-testid="check-group-select"
        >
          <option value="">Select group…</option>
          {s.groups.map((g) => (
            <option key={g.name} value={g.name}>
              {g.name} ({g.hostCount})
            </option>
          ))}
        </select>
        {s.hasRun && !s.running && (
          <button type="button" className="btn" onClick={() => setCheckPicking(false)} data-testid="check-last-run">
            Last run
          </button>
        )}
        <button
          type="button"
          className="btn btn-primary"
          onClick={run}
          disabled={selected.length === 0 || s.running}
          title={s.running ? 'A deep check is running' : 'Run the deep check (Ctrl+Enter)'}
          data-testid="check-run"
        >
          <Icon name="pulse" size={14} />
          {selected.length === s.hosts.length ? 'Check all hosts' : `Check ${selected.length} ${selected.length === 1 ? 'host' : 'hosts'}`}
        </button>
      </ScreenHeader>
      <div className="check-bar">
        <button type="button" className="btn btn-sm" onClick={() => selectWhere(() => true)} data-testid="check-select-all">
          Select all
        </button>
        <button type="button" className="btn btn-sm" onClick={() => setCheckSelection([])} data-testid="check-select-none">
          Select none
        </button>
        <span className="spacer" />
        <label className="check-option" title="Like ssh's StrictHostKeyChecking=accept-new. A changed key is always refused.">
          <input
            type="checkbox"
            checked={s.trustNewKeys}
            onChange={(e) => setTrustNewKeys(e.target.checked)}
            data-testid="check-accept-new"
          />
          Trust new host keys without asking
        </label>
      </div>
      {visible.length === 0 ? (
        <NoMatches action="Clear search" onAction={() => setQuery('')}>
          No hosts match “{query}”.
        </NoMatches>
      ) : (
        <div className="table-wrap">
          <table className="data-table check-table" data-testid="check-picker" aria-label="Hosts to check">
            <TableHead
              columns={[
                {
                  width: '40px',
                  label: (
                    <input
                      type="checkbox"
                      aria-label={allVisiblePicked ? 'Untick the hosts shown' : 'Tick the hosts shown'}
                      checked={allVisiblePicked}
                      onChange={() => {
                        const names = new Set(visible.map((h) => h.name));
                        setCheckSelection(allVisiblePicked ? selected.filter((n) => !names.has(n)) : [...new Set([...selected, ...names])]);
                      }}
                    />
                  ),
                },
                { label: 'Name', width: '15%' },
                { label: 'Address', width: '16%' },
                { label: 'Tags', width: '18%' },
                { label: 'Groups', width: '14%' },
                { label: 'Last check', width: '12%' },
                { label: 'Result', width: '11%' },
                { label: 'Findings' },
              ]}
            />
            <tbody>
              {visible.map((h, i) => {
                const row = rowProps(h, i);
                const last = lastScan.get(h.name);
                const on = picked.has(h.name);
                return (
                  <tr
                    key={h.id}
                    {...row}
                    onClick={() => {
                      setCursor(h.name);
                      toggleCheckHost(h.name);
                    }}
                    onDoubleClick={undefined}
                    data-testid="check-host-row"
                    data-host={h.name}
                    data-checked={on || undefined}
                  >
                    <td className="cell-check">
                      <input
                        type="checkbox"
                        tabIndex={-1}
                        checked={on}
                        aria-label={`Check ${h.name}`}
                        onClick={(e) => e.stopPropagation()}
                        onChange={() => toggleCheckHost(h.name)}
                        data-testid="check-host-toggle"
                      />
                    </td>
                    <td className="cell-name" title={h.name}>
                      {h.name}
                    </td>
                    <td className="mono" title={formatAddress(h)}>
                      {h.address}
                      <span className="faint">:{h.port}</span>
                    </td>
                    <td title={h.tags.join(', ')}>
                      <div className="cell-chips">
                        {h.tags.map((t) => (
                          <span key={t} className="chip">
                            {t}
                          </span>
                        ))}
                      </div>
                    </td>
                    <td title={h.groups.join(', ')}>
                      <div className="cell-chips">
                        {h.groups.map((g) => (
                          <span key={g} className="chip chip-group">
                            {g}
                          </span>
                        ))}
                      </div>
                    </td>
                    <td>
                      <RelativeTime iso={last?.lastScan} />
                    </td>
                    <td>{last?.status ? <StatusBadge status={last.status} title={last.failure ?? undefined} /> : null}</td>
                    <td>{last?.status ? <SeverityCounts counts={last.findings} /> : null}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
