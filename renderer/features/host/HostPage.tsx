/**
 * One host as the deep check found it: a header with its status, freshness and "Deep check again",
 * a one-line system summary, then tabs. Actions that need a live session (terminal, map) join the
 * header's tools when those features exist.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { HostScan } from '../../../shared/model';
import { useStore } from '../../app/store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { isRunning } from '../checks/checksSlice';
import { ConnectionsTab } from './ConnectionsTab';
import { DriftTab } from './DriftTab';
import { FindingsTab } from './FindingsTab';
import { HistoryTab } from './HistoryTab';
import { HOST_TABS, shownScan, type HostPageData, type HostTab } from './hostPageSlice';
import { CertificatesTab, CronTab, PackagesTab, UsersTab } from './InventoryTabs';
import { OverviewTab } from './OverviewTab';
import { Quiet } from './parts';
import { RelativeTime, StatusBadge } from './ScanBits';
import { absoluteTime, endpoint, FAILURE_LABEL, formatBytes, formatUptime, PHASE_LABEL } from './scanFormat';
import { ServicesTab } from './ServicesTab';
import './host.css';
import { OpenTerminalButton } from '../terminals/openTerminal';
import { ScreenError } from '../../ui/ScreenError';

const TAB_LABEL: Record<HostTab, string> = {
  overview: 'Overview',
  services: 'Services',
  connections: 'Connections',
  findings: 'Findings',
  drift: 'Drift',
  packages: 'Packages',
  users: 'Users',
  cron: 'Cron',
  certificates: 'Certificates',
  history: 'History',
};

function tabCount(tab: HostTab, scan: HostScan | null, data: HostPageData): number | null {
  const f = scan?.facts;
  switch (tab) {
    case 'overview':
      return null;
    case 'services':
      return scan ? scan.services.length : null;
    case 'connections':
      return scan ? scan.edges.length : null;
    case 'findings':
      return scan ? scan.findings.length : null;
    case 'drift':
      return data.drift ? data.drift.changes.length : null;
    case 'packages':
      return f ? f.packages.items.length : null;
    case 'users':
      return f ? f.users.filter((u) => u.canLogin).length : null;
    case 'cron':
      return f ? f.cron.length + f.timers.length : null;
    case 'certificates':
      return f ? f.certificates.length : null;
    case 'history':
      return data.history.length;
  }
}

function Tabs({ scan, data }: { scan: HostScan | null; data: HostPageData }) {
  const { tab, setTab } = useStore(useShallow((s) => ({ tab: s.hostTab, setTab: s.setHostTab })));
  const refs = useRef(new Map<HostTab, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = HOST_TABS.indexOf(tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: HOST_TABS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const t = HOST_TABS[(next + HOST_TABS.length) % HOST_TABS.length]!;
    setTab(t);
    refs.current.get(t)?.focus();
  };
  return (
    <div className="host-tabs" role="tablist" aria-label="Host details" onKeyDown={onKeyDown}>
      {HOST_TABS.map((t) => {
        const count = tabCount(t, scan, data);
        const alert = t === 'findings' && scan?.findings.some((f) => f.severity === 'critical' || f.severity === 'high');
        return (
          <button
            key={t}
            ref={(el) => {
              if (el) refs.current.set(t, el);
              else refs.current.delete(t);
            }}
            type="button"
            role="tab"
            id={`host-tab-${t}`}
            aria-selected={tab === t}
            aria-controls="host-panel"
            tabIndex={tab === t ? 0 : -1}
            className="host-tab"
            onClick={() => setTab(t)}
            data-testid={`host-tab-${t}`}
          >
            {TAB_LABEL[t]}
            {count !== null && count > 0 && <span className={`host-tab-count ${alert ? 'host-tab-alert' : ''}`}>{count}</span>}
          </button>
        );
      })}
    </div>
  );
}

/** Debian GNU/Linux 12 (bookworm) · 6.1.0 · kvm · 4 CPU · 7.7 GiB · up 12 d */
function SystemLine({ scan }: { scan: HostScan }) {
  const f = scan.facts;
  if (!f) return null;
  const parts = [
    f.os.prettyName || `${f.os.name} ${f.os.version}`,
    f.os.kernel,
    f.os.virtualization,
    `${f.hardware.cpuCount} CPU`,
    `${formatBytes(f.hardware.memTotalBytes)} RAM`,
    f.uptime ? `up ${formatUptime(f.uptime.seconds)}` : null,
  ].filter((p): p is string => Boolean(p));
  return (
    <div className="host-system-line" data-testid="host-system-line">
      {parts.map((p, i) => (
        <span key={i}>{p}</span>
      ))}
    </div>
  );
}

function Recheck({ name, checked }: { name: string; checked: boolean }) {
  const { check, startCheck } = useStore(useShallow((s) => ({ check: s.check, startCheck: s.startCheck })));
  const row = check?.state === 'running' ? check.rows[name] : undefined;
  const busyElsewhere = isRunning(check) && !row;
  if (row) {
    return (
      <span className="host-rechecking" data-testid="host-rechecking">
        <span className="spinner" />
        {PHASE_LABEL[row.phase]}…
      </span>
    );
  }
  return (
    <button
      type="button"
      className="btn btn-primary"
      onClick={() => void startCheck([name])}
      disabled={busyElsewhere}
      title={busyElsewhere ? 'Another deep check is running' : 'Connect and collect this host’s facts again'}
      data-testid="host-recheck"
    >
      <Icon name={checked ? 'refresh' : 'pulse'} size={14} />
      {checked ? 'Deep check again' : 'Deep check'}
    </button>
  );
}

function TabPanel({ tab, scan, data }: { tab: HostTab; scan: HostScan; data: HostPageData }) {
  const f = scan.facts;
  const notCollected = <Quiet>This scan has no facts: the host could not be checked.</Quiet>;
  switch (tab) {
    case 'overview':
      return <OverviewTab scan={scan} data={data} />;
    case 'services':
      return <ServicesTab scan={scan} />;
    case 'connections':
      return <ConnectionsTab scan={scan} />;
    case 'findings':
      return <FindingsTab scan={scan} />;
    case 'drift':
      return <DriftTab drift={data.drift} scans={data.history.filter((h) => h.status !== 'failed').length} />;
    case 'packages':
      return f ? <PackagesTab facts={f} /> : notCollected;
    case 'users':
      return f ? <UsersTab facts={f} /> : notCollected;
    case 'cron':
      return f ? <CronTab facts={f} /> : notCollected;
    case 'certificates':
      return f ? <CertificatesTab facts={f} /> : notCollected;
    case 'history':
      return <HistoryTab data={data} />;
  }
}

function Banners({ scan, data }: { scan: HostScan; data: HostPageData }) {
  const { viewScan, forgetHostKey } = useStore(useShallow((s) => ({ viewScan: s.viewScan, forgetHostKey: s.forgetHostKey })));
  const [forgetting, setForgetting] = useState(false);
  const lastGood = data.history.find((h) => h.status !== 'failed');
  return (
    <>
      {data.viewing && (
        <div className="host-banner host-banner-info" data-testid="viewing-old-scan">
          <Icon name="refresh" size={14} />
          <span>
            Showing the scan of <strong>{absoluteTime(scan.startedAt)}</strong>, not the latest.
          </span>
          <button type="button" className="btn btn-sm" onClick={() => void viewScan(null)}>
            Show latest
          </button>
        </div>
      )}
      {scan.failure && (
        <div className="host-banner host-banner-error" role="alert" data-testid="host-failure">
          <Icon name="alert" size={14} />
          <span>
            <strong>{FAILURE_LABEL[scan.failure.code]}.</strong> {scan.failure.message}
          </span>
          {scan.failure.code === 'HOST_KEY_CHANGED' && !data.viewing && (
            <button type="button" className="btn btn-sm" onClick={() => setForgetting(true)} data-testid="forget-host-key">
              Forget the stored key…
            </button>
          )}
          {!data.viewing && lastGood && (
            <button type="button" className="btn btn-sm" onClick={() => void viewScan(lastGood.id)}>
              Show the last good scan
            </button>
          )}
        </div>
      )}
      {scan.status === 'partial' && scan.notes.length > 0 && (
        <div className="host-banner host-banner-warn" data-testid="host-partial">
          <Icon name="alert" size={14} />
          <span>
            <strong>Partial scan.</strong> {scan.notes.join(' · ')}
          </span>
        </div>
      )}
      {forgetting && (
        <ConfirmDialog
          title="Forget the stored host key?"
          confirmLabel="Forget key"
          testId="forget-key-dialog"
          onClose={() => setForgetting(false)}
          onConfirm={forgetHostKey}
        >
          <p>
            The server at{' '}
            <span className="mono">{data.hostKeys[0] ? endpoint(data.hostKeys[0].host, data.hostKeys[0].port) : data.name}</span> now
            presents a different key. Do this only after confirming the host was reinstalled or its key rotated; the next deep check then
            asks you to trust the new key.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

export function HostPage() {
  const s = useStore(
    useShallow((st) => ({
      name: st.hostPage,
      data: st.hostData,
      loading: st.hostLoading,
      error: st.hostError,
      tab: st.hostTab,
      origin: st.hostOrigin,
      trail: st.hostTrail,
      host: st.hosts.find((h) => h.name === st.hostPage),
    })),
  );
  const { back, go, load, startCheck } = useStore(
    useShallow((st) => ({ back: st.backFromHost, go: st.go, load: st.loadHostPage, startCheck: st.startCheck })),
  );

  // After a lock the page has no host; a fresh mount (coming back to it) reloads.
  useEffect(() => {
    if (!s.name) go('fleet');
    else if (!useStore.getState().hostData && !useStore.getState().hostLoading) void load();
  }, [s.name, go, load]);

  if (!s.name) return null;
  const scan = s.data ? shownScan(s.data) : null;
  const previous = s.trail.length > 1 ? s.trail[s.trail.length - 2] : null;
  const backLabel = previous ?? { fleet: 'Fleet', hosts: 'Hosts', check: 'Deep check' }[s.origin as string] ?? 'Back';

  return (
    <section className="screen host-page" data-testid="host-page" data-host={s.name}>
      <header className="screen-header host-header">
        <button
          type="button"
          className="btn btn-ghost btn-sm host-back"
          onClick={back}
          title={`Back to ${backLabel}`}
          data-testid="host-back"
        >
          <Icon name="back" size={14} />
          {backLabel}
        </button>
        <h1>{s.name}</h1>
        {s.host && <span className="mono faint">{endpoint(s.host.address, s.host.port)}</span>}
        {s.data && <StatusBadge status={s.data.latest?.status ?? 'never'} title={s.data.latest?.failure?.message} testId="host-status" />}
        {s.data?.latest && (
          <span className="faint host-checked">
            checked <RelativeTime iso={s.data.latest.startedAt} />
          </span>
        )}
        <div className="screen-tools">
          <OpenTerminalButton host={s.name} variant="regular" />
          <Recheck name={s.name} checked={Boolean(s.data?.latest)} />
        </div>
      </header>
      <ScreenError message={s.error} testId="host-error" />
      {!s.data && s.loading && <div className="host-loading faint">Loading…</div>}
      {s.data && !scan && (
        <EmptyState
          icon="pulse"
          title="Not checked yet"
          testId="host-never-checked"
          actions={
            <button type="button" className="btn btn-primary" onClick={() => void startCheck([s.name!])}>
              <Icon name="pulse" size={14} />
              Run a deep check
            </button>
          }
        >
          <p>A deep check of {s.name} shows its system, services, listening ports, connections to other hosts and what needs attention.</p>
        </EmptyState>
      )}
      {s.data && scan && (
        <>
          <SystemLine scan={scan} />
          <Tabs scan={scan} data={s.data} />
          <div className="host-content" id="host-panel" role="tabpanel" aria-labelledby={`host-tab-${s.tab}`}>
            <Banners scan={scan} data={s.data} />
            <TabPanel tab={s.tab} scan={scan} data={s.data} />
          </div>
        </>
      )}
    </section>
  );
}
