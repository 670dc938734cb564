/**
 * Saved commands (kept in the vault): insert into the terminal with the keyboard (no Enter), run
 * there, or run in every broadcast target. Multi-line snippets are inserted as a bracketed paste,
 * so the shell waits for Enter.
 */
import { useState } from 'react';
import type { Snippet } from '../../../shared/contract/terminals';
import { Icon } from '../../ui/Icon';
import { api } from '../../platform/api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { applySnippet, reloadSnippets } from './actions';
import { SnippetDialog } from './SnippetDialog';
import { activePaneId, useTerminals } from './terminalsStore';

export function SnippetsPanel() {
  const snippets = useTerminals((s) => s.snippets);
  const broadcast = useTerminals((s) => s.broadcast && s.broadcastTargets.length > 0);
  const active = useTerminals((s) => {
    const id = activePaneId(s);
    return id && s.panes[id]?.status === 'open' ? id : null;
  });
  const [editing, setEditing] = useState<Snippet | 'new' | null>(null);
  const [removing, setRemoving] = useState<Snippet | null>(null);

  return (
    <aside className="term-side" aria-label="Snippets" data-testid="snippets-panel">
      <header className="term-side-header">
        <h2>Snippets</h2>
        <button type="button" className="btn btn-sm" onClick={() => setEditing('new')} data-testid="snippet-new">
          <Icon name="plus" size={14} />
          New
        </button>
      </header>
      {snippets.length === 0 && <p className="term-side-empty muted">Save commands you run often; they are kept in the vault.</p>}
      <ul className="term-snippets">
        {snippets.map((s) => (
          <li key={s.id} className="term-snippet" data-testid="snippet" data-name={s.name}>
            <div className="term-snippet-head">
              <strong>{s.name}</strong>
              <button type="button" className="btn btn-ghost btn-sm btn-icon" aria-label={`Edit ${s.name}`} onClick={() => setEditing(s)}>
                <Icon name="edit" size={13} />
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-sm btn-icon"
                aria-label={`Delete ${s.name}`}
                onClick={() => setRemoving(s)}
              >
                <Icon name="trash" size={13} />
              </button>
            </div>
            <pre className="term-snippet-cmd">{s.command}</pre>
            <div className="term-snippet-actions">
              <button
                type="button"
                className="btn btn-sm"
                disabled={!active}
                onClick={() => applySnippet(s, 'insert', active)}
                data-testid="snippet-insert"
              >
                Insert
              </button>
              <button
                type="button"
                className="btn btn-sm"
                disabled={!active}
                onClick={() => applySnippet(s, 'run', active)}
                data-testid="snippet-run"
              >
                Run
              </button>
              {broadcast && (
                <button
                  type="button"
                  className="btn btn-sm btn-broadcast"
                  onClick={() => applySnippet(s, 'broadcast', null)}
                  data-testid="snippet-broadcast"
                >
                  Run in all ticked
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {editing && <SnippetDialog snippet={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {removing && (
        <ConfirmDialog
          title="Delete snippet"
          confirmLabel="Delete"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await api.call('terminals.snippets.remove', { id: removing.id });
            await reloadSnippets();
          }}
        >
          Delete the snippet <strong>{removing.name}</strong>?
        </ConfirmDialog>
      )}
    </aside>
  );
}
