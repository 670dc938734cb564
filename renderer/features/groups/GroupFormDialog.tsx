/** Create a group: a name (same rules as host names) and an optional description. */
import { useState } from 'react';
import { GroupInput } from '../../../shared/model';
import { useStore } from '../../app/store';
import { Dialog } from '../../ui/Dialog';
import { describedBy, Field } from '../../ui/Field';
import { fieldErrorsFromFailure, fieldErrorsFromZod, type FieldErrors } from '../../ui/formErrors';
import { FormFooter } from '../../ui/FormFooter';

const FIELDS = ['name', 'description'] as const;

export function GroupFormDialog({ onClose }: { onClose: () => void }) {
  const addGroup = useStore((s) => s.addGroup);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const parsed = GroupInput.safeParse({ name, description });
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error, FIELDS));
      return;
    }
    setBusy(true);
    try {
      await addGroup(parsed.data);
      onClose();
    } catch (e) {
      setErrors(fieldErrorsFromFailure(e, FIELDS));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="New group"
      onClose={onClose}
      onSubmit={() => void submit()}
      width={440}
      busy={busy}
      testId="group-form"
      footer={<FormFooter error={errors['']} busy={busy} onCancel={onClose} submitLabel="Create group" submitTestId="group-save" />}
    >
      <Field label="Name" htmlFor="group-name" error={errors['name']} hint="e.g. production, db-servers, customer-acme." required>
        <input
          {...describedBy('group-name', errors['name'])}
          className="input"
          data-autofocus
          value={name}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => {
            setName(e.target.value);
            setErrors({});
          }}
          data-testid="group-name"
        />
      </Field>
      <Field label="Description" htmlFor="group-description" error={errors['description']}>
        <input
          {...describedBy('group-description', errors['description'])}
          className="input"
          value={description}
          placeholder="Optional"
          onChange={(e) => setDescription(e.target.value)}
          data-testid="group-description"
        />
      </Field>
    </Dialog>
  );
}
