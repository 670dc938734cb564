/** Recent imports, newest first, each undoable as one step until it has been undone. */
import type { ImportBatch } from '../../../shared/contract/transfer';
import { Icon } from '../../ui/Icon';

const KIND_LABEL: Record<ImportBatch['kind'], string> = {
  'ssh-config': 'SSH config',
  'known-hosts': 'known_hosts',
  ansible: 'Ansible',
  csv: 'CSV',
};

function when(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function ImportHistory({ batches, onUndo }: { batches: ImportBatch[]; onUndo: (b: ImportBatch) => void }) {
  if (batches.length === 0) return null;
  return (
    <div className="import-history" data-testid="import-history">
      <h3>Recent imports</h3>
      <ul>
        {batches.slice(0, 6).map((b) => (
          <li key={b.id} data-testid="history-row" data-undone={b.undoneAt ? true : undefined}>
            <span className="history-kind">{KIND_LABEL[b.kind]}</span>
            <span className="mono history-source" title={b.source}>
              {b.source}
            </span>
            <span className="muted history-counts">
              {b.counts.add} added, {b.counts.update} updated
            </span>
            <span className="faint history-when">{when(b.createdAt)}</span>
            {b.undoneAt ? (
              <span className="faint history-undone">Undone</span>
            ) : (
              <button type="button" className="btn btn-sm" onClick={() => onUndo(b)} data-testid="history-undo">
                <Icon name="undo" size={12} />
                Undo
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
