/** What changed between the host's last two usable scans, grouped by what it is about. */
import type { Drift, DriftCategory, DriftChange } from '../../../shared/model';
import { Quiet, Section } from './parts';
import { RelativeTime } from './ScanBits';
import { absoluteTime, plural } from './scanFormat';

const CATEGORIES: { id: DriftCategory; title: string }[] = [
  { id: 'service', title: 'Services' },
  { id: 'port', title: 'Ports' },
  { id: 'edge', title: 'Connections' },
  { id: 'package', title: 'Packages' },
  { id: 'user', title: 'Users' },
  { id: 'sudo', title: 'Sudo rules' },
  { id: 'certificate', title: 'Certificates' },
  { id: 'os', title: 'System' },
];

const MARK: Record<DriftChange['change'], { sign: string; label: string }> = {
  added: { sign: '+', label: 'added' },
  removed: { sign: '−', label: 'removed' },
  changed: { sign: '~', label: 'changed' },
};

export function DriftTab({ drift, scans }: { drift: Drift | null; scans: number }) {
  if (!drift) {
    return (
      <Quiet testId="no-drift">
        {scans < 2
          ? 'Drift shows after the next deep check: it compares the host’s two latest scans (packages, services, ports, connections, users, sudo rules, certificates).'
          : 'No two usable scans to compare yet (failed checks are skipped).'}
      </Quiet>
    );
  }
  const span = (
    <>
      between <time title={absoluteTime(drift.from)}>{absoluteTime(drift.from)}</time> and{' '}
      <time title={absoluteTime(drift.to)}>{absoluteTime(drift.to)}</time> (<RelativeTime iso={drift.to} />)
    </>
  );
  if (drift.changes.length === 0) {
    return (
      <Quiet testId="no-drift">
        <span>No changes {span}.</span>
      </Quiet>
    );
  }
  return (
    <div className="host-stack" data-testid="host-drift">
      <p className="drift-intro">
        {plural(drift.changes.length, 'change')} {span}.
      </p>
      {CATEGORIES.map(({ id, title }) => {
        const changes = drift.changes.filter((c) => c.category === id);
        if (changes.length === 0) return null;
        return (
          <Section key={id} title={title} count={changes.length} testId={`drift-${id}`}>
            <ul className="drift-list">
              {changes.map((c, i) => (
                <li
                  key={`${c.subject}-${i}`}
                  className={`drift-change drift-${c.change}`}
                  data-testid="drift-change"
                  data-category={c.category}
                >
                  <span className="drift-mark" title={MARK[c.change].label} aria-label={MARK[c.change].label}>
                    {MARK[c.change].sign}
                  </span>
                  <span className="drift-summary">{c.summary}</span>
                  {c.change === 'changed' && (c.before !== null || c.after !== null) && (
                    <span className="drift-values mono">
                      {c.before !== null && <span className="drift-before">{c.before}</span>}
                      {c.before !== null && c.after !== null && <span className="faint"> → </span>}
                      {c.after !== null && <span className="drift-after">{c.after}</span>}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </Section>
        );
      })}
    </div>
  );
}
