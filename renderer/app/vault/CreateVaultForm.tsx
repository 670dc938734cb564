/**
 * First run: choose the vault passphrase. The contract's Passphrase schema is the rule (8+ chars);
 * the meter is advice. We say plainly that the passphrase cannot be recovered, because it cannot.
 */
import { useState, type FormEvent } from 'react';
import { Passphrase } from '../../../shared/model';
import { describedBy, Field } from '../../ui/Field';
import { fieldErrorsFromFailure, type FieldErrors } from '../../ui/formErrors';
import { PasswordInput } from '../../ui/PasswordInput';
import { useStore } from '../store';
import { StrengthMeter } from './StrengthMeter';

const FIELDS = ['passphrase', 'confirm'] as const;

export function CreateVaultForm() {
  const createVault = useStore((s) => s.createVault);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = Passphrase.safeParse(passphrase);
    const next: FieldErrors = {};
    if (!parsed.success) next['passphrase'] = parsed.error.issues[0]?.message ?? 'Invalid passphrase';
    else if (confirm !== passphrase) next['confirm'] = 'The two passphrases do not match.';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      await createVault(passphrase);
    } catch (err) {
      setErrors(fieldErrorsFromFailure(err, FIELDS));
      setBusy(false);
    }
  };

  return (
    <form className="lock-form" onSubmit={(e) => void submit(e)} noValidate data-testid="create-vault-form">
      <div className="lock-intro">
        <h1>Create your vault</h1>
        <p>
          Hosts, keys and passwords are kept in one encrypted file on this machine. Choose a passphrase to protect it.{' '}
          <strong>It cannot be recovered if you forget it.</strong>
        </p>
      </div>
      <Field label="Passphrase" htmlFor="new-passphrase" error={errors['passphrase']}>
        <PasswordInput
          {...describedBy('new-passphrase', errors['passphrase'])}
          autoFocus
          value={passphrase}
          onChange={(e) => {
            setPassphrase(e.target.value);
            setErrors({});
          }}
          data-testid="passphrase"
        />
      </Field>
      <StrengthMeter passphrase={passphrase} />
      <Field label="Confirm passphrase" htmlFor="confirm-passphrase" error={errors['confirm']}>
        <PasswordInput
          {...describedBy('confirm-passphrase', errors['confirm'])}
          value={confirm}
          onChange={(e) => {
            setConfirm(e.target.value);
            setErrors({});
          }}
          data-testid="passphrase-confirm"
        />
      </Field>
      {errors[''] && (
        <div className="banner-error" role="alert" data-testid="lock-error">
          {errors['']}
        </div>
      )}
      <button type="submit" className="btn btn-primary btn-lg" disabled={busy} data-testid="create-vault">
        {busy && <span className="spinner" />}
        {busy ? 'Creating vault…' : 'Create vault'}
      </button>
    </form>
  );
}
