/**
 * Add or edit a host. Validation runs on submit and then live on every change, with the contract's
 * messages; errors the core finds (duplicate name, unknown jump host, jump cycle) land on the
 * field it names. Server errors stay until that field is edited.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Host } from '../../../shared/model';
import { useStore } from '../../app/store';
import { Dialog } from '../../ui/Dialog';
import { fieldErrorsFromFailure, type FieldErrors } from '../../ui/formErrors';
import { HostFormFields } from './HostFormFields';
import { draftFromHost, emptyDraft, HOST_FIELDS, toHostInput, toHostPatch, type HostDraft } from './hostDraft';
import { FormFooter } from '../../ui/FormFooter';

interface HostFormDialogProps {
  /** The host being edited; absent for a new host. */
  host?: Host;
  onClose: () => void;
}

export function HostFormDialog({ host, onClose }: HostFormDialogProps) {
  const { addHost, updateHost } = useStore(useShallow((s) => ({ addHost: s.addHost, updateHost: s.updateHost })));
  const [draft, setDraft] = useState<HostDraft>(() => (host ? draftFromHost(host) : emptyDraft()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);

  /** Validation errors for a draft, from the same conversion submit uses. */
  const validate = (d: HostDraft): FieldErrors => {
    const result = host ? toHostPatch(d, host) : toHostInput(d);
    return result.ok ? {} : result.errors;
  };

  /** Sends the draft; returns validation errors instead when it does not convert. */
  const save = async (): Promise<FieldErrors | null> => {
    if (host) {
      const result = toHostPatch(draft, host);
      if (!result.ok) return result.errors;
      if (Object.keys(result.value).length > 0) await updateHost(host.name, result.value);
    } else {
      const result = toHostInput(draft);
      if (!result.ok) return result.errors;
      await addHost(result.value);
    }
    return null;
  };

  const change = (patch: Partial<HostDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (!submitted) return;
    // Live re-validation after the first submit; keep server errors on untouched fields.
    const serverKept: FieldErrors = {};
    for (const [k, v] of Object.entries(errors)) if (k !== '' && !(k in patch)) serverKept[k] = v;
    setErrors({ ...serverKept, ...validate(next) });
  };

  const setFieldError = (field: string, message: string | null) => setErrors((e) => ({ ...e, [field]: message ?? undefined }));

  const submit = async () => {
    setSubmitted(true);
    const invalid = validate(draft);
    if (Object.keys(invalid).length > 0) {
      setErrors(invalid);
      focusFirstError(invalid);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const problems = await save();
      if (problems) {
        setErrors(problems);
        setBusy(false);
        return;
      }
      onClose();
    } catch (e) {
      const next = fieldErrorsFromFailure(e, HOST_FIELDS);
      setErrors(next);
      setBusy(false);
      focusFirstError(next);
    }
  };

  return (
    <Dialog
      title={host ? `Edit ${host.name}` : 'New host'}
      onClose={onClose}
      onSubmit={() => void submit()}
      width={680}
      busy={busy}
      testId="host-form"
      footer={
        <FormFooter
          error={errors['']}
          busy={busy}
          onCancel={onClose}
          submitLabel={host ? 'Save changes' : 'Add host'}
          submitTestId="host-save"
        />
      }
    >
      <HostFormFields draft={draft} errors={errors} editing={host} onChange={change} onFieldError={setFieldError} />
    </Dialog>
  );
}

function focusFirstError(errors: FieldErrors): void {
  const field = HOST_FIELDS.find((f) => errors[f]);
  if (field) requestAnimationFrame(() => document.getElementById(`host-${field}`)?.focus());
}
