/** Backup and restore: one encrypted file with everything, and the way back from it. */
import { useState } from 'react';
import { messageOf } from '../../ui/formErrors';
import { Icon } from '../../ui/Icon';
import { downloadBackup, formatBytes } from './fileTransfer';
import { RestoreDialog } from './RestoreDialog';

export function BackupPanel() {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);

  const backup = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const b = await downloadBackup((d, t) => setProgress(`${Math.round((d / Math.max(t, 1)) * 100)}%`));
      setDone(`Saved ${b.fileName} (${formatBytes(b.bytes)}). It opens with your current vault passphrase.`);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <section className="transfer-card" aria-labelledby="backup-title" data-testid="backup-panel">
      <header className="card-header">
        <div>
          <h2 id="backup-title">Backup &amp; restore</h2>
          <p className="muted">
            One encrypted file with every host, key, password, scan and setting. Nothing in it is readable without your passphrase.
          </p>
        </div>
      </header>
      <div className="backup-actions">
        <div className="backup-action">
          <div>
            <div className="export-title">Encrypted backup</div>
            <div className="muted export-desc">Restorable on a fresh install with the passphrase you use now.</div>
          </div>
          <button type="button" className="btn btn-primary" onClick={() => void backup()} disabled={busy} data-testid="backup-create">
            {busy ? <span className="spinner" /> : <Icon name="download" size={14} />}
            {busy && progress ? `Backing up ${progress}` : 'Back up now'}
          </button>
        </div>
        <div className="backup-action">
          <div>
            <div className="export-title">Restore</div>
            <div className="muted export-desc">Replaces this vault with a backup. The current vault is kept beside it, renamed.</div>
          </div>
          <button type="button" className="btn" onClick={() => setRestoring(true)} disabled={busy} data-testid="backup-restore">
            <Icon name="upload" size={14} />
            Restore…
          </button>
        </div>
      </div>
      {done && (
        <div className="card-status" role="status" data-testid="backup-status">
          <Icon name="check" size={14} />
          {done}
        </div>
      )}
      {error && (
        <div className="banner-error" role="alert" data-testid="backup-error">
          <Icon name="alert" />
          <span>{error}</span>
        </div>
      )}
      {restoring && <RestoreDialog onClose={() => setRestoring(false)} />}
    </section>
  );
}
