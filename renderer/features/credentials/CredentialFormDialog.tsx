/**
 * Add a private key (pasted, or read by the core from a path on this machine, with an optional
 * passphrase) or a password. Secrets go to the core once and are never read back: the list only
 * ever shows kinds and fingerprints.
 */
import { useState } from 'react';
import { ApiFailure } from '../../platform/api';
import { useStore } from '../../app/store';
import { Dialog } from '../../ui/Dialog';
import { fieldErrorsFromFailure, type FieldErrors } from '../../ui/formErrors';
import { CredentialFormFields } from './CredentialFormFields';
import { CREDENTIAL_FIELDS, emptyCredentialDraft, toCredentialInput, type CredentialDraft } from './credentialDraft';
import { FormFooter } from '../../ui/FormFooter';

export function CredentialFormDialog({ onClose }: { onClose: () => void }) {
  const addCredential = useStore((s) => s.addCredential);
  const [draft, setDraft] = useState<CredentialDraft>(emptyCredentialDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const change = (patch: Partial<CredentialDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // Editing a field clears its error; switching kind or source clears them all.
    setErrors((e) =>
      'kind' in patch || 'source' in patch
        ? {}
        : { ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])), '': undefined },
    );
  };

  const submit = async () => {
    const result = toCredentialInput(draft);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setBusy(true);
    try {
      await addCredential(result.value);
      onClose();
    } catch (e) {
      setErrors(onVisibleField(fieldErrorsFromFailure(e, CREDENTIAL_FIELDS), draft, e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Add credential"
      onClose={onClose}
      onSubmit={() => void submit()}
      width={560}
      busy={busy}
      testId="credential-form"
      footer={<FormFooter error={errors['']} busy={busy} onCancel={onClose} submitLabel="Add credential" submitTestId="credential-save" />}
    >
      <CredentialFormFields draft={draft} errors={errors} onChange={change} />
    </Dialog>
  );
}

/**
 * The core names the key field by the contract ("privateKey" or "path") whichever source was used;
 * put the message on the field the user can see, or on the form when no field shows it.
 */
function onVisibleField(errors: FieldErrors, d: CredentialDraft, e: unknown): FieldErrors {
  const keyField = d.source === 'path' ? 'path' : 'privateKey';
  const visible = d.kind === 'password' ? ['name', 'password'] : ['name', keyField, 'passphrase'];
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    let target = field === 'privateKey' || field === 'path' ? keyField : field;
    if (field === '' && e instanceof ApiFailure && e.code === 'KEY_FILE' && d.kind === 'private-key') target = keyField;
    if (!visible.includes(target)) target = '';
    out[target] ??= message;
  }
  return out;
}
