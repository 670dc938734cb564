/** Every stored scan of the host, newest first; picking one shows the page as it was then. */
import { useStore } from '../../app/store';
import { shownScanId, type HostPageData } from './hostPageSlice';
import { Quiet, Section } from './parts';
import { RelativeTime, StatusBadge } from './ScanBits';
import { absoluteTime } from './scanFormat';
import { TableHead, type TableColumn } from '../../ui/TableHead';

const HISTORY_COLUMNS: readonly TableColumn[] = [
  { label: 'Started', width: '28%' },
  { width: '16%' },
  { label: 'Status', width: '14%' },
  { label: 'Run' },
  { width: '120px' },
];

export function HistoryTab({ data }: { data: HostPageData }) {
  const viewScan = useStore((s) => s.viewScan);
  const shown = shownScanId(data);
  if (data.history.length === 0) return <Quiet>No scans yet.</Quiet>;
  return (
    <Section title="Scans" count={data.history.length} testId="host-history">
      <table className="data-table host-table history-table">
        <TableHead columns={HISTORY_COLUMNS} />
        <tbody>
          {data.history.map((h, i) => (
            <tr key={h.id} aria-selected={h.id === shown} data-testid="history-row">
              <td>{absoluteTime(h.startedAt)}</td>
              <td className="muted">
                <RelativeTime iso={h.startedAt} />
              </td>
              <td>
                <StatusBadge status={h.status} />
              </td>
              <td className="mono faint" title={h.runId}>
                {h.runId.slice(0, 8)}
              </td>
              <td className="cell-actions">
                {h.id === shown ? (
                  <span className="faint">Showing</span>
                ) : (
                  <button
                    type="button"
                    className="btn btn-sm"
                    onClick={() => void viewScan(i === 0 ? null : h.id)}
                    data-testid="history-view"
                  >
                    {i === 0 ? 'Show latest' : 'Show this scan'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
