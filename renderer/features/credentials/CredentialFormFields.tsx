/** Fields of the credential form: kind, name, then the key (pasted or by path) or the password. */
import { describedBy, Field } from '../../ui/Field';
import type { FieldErrors } from '../../ui/formErrors';
import { PasswordInput } from '../../ui/PasswordInput';
import type { CredentialDraft } from './credentialDraft';

interface Props {
  draft: CredentialDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<CredentialDraft>) => void;
}

function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: T;
  options: [T, string][];
  onChange: (v: T) => void;
  testId: string;
}) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label} data-testid={testId}>
      {options.map(([v, text]) => (
        <button key={v} type="button" role="radio" aria-checked={value === v} onClick={() => onChange(v)} data-value={v}>
          {text}
        </button>
      ))}
    </div>
  );
}

export function CredentialFormFields({ draft, errors, onChange }: Props) {
  const isKey = draft.kind === 'private-key';
  return (
    <>
      <div className="credential-kind">
        <Segmented
          label="Kind"
          value={draft.kind}
          options={[
            ['private-key', 'Private key'],
            ['password', 'Password'],
          ]}
          onChange={(kind) => onChange({ kind })}
          testId="credential-kind"
        />
      </div>
      <Field
        label="Name"
        htmlFor="cred-name"
        error={errors['name']}
        hint="Hosts refer to it by this name, e.g. deploy-key or admin-password."
        required
      >
        <input
          {...describedBy('cred-name', errors['name'])}
          className="input"
          data-autofocus
          value={draft.name}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => onChange({ name: e.target.value })}
          data-testid="credential-name"
        />
      </Field>
      {isKey && (
        <>
          <div className="key-source">
            <span className="field-label">Private key</span>
            <Segmented
              label="Key source"
              value={draft.source}
              options={[
                ['paste', 'Paste'],
                ['path', 'File on this machine'],
              ]}
              onChange={(source) => onChange({ source })}
              testId="credential-source"
            />
          </div>
          {draft.source === 'paste' ? (
            <Field
              label="Key text"
              htmlFor="cred-privateKey"
              error={errors['privateKey']}
              hint="OpenSSH or PEM format. It is stored only inside the encrypted vault."
            >
              <textarea
                {...describedBy('cred-privateKey', errors['privateKey'])}
                className="textarea mono-input key-text"
                rows={6}
                spellCheck={false}
                value={draft.privateKey}
                placeholder={'-----BEGIN OPENSSH PRIVATE KEY-----\n…\n-----END OPENSSH PRIVATE KEY-----'}
                onChange={(e) => onChange({ privateKey: e.target.value })}
                data-testid="credential-private-key"
              />
            </Field>
          ) : (
            <Field
              label="Key file"
              htmlFor="cred-path"
              error={errors['path']}
              hint="OpsDeck reads the file now and keeps a copy in the vault; the file is not needed later."
            >
              <input
                {...describedBy('cred-path', errors['path'])}
                className="input mono-input"
                value={draft.path}
                placeholder="/home/you/.ssh/id_ed25519"
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => onChange({ path: e.target.value })}
                data-testid="credential-path"
              />
            </Field>
          )}
          <Field
            label="Key passphrase"
            htmlFor="cred-passphrase"
            error={errors['passphrase']}
            hint="Only if the key is encrypted. Kept in the vault with the key."
          >
            <PasswordInput
              {...describedBy('cred-passphrase', errors['passphrase'])}
              value={draft.passphrase}
              onChange={(e) => onChange({ passphrase: e.target.value })}
              data-testid="credential-passphrase"
            />
          </Field>
        </>
      )}
      {!isKey && (
        <Field
          label="Password"
          htmlFor="cred-password"
          error={errors['password']}
          hint="Used for SSH password or keyboard-interactive sign-in."
        >
          <PasswordInput
            {...describedBy('cred-password', errors['password'])}
            value={draft.password}
            onChange={(e) => onChange({ password: e.target.value })}
            data-testid="credential-password"
          />
        </Field>
      )}
    </>
  );
}
