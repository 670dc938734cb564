/**
 * A run in flight or just finished: a summary line with overall progress, then one row per host
 * with its phase, result and what was found (or why it failed). Rows of finished hosts open the
 * host page. A host waiting on a host-key question says so, since it will not move until answered.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DeepCheckPhase } from '../../../shared/model';
import { useStore } from '../../app/store';
import { Icon } from '../../ui/Icon';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { useRowNavigation } from '../../ui/useRowNavigation';
import { StatusBadge, useNow } from '../host/ScanBits';
import { endpoint, FAILURE_LABEL, formatDuration, PHASE_LABEL, plural } from '../host/scanFormat';
import type { ActiveCheck, CheckRow } from './checksSlice';
import { TableHead, type TableColumn } from '../../ui/TableHead';

const PROGRESS_COLUMNS: readonly TableColumn[] = [
  { label: 'Host', width: '13%' },
  { label: 'Address', width: '14%' },
  { label: 'Progress', width: '24%' },
  { label: 'Result', width: '11%' },
  { label: 'Details' },
  { label: 'Time', width: '8%', className: 'num' },
  { srLabel: 'Open', width: '44px' },
];

const STEPS: DeepCheckPhase[] = ['connecting', 'running', 'parsing', 'done'];

function PhaseSteps({ row, waitingForKey }: { row: CheckRow; waitingForKey: boolean }) {
  const reached = row.phase === 'queued' ? 0 : STEPS.indexOf(row.phase) + 1;
  const tone = row.phase === 'done' ? `done-${row.status ?? 'failed'}` : 'active';
  const label = waitingForKey ? 'Waiting for host key' : PHASE_LABEL[row.phase];
  return (
    <span className={`phase phase-${tone}`} data-testid="check-phase">
      <span className="phase-steps" aria-hidden="true">
        {STEPS.map((step, i) => (
          <span
            key={step}
            className={`phase-step ${i < reached ? 'reached' : ''} ${i === reached - 1 && row.phase !== 'done' ? 'current' : ''}`}
          />
        ))}
      </span>
      <span className={`phase-label ${waitingForKey ? 'phase-waiting' : ''}`}>{label}</span>
    </span>
  );
}

function details(row: CheckRow): { text: string; tone: 'muted' | 'error' | 'warn' } {
  const r = row.result;
  if (r?.failure) return { text: r.failure.message, tone: 'error' };
  if (row.phase === 'done' && row.status === 'failed') return { text: row.message ?? 'Failed', tone: 'error' };
  if (r) {
    const found = `${plural(r.services, 'service')} · ${plural(r.findings, 'finding')}`;
    return r.notes.length > 0 ? { text: `${found} · ${r.notes.join('; ')}`, tone: 'warn' } : { text: found, tone: 'muted' };
  }
  return { text: row.message ?? '', tone: row.status === 'partial' ? 'warn' : 'muted' };
}

function Summary({ check }: { check: ActiveCheck }) {
  const now = useNow(check.state === 'running' ? 250 : 60_000);
  const rows = check.hosts.map((h) => check.rows[h]).filter((r): r is CheckRow => r !== undefined);
  const done = rows.filter((r) => r.phase === 'done').length;
  const count = (status: string) => rows.filter((r) => r.phase === 'done' && r.status === status).length;
  const elapsed = (check.finishedAt ?? now) - check.startedAt;
  const percent = rows.length === 0 ? 0 : (done / rows.length) * 100;

  let headline: string;
  if (check.state === 'running') headline = check.cancelling ? 'Cancelling…' : `Checking ${plural(rows.length, 'host')}…`;
  else if (check.state === 'error') headline = 'The deep check could not run';
  else if (check.cancelled) headline = 'Cancelled';
  else headline = count('failed') === 0 && count('partial') === 0 ? 'Every host checked' : 'Deep check finished';

  // done (all fine), warn (some partial or failed), error (the run itself failed), cancelled.
  const tone =
    check.state === 'running'
      ? 'running'
      : check.state === 'error'
        ? 'error'
        : check.cancelled
          ? 'cancelled'
          : count('failed') + count('partial') > 0
            ? 'warn'
            : 'done';

  return (
    <div className={`check-summary check-summary-${tone}`} data-testid="check-summary" data-state={check.state}>
      <div className="check-summary-line">
        {check.state === 'running' ? <span className="spinner" /> : <Icon name={tone === 'done' ? 'check' : 'alert'} size={16} />}
        <strong>{headline}</strong>
        <span className="muted">
          {done} of {rows.length} done · {formatDuration(elapsed)}
        </span>
        <span className="spacer" />
        <span className="check-counts">
          <StatusBadge status="ok" />
          <span data-testid="count-ok">{count('ok')}</span>
          <StatusBadge status="partial" />
          <span data-testid="count-partial">{count('partial')}</span>
          <StatusBadge status="failed" />
          <span data-testid="count-failed">{count('failed')}</span>
        </span>
      </div>
      <div className="check-progress" role="progressbar" aria-valuemin={0} aria-valuemax={rows.length} aria-valuenow={done}>
        <span style={{ width: `${percent}%` }} />
      </div>
      {check.error && (
        <div className="banner-error" role="alert">
          <Icon name="alert" />
          <span>{check.error}</span>
        </div>
      )}
    </div>
  );
}

const keyOf = (r: CheckRow) => r.host;

export function CheckRunView() {
  const { check, hosts, questions, selectedFleetHost } = useStore(
    useShallow((s) => ({ check: s.check, hosts: s.hosts, questions: s.hostKeyQuestions, selectedFleetHost: s.selectedFleetHost })),
  );
  const { cancelCheck, newCheck, startCheck, openHost, go, selectFleetHost } = useStore(
    useShallow((s) => ({
      cancelCheck: s.cancelCheck,
      newCheck: s.newCheck,
      startCheck: s.startCheck,
      openHost: s.openHost,
      go: s.go,
      selectFleetHost: s.selectFleetHost,
    })),
  );
  const rows = useMemo(() => (check ? check.hosts.map((h) => check.rows[h]).filter((r): r is CheckRow => r !== undefined) : []), [check]);
  const waiting = useMemo(() => {
    const addresses = new Set(questions.map((q) => `${q.host}:${q.port}`));
    return new Set(hosts.filter((h) => addresses.has(`${h.address}:${h.port}`)).map((h) => h.name));
  }, [questions, hosts]);
  const addressOf = useMemo(() => new Map(hosts.map((h) => [h.name, endpoint(h.address, h.port)])), [hosts]);
  const { rowProps } = useRowNavigation({
    items: rows,
    keyOf,
    selected: selectedFleetHost,
    onSelect: selectFleetHost,
    onActivate: (r) => openHost(r.host),
  });

  if (!check) return null;
  const running = check.state === 'running';

  return (
    <section className="screen" data-testid="check-screen">
      <ScreenHeader title="Deep check" count={plural(check.hosts.length, 'host')}>
        {running ? (
          <button
            type="button"
            className="btn"
            onClick={() => void cancelCheck()}
            disabled={!check.runId || check.cancelling}
            title="Stop the check; hosts not finished yet fail"
            data-testid="check-cancel"
          >
            <Icon name="stop" size={14} />
            Cancel
          </button>
        ) : (
          <>
            <button type="button" className="btn" onClick={newCheck} data-testid="check-new">
              <Icon name="back" size={14} />
              Change selection
            </button>
            <button type="button" className="btn" onClick={() => void startCheck(check.hosts)} data-testid="check-again">
              <Icon name="refresh" size={14} />
              Check again
            </button>
            <button type="button" className="btn btn-primary" onClick={() => go('fleet')} data-testid="check-open-fleet">
              <Icon name="fleet" size={14} />
              Fleet overview
            </button>
          </>
        )}
      </ScreenHeader>
      <Summary check={check} />
      <div className="table-wrap">
        <table className="data-table check-table" data-testid="check-progress" aria-label="Deep check progress">
          <TableHead columns={PROGRESS_COLUMNS} />
          <tbody>
            {rows.map((r, i) => {
              const d = details(r);
              const failure = r.result?.failure;
              const finished = r.phase === 'done';
              return (
                <tr
                  key={r.host}
                  {...rowProps(r, i)}
                  onClick={() => finished && openHost(r.host)}
                  className={finished ? 'row-link' : undefined}
                  data-testid="check-row"
                  data-host={r.host}
                  data-phase={r.phase}
                  data-status={r.phase === 'done' ? (r.status ?? 'failed') : undefined}
                >
                  <td className="cell-name">{r.host}</td>
                  <td className="mono">{addressOf.get(r.host)}</td>
                  <td>
                    <PhaseSteps row={r} waitingForKey={!finished && waiting.has(r.host)} />
                  </td>
                  <td>
                    {finished && (
                      <StatusBadge
                        status={r.status ?? 'failed'}
                        title={failure ? FAILURE_LABEL[failure.code] : undefined}
                        testId="check-result"
                      />
                    )}
                  </td>
                  <td className={`check-details check-details-${d.tone}`} title={d.text} data-testid="check-details">
                    {failure && <strong>{FAILURE_LABEL[failure.code]}: </strong>}
                    {d.text}
                  </td>
                  <td className="num muted">{r.result ? formatDuration(r.result.durationMs) : ''}</td>
                  <td className="cell-actions">
                    {finished && (
                      <button
                        type="button"
                        tabIndex={-1}
                        className="btn btn-ghost btn-icon btn-sm"
                        aria-label={`Open ${r.host}`}
                        title="Open the host page (Enter)"
                        onClick={(e) => {
                          e.stopPropagation();
                          openHost(r.host);
                        }}
                      >
                        <Icon name="chevronRight" size={14} />
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
