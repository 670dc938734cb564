/**
 * Restore an encrypted backup: pick the file, give the passphrase it was made with, and the core
 * checks everything before it swaps the vault (the one it replaces is kept beside it, renamed).
 * Used from the Import & export screen and from the lock screen of a fresh install.
 */
import { useState } from 'react';
import type { RestoreResult } from '../../../shared/contract/transfer';
import { useStore } from '../../app/store';
import { api, ApiFailure } from '../../platform/api';
import { Dialog } from '../../ui/Dialog';
import { Field, describedBy } from '../../ui/Field';
import { messageOf } from '../../ui/formErrors';
import { Icon } from '../../ui/Icon';
import { PasswordInput } from '../../ui/PasswordInput';
import { FileDrop } from './FileDrop';
import { formatBytes, uploadBackup } from './fileTransfer';
import './transfer.css';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function RestoreDialog({ onClose }: { onClose: () => void }) {
  const vault = useStore((s) => s.vault);
  const refreshVault = useStore((s) => s.refreshVault);
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [passError, setPassError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<RestoreResult | null>(null);
  const replacing = vault !== null && vault.state !== 'missing';

  const restore = async () => {
    if (!file) return setError('Choose the backup file first.');
    if (!passphrase) return setPassError('Enter the passphrase the backup was made with.');
    setBusy(true);
    setError(null);
    setPassError(undefined);
    try {
      setProgress('Sending the backup…');
      const uploadId = await uploadBackup(file, (d, t) => setProgress(`Sending the backup… ${Math.round((d / Math.max(t, 1)) * 100)}%`));
      setProgress('Checking and restoring…');
      setDone(await api.call('backup.restore', { source: { uploadId }, passphrase, replace: replacing }));
    } catch (e) {
      if (e instanceof ApiFailure && e.code === 'WRONG_PASSPHRASE') setPassError(e.message);
      else setError(messageOf(e));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const finish = () => {
    onClose();
    void refreshVault();
  };

  if (done) {
    const c = done.counts;
    return (
      <Dialog
        title="Backup restored"
        onClose={finish}
        width={480}
        testId="restore-dialog"
        footer={
          <button type="button" className="btn btn-primary" onClick={finish} data-autofocus data-testid="restore-done">
            Open the vault
          </button>
        }
      >
        <div className="restore-done" data-testid="restore-summary">
          <p>
            Restored the backup from <strong>{new Date(done.createdAt).toLocaleString()}</strong>: {plural(c.hosts, 'host')},{' '}
            {plural(c.credentials, 'credential')}, {plural(c.groups, 'group')} and {plural(c.scans, 'scan')}.
          </p>
          {done.setAside && (
            <p className="muted">
              The vault it replaced is kept at <span className="mono">{done.setAside}</span>.
            </p>
          )}
          <p className="muted">It opens with the backup&apos;s passphrase. You can set a new one in Settings.</p>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Restore from a backup"
      onClose={onClose}
      onSubmit={() => void restore()}
      width={520}
      busy={busy}
      testId="restore-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className={`btn ${replacing ? 'btn-danger' : 'btn-primary'}`} disabled={busy} data-testid="restore-submit">
            {busy && <span className="spinner" />}
            {replacing ? 'Replace this vault' : 'Restore'}
          </button>
        </>
      }
    >
      <div className="restore-form">
        {file ? (
          <div className="restore-file" data-testid="restore-file">
            <Icon name="lock" size={16} />
            <div className="restore-file-text">
              <div className="mono">{file.name}</div>
              <div className="muted">{formatBytes(file.size)}</div>
            </div>
            <button type="button" className="btn btn-sm" onClick={() => setFile(null)} disabled={busy}>
              Change
            </button>
          </div>
        ) : (
          <FileDrop
            compact
            title="Drop the backup file here"
            hint="An .opsdeck-backup file"
            onFile={setFile}
            testId="restore-drop"
            accept=".opsdeck-backup"
          />
        )}
        <Field
          label="Passphrase of the backup"
          htmlFor="restore-passphrase"
          error={passError}
          hint="The vault passphrase at the time the backup was made."
        >
          <PasswordInput
            {...describedBy('restore-passphrase', passError)}
            value={passphrase}
            onChange={(e) => {
              setPassphrase(e.target.value);
              setPassError(undefined);
            }}
            data-testid="restore-passphrase"
          />
        </Field>
        {replacing && (
          <div className="confirm-note restore-warning" data-testid="restore-warning">
            <Icon name="alert" size={14} />
            <span>
              This replaces the vault at <span className="mono">{vault.path}</span>. The current one is not deleted: it is kept beside it,
              renamed.
            </span>
          </div>
        )}
        {progress && (
          <div className="muted restore-progress" role="status">
            {progress}
          </div>
        )}
        {error && (
          <div className="banner-error" role="alert" data-testid="restore-error">
            <Icon name="alert" />
            <span>{error}</span>
          </div>
        )}
      </div>
    </Dialog>
  );
}

/** The lock screen's way in for a fresh install (or a forgotten passphrase with an older backup). */
export function RestoreFromBackupLink() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-ghost restore-link" onClick={() => setOpen(true)} data-testid="restore-from-backup">
        Restore from a backup…
      </button>
      {open && <RestoreDialog onClose={() => setOpen(false)} />}
    </>
  );
}
