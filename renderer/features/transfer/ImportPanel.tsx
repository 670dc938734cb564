/**
 * The import wizard: choose the kind of file, drop it in (or pick it, or name a path on this
 * computer), see the preview with reasons, fix what can be fixed (CSV columns, key passphrases),
 * confirm, and undo as one step.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Input } from '../../../shared/api';
import type { CsvField, ImportBatch, ImportKind, ImportPlan } from '../../../shared/contract/transfer';
import { useStore } from '../../app/store';
import { api } from '../../platform/api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { messageOf } from '../../ui/formErrors';
import { Icon } from '../../ui/Icon';
import { CsvMapping } from './CsvMapping';
import { FileDrop } from './FileDrop';
import { readImportFile } from './fileTransfer';
import { ImportHistory } from './ImportHistory';
import { importKinds, kindInfo } from './importKinds';
import { ImportPreview } from './ImportPreview';
import { KeyPassphrases } from './KeyPassphrases';

type Request = Input<'import.preview'>;

type Step =
  | { kind: 'choose' }
  | { kind: 'preview'; request: Request; plan: ImportPlan }
  | { kind: 'done'; batch: ImportBatch | null; plan: ImportPlan; undone: boolean };

const KIND_WORD: Record<ImportKind, string> = {
  'ssh-config': 'OpenSSH config',
  'known-hosts': 'known_hosts',
  ansible: 'Ansible inventory',
  csv: 'CSV',
};

function countsText(plan: ImportPlan): string {
  const c = plan.counts;
  return `${c.add} to add, ${c.update} to update, ${c.skip} skipped`;
}

export function ImportPanel() {
  const [kind, setKind] = useState<ImportKind>('ssh-config');
  const [path, setPath] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState<ImportBatch[]>([]);
  const [undoing, setUndoing] = useState<ImportBatch | null>(null);
  const go = useStore((s) => s.go);
  const info = kindInfo(kind);

  // The history is a convenience: the wizard works without it, so a failure to read it stays quiet.
  const loadHistory = useCallback(() => api.call('import.history', {}).then(setHistory, () => undefined), []);
  useEffect(() => {
    let alive = true;
    api.call('import.history', {}).then(
      (h) => alive && setHistory(h),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);

  const preview = async (request: Request) => {
    setBusy(true);
    setError(null);
    try {
      setStep({ kind: 'preview', request, plan: await api.call('import.preview', request) });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const fromFile = async (file: File) => {
    setError(null);
    try {
      const text = await readImportFile(file);
      await preview({ kind, source: { text, fileName: file.name } });
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const fromPath = (p: string) => {
    if (p.trim()) void preview({ kind, source: { path: p.trim() } });
  };

  const refine = (change: Partial<Request>) => {
    if (step.kind !== 'preview') return;
    void preview({ ...step.request, ...change });
  };

  const apply = async () => {
    if (step.kind !== 'preview') return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.call('import.apply', { ...step.request, fingerprint: step.plan.fingerprint });
      setStep({ kind: 'done', batch: r.batch, plan: r.plan, undone: false });
      void loadHistory();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setStep({ kind: 'choose' });
    setError(null);
  };

  const changes = step.kind === 'preview' ? step.plan.counts.add + step.plan.counts.update : 0;

  return (
    <section className="transfer-card import-card" aria-labelledby="import-title" data-testid="import-panel">
      <header className="card-header">
        <div>
          <h2 id="import-title">Import</h2>
          <p className="muted">
            Bring hosts in from the files you already have. You see everything before it is applied, and can undo it in one step.
          </p>
        </div>
      </header>

      {step.kind === 'choose' && (
        <div className="import-choose">
          <div className="segmented kind-picker" role="radiogroup" aria-label="Kind of file">
            {importKinds.map((k) => (
              <button
                key={k.kind}
                type="button"
                role="radio"
                aria-checked={kind === k.kind}
                onClick={() => {
                  setKind(k.kind);
                  setError(null);
                }}
                data-testid={`import-kind-${k.kind}`}
              >
                {k.label}
              </button>
            ))}
          </div>
          <FileDrop
            title={info.title}
            hint={info.hint}
            accept={info.accept}
            onFile={(f) => void fromFile(f)}
            testId="import-drop"
            disabled={busy}
          >
            {info.defaultPath && (
              <button
                type="button"
                className="btn btn-ghost"
                disabled={busy}
                onClick={() => fromPath(info.defaultPath ?? '')}
                data-testid="import-default"
              >
                Read {info.defaultPath}
              </button>
            )}
          </FileDrop>
          <form
            className="path-row"
            onSubmit={(e) => {
              e.preventDefault();
              fromPath(path);
            }}
          >
            <label htmlFor="import-path" className="muted">
              Or a file on this computer
            </label>
            <input
              id="import-path"
              className="input mono-input"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              placeholder={info.defaultPath ?? '/path/to/inventory'}
              spellCheck={false}
              data-testid="import-path"
            />
            <button type="submit" className="btn" disabled={busy || !path.trim()} data-testid="import-path-go">
              {busy && <span className="spinner" />}
              Preview
            </button>
          </form>
        </div>
      )}

      {error && (
        <div className="banner-error import-error" role="alert" data-testid="import-error">
          <Icon name="alert" />
          <span>{error}</span>
        </div>
      )}

      {step.kind === 'preview' && (
        <div className="import-step">
          <div className="step-head">
            <div className="step-title">
              <span className="muted">{KIND_WORD[step.plan.kind]}</span>
              <span className="mono step-source" title={step.plan.source}>
                {step.plan.source}
              </span>
            </div>
            <div className="count-chips" data-testid="import-counts">
              <span className="chip count-add">{step.plan.counts.add} to add</span>
              <span className="chip count-update">{step.plan.counts.update} to update</span>
              <span className="chip">{step.plan.counts.skip} skipped</span>
            </div>
          </div>
          {step.plan.csv && <CsvMapping csv={step.plan.csv} busy={busy} onChange={(csvColumns: CsvField[]) => refine({ csvColumns })} />}
          <KeyPassphrases
            key={step.plan.fingerprint}
            keys={step.plan.keys}
            busy={busy}
            onSubmit={(p) => refine({ keyPassphrases: { ...(step.request.keyPassphrases ?? {}), ...p } })}
          />
          <ImportPreview plan={step.plan} busy={busy} onExclude={(exclude) => refine({ exclude })} />
          <footer className="step-footer">
            <button type="button" className="btn" onClick={reset} disabled={busy} data-testid="import-cancel">
              Cancel
            </button>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void apply()}
              disabled={busy || changes === 0}
              data-testid="import-apply"
            >
              {busy && <span className="spinner" />}
              {changes === 0 ? 'Nothing to import' : `Import ${changes} change${changes === 1 ? '' : 's'}`}
            </button>
          </footer>
        </div>
      )}

      {step.kind === 'done' && (
        <div className="import-done" data-testid="import-done">
          <div className="done-icon" data-undone={step.undone || undefined}>
            <Icon name={step.undone ? 'undo' : 'check'} size={18} />
          </div>
          <div className="done-text">
            <div className="done-title" data-testid="import-done-title">
              {step.undone ? 'Import undone' : step.batch ? 'Imported' : 'Nothing was imported'}
            </div>
            <div className="muted">
              {step.undone
                ? `Everything ${step.plan.source} added or changed is back as it was.`
                : `${step.plan.source}: ${countsText(step.plan).replace('to add', 'added').replace('to update', 'updated')}.`}
            </div>
          </div>
          <div className="done-actions">
            {step.batch && !step.undone && (
              <button type="button" className="btn" onClick={() => setUndoing(step.batch)} data-testid="import-undo">
                <Icon name="undo" size={14} />
                Undo import
              </button>
            )}
            <button type="button" className="btn" onClick={() => go('hosts')} data-testid="import-show-hosts">
              Show hosts
            </button>
            <button type="button" className="btn btn-ghost" onClick={reset} data-testid="import-another">
              Import another file
            </button>
          </div>
        </div>
      )}

      <ImportHistory batches={history} onUndo={setUndoing} />

      {undoing && (
        <ConfirmDialog
          title="Undo this import?"
          confirmLabel="Undo import"
          testId="undo-import-dialog"
          onClose={() => setUndoing(null)}
          onConfirm={async () => {
            const undone = await api.call('import.undo', { batchId: undoing.id });
            await loadHistory();
            if (step.kind === 'done' && step.batch?.id === undone.id) setStep({ ...step, undone: true });
          }}
        >
          <p>
            {undoing.counts.add === 1 ? 'The one item' : `The ${undoing.counts.add} items`} added from{' '}
            <span className="mono">{undoing.source}</span> {undoing.counts.add === 1 ? 'is' : 'are'} removed
            {undoing.counts.update > 0 &&
              (undoing.counts.update === 1
                ? ', and the updated host gets its'
                : `, and the ${undoing.counts.update} updated hosts get their`)}
            {undoing.counts.update > 0 && ' earlier settings back'}. If you changed one of them since, nothing is undone and you are told
            which.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
