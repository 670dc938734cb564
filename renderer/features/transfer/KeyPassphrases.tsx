/**
 * Private keys the file points at that are protected by a passphrase: one field each. The
 * passphrases go to the core only to open the keys (and are kept with them in the vault).
 */
import { useState } from 'react';
import type { KeyFile } from '../../../shared/contract/transfer';
import { Icon } from '../../ui/Icon';
import { PasswordInput } from '../../ui/PasswordInput';

interface KeyPassphrasesProps {
  keys: KeyFile[];
  busy: boolean;
  onSubmit: (passphrases: Record<string, string>) => void;
}

export function KeyPassphrases({ keys, busy, onSubmit }: KeyPassphrasesProps) {
  const locked = keys.filter((k) => k.state === 'needs-passphrase' || k.state === 'wrong-passphrase');
  const [values, setValues] = useState<Record<string, string>>({});
  if (locked.length === 0) return null;

  return (
    <form
      className="key-passphrases"
      data-testid="key-passphrases"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(values);
      }}
    >
      <div className="key-passphrases-head">
        <Icon name="key" size={14} />
        <span>
          {locked.length === 1 ? 'A key is' : `${locked.length} keys are`} protected by a passphrase. Enter{' '}
          {locked.length === 1 ? 'it' : 'them'} to store {locked.length === 1 ? 'the key' : 'the keys'} in the vault; without, those hosts
          use your SSH agent.
        </span>
      </div>
      {locked.map((k) => (
        <div key={k.path} className="key-passphrase-row">
          <label className="mono key-path" htmlFor={`kp-${k.path}`} title={k.path}>
            {k.path}
          </label>
          <PasswordInput
            id={`kp-${k.path}`}
            value={values[k.path] ?? ''}
            onChange={(e) => setValues((v) => ({ ...v, [k.path]: e.target.value }))}
            placeholder="Key passphrase"
            aria-invalid={k.state === 'wrong-passphrase' || undefined}
            data-testid="key-passphrase"
          />
          {k.state === 'wrong-passphrase' && <span className="error-text">Wrong passphrase</span>}
        </div>
      ))}
      <div>
        <button type="submit" className="btn" disabled={busy} data-testid="key-passphrases-submit">
          Unlock keys
        </button>
      </div>
    </form>
  );
}
