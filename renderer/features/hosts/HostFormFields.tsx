/** The host form's fields and pickers; HostFormDialog owns the state and the saving. */
import { useShallow } from 'zustand/react/shallow';
import type { AuthMethod, Credential, Host } from '../../../shared/model';
import { useStore } from '../../app/store';
import { ChipInput } from '../../ui/ChipInput';
import { describedBy, Field } from '../../ui/Field';
import type { FieldErrors } from '../../ui/formErrors';
import { tagCounts } from './filterHosts';
import { groupProblem, tagProblem, type HostDraft } from './hostDraft';

interface HostFormFieldsProps {
  draft: HostDraft;
  errors: FieldErrors;
  editing: Host | undefined;
  onChange: (patch: Partial<HostDraft>) => void;
  onFieldError: (field: string, message: string | null) => void;
}

const AUTH_OPTIONS: { value: AuthMethod | ''; label: string; hint: string }[] = [
  { value: '', label: 'Automatic', hint: 'Automatic: the credential decides (key or password); with none, your SSH agent.' },
  { value: 'key', label: 'Private key', hint: 'Signs in with the private key chosen as credential.' },
  { value: 'password', label: 'Password', hint: 'Signs in with the password chosen as credential.' },
  { value: 'agent', label: 'SSH agent', hint: 'Uses the keys loaded in your SSH agent; no credential needed.' },
  {
    value: 'keyboard-interactive',
    label: 'Keyboard-interactive',
    hint: "Answers the server's prompts; a password credential fills the password prompt.",
  },
];

/** Picking a credential switches the auth method to match when the current one cannot use it. */
function authForCredential(auth: AuthMethod | '', credential: Credential | undefined): AuthMethod | '' {
  if (!credential) return auth;
  const wanted: AuthMethod = credential.kind === 'private-key' ? 'key' : 'password';
  if (auth === '' || auth === 'agent') return wanted;
  if (auth === 'key' && wanted === 'password') return wanted;
  if (auth === 'password' && wanted === 'key') return wanted;
  return auth;
}

export function HostFormFields({ draft, errors, editing, onChange, onFieldError }: HostFormFieldsProps) {
  const { hosts, credentials, groups } = useStore(useShallow((s) => ({ hosts: s.hosts, credentials: s.credentials, groups: s.groups })));
  const jumpCandidates = hosts.filter((h) => h.name !== editing?.name);
  const authHint = AUTH_OPTIONS.find((o) => o.value === draft.auth)?.hint;
  const e = (field: keyof HostDraft) => errors[field];

  return (
    <>
      {/* Reads like ssh's own name, then user@address:port. */}
      <div className="field-row host-row-1">
        <Field label="Name" htmlFor="host-name" error={e('name')} required>
          <input
            {...describedBy('host-name', e('name'))}
            className="input"
            data-autofocus
            value={draft.name}
            placeholder="web-1"
            spellCheck={false}
            autoComplete="off"
            onChange={(ev) => onChange({ name: ev.target.value })}
            data-testid="host-name"
          />
        </Field>
        <Field label="Address" htmlFor="host-address" error={e('address')} required>
          <input
            {...describedBy('host-address', e('address'))}
            className="input mono-input"
            value={draft.address}
            placeholder="10.0.0.12 or web-1.example.com"
            spellCheck={false}
            autoComplete="off"
            onChange={(ev) => onChange({ address: ev.target.value })}
            data-testid="host-address"
          />
        </Field>
        <Field label="Port" htmlFor="host-port" error={e('port')}>
          <input
            {...describedBy('host-port', e('port'))}
            className="input mono-input"
            value={draft.port}
            inputMode="numeric"
            autoComplete="off"
            onChange={(ev) => onChange({ port: ev.target.value })}
            data-testid="host-port"
          />
        </Field>
      </div>
      <div className="field-group">
        <div className="field-row host-row-3">
          <Field label="User" htmlFor="host-user" error={e('user')}>
            <input
              {...describedBy('host-user', e('user'))}
              className="input"
              value={draft.user}
              placeholder={editing ? '' : 'Your login name'}
              spellCheck={false}
              autoComplete="off"
              onChange={(ev) => onChange({ user: ev.target.value })}
              data-testid="host-user"
            />
          </Field>
          <Field label="Authentication" htmlFor="host-auth" error={e('auth')}>
            <select
              {...describedBy('host-auth', e('auth'))}
              className="select"
              value={draft.auth}
              onChange={(ev) => onChange({ auth: ev.target.value as AuthMethod | '' })}
              data-testid="host-auth"
            >
              {AUTH_OPTIONS.filter((o) => o.value !== '' || !editing).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Credential" htmlFor="host-credential" error={e('credential')}>
            <select
              {...describedBy('host-credential', e('credential'))}
              className="select"
              value={draft.credential}
              disabled={draft.auth === 'agent'}
              onChange={(ev) => {
                const credential = credentials.find((c) => c.name === ev.target.value);
                onChange({ credential: ev.target.value, auth: authForCredential(draft.auth, credential) });
              }}
              data-testid="host-credential"
            >
              <option value="">None</option>
              {credentials.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name} ({c.kind === 'private-key' ? (c.keyType ?? 'key') : 'password'})
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="field-hint">
          {credentials.length === 0 ? `${authHint ?? ''} No credentials yet: add keys and passwords under Keys.` : authHint}
        </div>
      </div>
      <div className="field-row host-row-3">
        <Field label="Jump host" htmlFor="host-jumpHost" error={e('jumpHost')}>
          <select
            {...describedBy('host-jumpHost', e('jumpHost'))}
            className="select"
            value={draft.jumpHost}
            onChange={(ev) => onChange({ jumpHost: ev.target.value })}
            data-testid="host-jumpHost"
          >
            <option value="">None (direct)</option>
            {jumpCandidates.map((h) => (
              <option key={h.name} value={h.name}>
                {h.name} ({h.address})
              </option>
            ))}
          </select>
        </Field>
        <Field label="Tags" htmlFor="host-tags" error={e('tags')}>
          <ChipInput
            id="host-tags"
            value={draft.tags}
            onChange={(tags) => onChange({ tags })}
            validate={tagProblem}
            onError={(m) => onFieldError('tags', m)}
            suggestions={tagCounts(hosts).map(([t]) => t)}
            placeholder="prod, role:web"
            invalid={Boolean(e('tags'))}
            testId="host-tags"
          />
        </Field>
        <Field label="Groups" htmlFor="host-groups" error={e('groups')}>
          <ChipInput
            id="host-groups"
            value={draft.groups}
            onChange={(next) => onChange({ groups: next })}
            validate={groupProblem}
            onError={(m) => onFieldError('groups', m)}
            suggestions={groups.map((g) => g.name)}
            placeholder="New or existing"
            invalid={Boolean(e('groups'))}
            chipClassName="chip-group"
            testId="host-groups"
          />
        </Field>
      </div>
      <Field label="Notes" htmlFor="host-notes" error={e('notes')}>
        <textarea
          {...describedBy('host-notes', e('notes'))}
          className="textarea"
          rows={2}
          value={draft.notes}
          placeholder="Anything the next person should know: owner, maintenance window, quirks."
          onChange={(ev) => onChange({ notes: ev.target.value })}
          data-testid="host-notes"
        />
      </Field>
    </>
  );
}
