/**
 * Unlock. A wrong passphrase is the common case, so it is handled in place: the message appears
 * under the field, the field keeps focus with its text selected, and typing again replaces it.
 * The input is never disabled while unlocking (that would drop focus); the button shows progress.
 */
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiFailure } from '../../platform/api';
import { describedBy, Field } from '../../ui/Field';
import { messageOf } from '../../ui/formErrors';
import { PasswordInput } from '../../ui/PasswordInput';
import { useStore } from '../store';

export function UnlockForm() {
  const unlockVault = useStore((s) => s.unlockVault);
  const input = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [capsLock, setCapsLock] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!passphrase) {
      setError('Enter the vault passphrase.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unlockVault(passphrase);
    } catch (err) {
      setError(err instanceof ApiFailure && err.code === 'WRONG_PASSPHRASE' ? 'Wrong passphrase. Try again.' : messageOf(err));
      setBusy(false);
      input.current?.focus();
      input.current?.select();
    }
  };

  const trackCapsLock = (e: KeyboardEvent<HTMLInputElement>) => setCapsLock(e.getModifierState('CapsLock'));

  return (
    <form className="lock-form" onSubmit={(e) => void submit(e)} noValidate data-testid="unlock-form">
      <div className="lock-intro">
        <h1>Unlock vault</h1>
        <p>Enter your passphrase to open your hosts and keys.</p>
      </div>
      <Field label="Passphrase" htmlFor="unlock-passphrase" error={error ?? undefined} hint={capsLock ? 'Caps Lock is on.' : undefined}>
        <PasswordInput
          {...describedBy('unlock-passphrase', error ?? undefined)}
          inputRef={input}
          autoFocus
          readOnly={busy}
          value={passphrase}
          onChange={(e) => {
            setPassphrase(e.target.value);
            setError(null);
          }}
          onKeyDown={trackCapsLock}
          onKeyUp={trackCapsLock}
          data-testid="passphrase"
        />
      </Field>
      <button type="submit" className="btn btn-primary btn-lg" disabled={busy} data-testid="unlock">
        {busy && <span className="spinner" />}
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
    </form>
  );
}
