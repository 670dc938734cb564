/** Add or edit a snippet: a name and the command (several lines allowed). */
import { useState } from 'react';
import { z } from 'zod';
import { SnippetCommand, SnippetName, type Snippet } from '../../../shared/contract/terminals';
import { api } from '../../platform/api';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { fieldErrorsFromFailure, fieldErrorsFromZod, type FieldErrors } from '../../ui/formErrors';
import { reloadSnippets } from './actions';

const Form = z.object({ name: SnippetName, command: SnippetCommand });
const FIELDS = ['name', 'command'] as const;

export function SnippetDialog({ snippet, onClose }: { snippet: Snippet | null; onClose: () => void }) {
  const [name, setName] = useState(snippet?.name ?? '');
  const [command, setCommand] = useState(snippet?.command ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const parsed = Form.safeParse({ name, command });
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error, FIELDS));
    setBusy(true);
    try {
      if (snippet) await api.call('terminals.snippets.update', { id: snippet.id, ...parsed.data });
      else await api.call('terminals.snippets.add', parsed.data);
      await reloadSnippets();
      onClose();
    } catch (e) {
      setErrors(fieldErrorsFromFailure(e, FIELDS));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={snippet ? 'Edit snippet' : 'New snippet'}
      onClose={onClose}
      onSubmit={() => void save()}
      busy={busy}
      width={520}
      testId="snippet-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="snippet-save">
            {busy && <span className="spinner" />}
            Save
          </button>
        </>
      }
    >
      <Field label="Name" htmlFor="snippet-name" error={errors['name']} required>
        <input
          id="snippet-name"
          className="input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-autofocus
          data-testid="snippet-name"
        />
      </Field>
      <Field
        label="Command"
        htmlFor="snippet-command"
        error={errors['command']}
        hint="Run types it followed by Enter; Insert only types it."
        required
      >
        <textarea
          id="snippet-command"
          className="textarea mono"
          rows={4}
          value={command}
          spellCheck={false}
          onChange={(e) => setCommand(e.target.value)}
          data-testid="snippet-command"
        />
      </Field>
      {errors[''] && <div className="banner-error">{errors['']}</div>}
    </Dialog>
  );
}
