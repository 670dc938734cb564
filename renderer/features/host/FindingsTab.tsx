/** What needs attention, worst first, each with the evidence a person can verify on the host. */
import type { HostScan } from '../../../shared/model';
import { Quiet } from './parts';
import { SeverityBadge } from './ScanBits';
import { severityRank } from './scanFormat';

export function FindingsTab({ scan }: { scan: HostScan }) {
  const findings = [...scan.findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.title.localeCompare(b.title));
  if (findings.length === 0) {
    return (
      <Quiet testId="no-findings">
        Nothing needs attention. The deep check looks at disk and inode usage, failed units, certificates expiring within 30 days, SSH
        password and root login, pending (security) updates, and internal services listening on every address.
      </Quiet>
    );
  }
  return (
    <ul className="finding-list" data-testid="host-findings">
      {findings.map((f, i) => (
        <li
          key={`${f.code}-${f.subject}-${i}`}
          className={`finding finding-${f.severity}`}
          data-testid="finding"
          data-severity={f.severity}
        >
          <div className="finding-head">
            <SeverityBadge severity={f.severity} />
            <span className="finding-title">{f.title}</span>
            <span className="spacer" />
            <span className="mono faint finding-subject" title={f.subject}>
              {f.subject}
            </span>
          </div>
          {f.evidence.length > 0 && (
            <pre className="finding-evidence" data-testid="finding-evidence">
              {f.evidence.join('\n')}
            </pre>
          )}
        </li>
      ))}
    </ul>
  );
}
