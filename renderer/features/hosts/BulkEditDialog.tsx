/**
 * Add and remove tags (or groups) on every picked host at once. What is added joins each host's
 * list; what is removed leaves it; everything else on each host stays as it is.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../app/store';
import { ChipInput } from '../../ui/ChipInput';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { messageOf } from '../../ui/formErrors';
import { FormFooter } from '../../ui/FormFooter';
import { tagCounts } from './filterHosts';
import { groupProblem, tagProblem } from './hostDraft';

interface BulkEditDialogProps {
  what: 'tags' | 'groups';
  names: string[];
  onClose: () => void;
  onDone: (changed: number) => void;
}

export function BulkEditDialog({ what, names, onClose, onDone }: BulkEditDialogProps) {
  const { hosts, groups, bulkHosts } = useStore(useShallow((s) => ({ hosts: s.hosts, groups: s.groups, bulkHosts: s.bulkHosts })));
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const picked = new Set(names);
  // Removal suggests what the picked hosts have; adding suggests everything known.
  const onPicked = [...new Set(hosts.filter((h) => picked.has(h.name)).flatMap((h) => (what === 'tags' ? h.tags : h.groups)))];
  const known = what === 'tags' ? tagCounts(hosts).map(([t]) => t) : groups.map((g) => g.name);
  const validate = what === 'tags' ? tagProblem : groupProblem;
  const noun = what === 'tags' ? 'tag' : 'group';

  const submit = async () => {
    if (add.length === 0 && remove.length === 0) {
      setError(`Add or remove at least one ${noun}.`);
      return;
    }
    setBusy(true);
    try {
      onDone(await bulkHosts(names, { kind: what, add, remove }));
      onClose();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`${what === 'tags' ? 'Tags' : 'Groups'} of ${names.length} host${names.length === 1 ? '' : 's'}`}
      onClose={onClose}
      onSubmit={() => void submit()}
      width={480}
      busy={busy}
      testId="bulk-edit-dialog"
      footer={<FormFooter error={error ?? undefined} busy={busy} onCancel={onClose} submitLabel="Apply" submitTestId="bulk-apply" />}
    >
      <Field label={`Add ${noun}s`} htmlFor="bulk-add">
        <ChipInput
          id="bulk-add"
          value={add}
          onChange={(next) => {
            setAdd(next);
            setError(null);
          }}
          validate={validate}
          onError={setError}
          suggestions={known}
          placeholder={what === 'tags' ? 'prod, role:web' : 'New or existing'}
          {...(what === 'groups' ? { chipClassName: 'chip-group' } : {})}
          testId="bulk-add"
        />
      </Field>
      <Field
        label={`Remove ${noun}s`}
        htmlFor="bulk-remove"
        hint={onPicked.length > 0 ? `These hosts have: ${onPicked.join(', ')}` : undefined}
      >
        <ChipInput
          id="bulk-remove"
          value={remove}
          onChange={(next) => {
            setRemove(next);
            setError(null);
          }}
          validate={validate}
          onError={setError}
          suggestions={onPicked}
          placeholder="Optional"
          {...(what === 'groups' ? { chipClassName: 'chip-group' } : {})}
          testId="bulk-remove"
        />
      </Field>
    </Dialog>
  );
}
