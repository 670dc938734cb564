/**
 * Current + new + confirm. The new passphrase follows the contract's Passphrase rule and gets the
 * same strength hint as at creation; a wrong current passphrase is reported on that field.
 */
import { useState } from 'react';
import { Passphrase } from '../../../shared/model';
import { ApiFailure } from '../../platform/api';
import { Dialog } from '../../ui/Dialog';
import { describedBy, Field } from '../../ui/Field';
import { fieldErrorsFromFailure, type FieldErrors } from '../../ui/formErrors';
import { PasswordInput } from '../../ui/PasswordInput';
import { useStore } from '../store';
import { StrengthMeter } from '../vault/StrengthMeter';
import '../vault/lock.css';
import { FormFooter } from '../../ui/FormFooter';

const FIELDS = ['current', 'next', 'confirm'] as const;

export function ChangePassphraseDialog({ onClose }: { onClose: () => void }) {
  const changePassphrase = useStore((s) => s.changePassphrase);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async () => {
    const problems: FieldErrors = {};
    if (!current) problems['current'] = 'Enter the current passphrase.';
    const parsed = Passphrase.safeParse(next);
    if (!parsed.success) problems['next'] = parsed.error.issues[0]?.message ?? 'Invalid passphrase';
    else if (next === current) problems['next'] = 'The new passphrase is the same as the current one.';
    else if (confirm !== next) problems['confirm'] = 'The two new passphrases do not match.';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await changePassphrase(current, next);
      setDone(true);
      setBusy(false);
    } catch (e) {
      setErrors(
        e instanceof ApiFailure && e.code === 'WRONG_PASSPHRASE'
          ? { current: 'This is not the current passphrase.' }
          : fieldErrorsFromFailure(e, FIELDS),
      );
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Dialog
        title="Passphrase changed"
        onClose={onClose}
        width={440}
        testId="change-passphrase-dialog"
        footer={
          <button type="button" className="btn btn-primary" data-autofocus onClick={onClose}>
            Done
          </button>
        }
      >
        <p data-testid="passphrase-changed">Use the new passphrase from now on. The old one no longer opens this vault.</p>
      </Dialog>
    );
  }

  const edit = (set: (v: string) => void) => (e: { target: { value: string } }) => {
    set(e.target.value);
    setErrors({});
  };

  return (
    <Dialog
      title="Change passphrase"
      onClose={onClose}
      onSubmit={() => void submit()}
      width={440}
      busy={busy}
      testId="change-passphrase-dialog"
      footer={
        <FormFooter
          error={errors['']}
          busy={busy}
          onCancel={onClose}
          submitLabel="Change passphrase"
          submitTestId="change-passphrase-save"
        />
      }
    >
      <Field label="Current passphrase" htmlFor="pp-current" error={errors['current']}>
        <PasswordInput
          {...describedBy('pp-current', errors['current'])}
          data-autofocus
          value={current}
          onChange={edit(setCurrent)}
          data-testid="current-passphrase"
        />
      </Field>
      <Field label="New passphrase" htmlFor="pp-next" error={errors['next']}>
        <PasswordInput {...describedBy('pp-next', errors['next'])} value={next} onChange={edit(setNext)} data-testid="new-passphrase" />
      </Field>
      <StrengthMeter passphrase={next} />
      <Field label="Confirm new passphrase" htmlFor="pp-confirm" error={errors['confirm']}>
        <PasswordInput
          {...describedBy('pp-confirm', errors['confirm'])}
          value={confirm}
          onChange={edit(setConfirm)}
          data-testid="confirm-passphrase"
        />
      </Field>
    </Dialog>
  );
}
