/** Exports: the inventory for other tools, and the scans as JSON. Secrets never leave the vault this way. */
import { useState } from 'react';
import type { ExportFormat } from '../../../shared/contract/transfer';
import { api } from '../../platform/api';
import { messageOf } from '../../ui/formErrors';
import { Icon } from '../../ui/Icon';
import { downloadText } from './fileTransfer';

type What = ExportFormat | 'scans';

const ROWS: Array<{ what: What; title: string; desc: string; ext: string }> = [
  {
    what: 'ansible',
    title: 'Ansible inventory',
    desc: 'YAML with groups, ansible_host, ansible_port, ansible_user and jump hosts.',
    ext: '.yml',
  },
  { what: 'ssh-config', title: 'SSH config', desc: 'Host blocks to Include from ~/.ssh/config.', ext: '.conf' },
  { what: 'csv', title: 'Spreadsheet', desc: 'One row per host, groups and tags separated by ";".', ext: '.csv' },
  { what: 'scans', title: 'Deep-check scans', desc: 'Every stored scan as JSON: facts, services, edges, findings.', ext: '.json' },
];

export function ExportPanel() {
  const [busy, setBusy] = useState<What | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (what: What) => {
    setBusy(what);
    setError(null);
    setDone(null);
    try {
      const file = what === 'scans' ? await api.call('export.scans', {}) : await api.call('export.inventory', { format: what });
      downloadText(file.fileName, file.mimeType, file.content);
      setDone(`Saved ${file.fileName} (${file.count} ${what === 'scans' ? 'scan' : 'host'}${file.count === 1 ? '' : 's'}).`);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="transfer-card" aria-labelledby="export-title" data-testid="export-panel">
      <header className="card-header">
        <div>
          <h2 id="export-title">Export</h2>
          <p className="muted">Your inventory in the formats other tools read. Keys and passwords stay in the vault.</p>
        </div>
      </header>
      <ul className="export-list">
        {ROWS.map((r) => (
          <li key={r.what}>
            <div className="export-text">
              <div className="export-title">
                {r.title} <span className="faint mono">{r.ext}</span>
              </div>
              <div className="muted export-desc">{r.desc}</div>
            </div>
            <button
              type="button"
              className="btn"
              onClick={() => void run(r.what)}
              disabled={busy !== null}
              data-testid={`export-${r.what}`}
            >
              {busy === r.what ? <span className="spinner" /> : <Icon name="download" size={14} />}
              Export
            </button>
          </li>
        ))}
      </ul>
      {done && (
        <div className="card-status" role="status" data-testid="export-status">
          <Icon name="check" size={14} />
          {done}
        </div>
      )}
      {error && (
        <div className="banner-error" role="alert">
          <Icon name="alert" />
          <span>{error}</span>
        </div>
      )}
    </section>
  );
}
