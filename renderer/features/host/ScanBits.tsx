/** Small pieces every scan view shares: status, severity counts, service kind, relative time. */
import { useEffect, useState } from 'react';
import type { ScanStatus, Severity } from '../../../shared/model';
import { Icon } from '../../ui/Icon';
import { absoluteTime, kindIcon, kindLabel, relativeTime, SEVERITIES, SEVERITY_LABEL, STATUS_LABEL } from './scanFormat';
import './scan-bits.css';

/** The current time, refreshed every `everyMs`, so "3 min ago" keeps telling the truth. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs]);
  return now;
}

export function RelativeTime({ iso, empty = 'never' }: { iso: string | null | undefined; empty?: string }) {
  const now = useNow();
  if (!iso) return <span className="faint">{empty}</span>;
  return (
    <time dateTime={iso} title={absoluteTime(iso)}>
      {relativeTime(iso, now)}
    </time>
  );
}

export function StatusBadge({
  status,
  title,
  testId,
}: {
  status: ScanStatus | 'never' | null;
  title?: string | undefined;
  testId?: string;
}) {
  const s = status ?? 'never';
  return (
    <span className={`status-badge status-${s}`} title={title} data-status={s} data-testid={testId}>
      <span className="status-dot" aria-hidden="true" />
      {STATUS_LABEL[s]}
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`sev-badge sev-${severity}`}>{SEVERITY_LABEL[severity]}</span>;
}

/** "1 High  2 Medium": only the severities that occur; a calm dash when there is nothing. */
export function SeverityCounts({ counts, empty = '–' }: { counts: Partial<Record<Severity, number>>; empty?: string }) {
  const present = SEVERITIES.filter((s) => (counts[s] ?? 0) > 0);
  if (present.length === 0) return <span className="faint">{empty}</span>;
  const title = present.map((s) => `${counts[s]} ${SEVERITY_LABEL[s].toLowerCase()}`).join(', ');
  return (
    <span className="sev-counts" title={title}>
      {present.map((s) => (
        <span key={s} className={`sev-count sev-${s}`} data-severity={s}>
          {counts[s]} {SEVERITY_LABEL[s].toLowerCase()}
        </span>
      ))}
    </span>
  );
}

export function KindTag({ kind, showLabel = true }: { kind: string; showLabel?: boolean }) {
  return (
    <span className={`kind-tag kind-${kind}`} title={kindLabel(kind)}>
      <Icon name={kindIcon(kind)} size={13} />
      {showLabel && <span>{kindLabel(kind)}</span>}
    </span>
  );
}

/** A thin usage bar: accent below 80 %, warning from 80 %, danger from 90 %. */
export function UsageBar({ percent, label }: { percent: number; label?: string }) {
  const p = Math.max(0, Math.min(100, percent));
  const level = p >= 90 ? 'danger' : p >= 80 ? 'warn' : 'ok';
  return (
    <span className="usage" title={label ?? `${Math.round(p)} %`}>
      <span className="usage-track" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(p)} aria-label={label}>
        <span className={`usage-fill usage-${level}`} style={{ width: `${p}%` }} />
      </span>
      <span className="usage-text">{Math.round(p)} %</span>
    </span>
  );
}
