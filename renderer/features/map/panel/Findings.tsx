/** A host's findings from its newest scan, worst first; the counts from the map while it loads. */
import type { MapHost } from '../../../../shared/contract/checks';
import type { HostScan } from '../../../../shared/model';
import { SeverityBadge, SeverityCounts } from '../../host/ScanBits';
import { severityRank } from '../../host/scanFormat';
import { PanelBlock } from './PanelParts';

const SHOWN = 8;

export function Findings({ host, scan }: { host: MapHost; scan: HostScan | null }) {
  const total = Object.values(host.findings).reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const list = scan ? [...scan.findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity)) : [];
  return (
    <PanelBlock title="Findings" count={<SeverityCounts counts={host.findings} />} testId="map-findings">
      {list.length > 0 && (
        <ul className="map-findings">
          {list.slice(0, SHOWN).map((f) => (
            <li key={`${f.code}:${f.subject}`} title={f.evidence.join('\n')}>
              <SeverityBadge severity={f.severity} />
              <span>{f.title}</span>
            </li>
          ))}
          {list.length > SHOWN && <li className="map-panel-quiet">and {list.length - SHOWN} more on the host page</li>}
        </ul>
      )}
    </PanelBlock>
  );
}
