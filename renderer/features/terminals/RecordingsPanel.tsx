/**
 * Recorded sessions (kept in the vault, newest first): who ran what where and when, to replay here
 * or download as an asciicast file (`asciinema play` reads it).
 */
import { useEffect, useState } from 'react';
import type { RecordingPage, RecordingSummary } from '../../../shared/contract/terminals';
import { api } from '../../platform/api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Icon } from '../../ui/Icon';
import { messageOf } from '../../ui/formErrors';
import { openReplay, reloadRecordings } from './actions';
import { formatBytes, formatDuration, formatWhen } from './format';
import { TermIcon } from './TermIcon';
import { useTerminals } from './terminalsStore';

async function download(rec: RecordingSummary): Promise<void> {
  const parts: string[] = [];
  for (let page: number | null = 0; page !== null;) {
    const r: RecordingPage = await api.call('terminals.recordings.read', { id: rec.id, page });
    if (r.header) parts.push(r.header + '\n');
    parts.push(r.events);
    page = r.next;
  }
  const url = URL.createObjectURL(new Blob(parts, { type: 'application/x-asciicast' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${rec.host}-${rec.startedAt.replace(/[:.]/g, '-')}.cast`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function RecordingsPanel() {
  const recordings = useTerminals((s) => s.recordings);
  const recordAll = useTerminals((s) => s.prefs?.recordAll ?? false);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<RecordingSummary | null>(null);

  useEffect(() => {
    reloadRecordings().catch((e: unknown) => setError(messageOf(e)));
  }, []);

  return (
    <aside className="term-side" aria-label="Recordings" data-testid="recordings-panel">
      <header className="term-side-header">
        <h2>Recordings</h2>
        <button type="button" className="btn btn-ghost btn-sm btn-icon" aria-label="Refresh" onClick={() => void reloadRecordings()}>
          <Icon name="refresh" size={14} />
        </button>
      </header>
      <p className="term-side-note muted">
        {recordAll ? 'Every session is recorded.' : 'Recording is off, except for hosts chosen in terminal settings.'} Input typed at
        password prompts is starred.
      </p>
      {error && <div className="banner-error">{error}</div>}
      {recordings.length === 0 && !error && <p className="term-side-empty muted">No recordings yet.</p>}
      <ul className="term-recordings">
        {recordings.map((r) => (
          <li key={r.id} className="term-recording" data-testid="recording" data-host={r.host}>
            <div className="term-recording-head">
              <strong>{r.host}</strong>
              <span className="muted">
                {r.remoteUser}@{r.address}
              </span>
            </div>
            <div className="term-recording-meta muted">
              {formatWhen(r.startedAt)} · {r.endedAt ? formatDuration(r.durationMs) : 'running'} · {formatBytes(r.bytes)} · by {r.localUser}
              {r.truncated && <span className="chip"> truncated</span>}
            </div>
            <div className="term-snippet-actions">
              <button type="button" className="btn btn-sm" onClick={() => openReplay(r)} data-testid="recording-play">
                <TermIcon name="play" size={13} />
                Replay
              </button>
              <button type="button" className="btn btn-sm" onClick={() => void download(r).catch((e: unknown) => setError(messageOf(e)))}>
                <TermIcon name="download" size={13} />
                .cast
              </button>
              <button type="button" className="btn btn-ghost btn-sm btn-icon" aria-label="Delete recording" onClick={() => setRemoving(r)}>
                <Icon name="trash" size={13} />
              </button>
            </div>
          </li>
        ))}
      </ul>
      {removing && (
        <ConfirmDialog
          title="Delete recording"
          confirmLabel="Delete"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await api.call('terminals.recordings.remove', { id: removing.id });
            await reloadRecordings();
          }}
        >
          Delete the recording of <strong>{removing.host}</strong> from {formatWhen(removing.startedAt)}? This cannot be undone.
        </ConfirmDialog>
      )}
    </aside>
  );
}
