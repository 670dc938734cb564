/**
 * The credential form's state and its conversion to the contract's CredentialInput. A private key
 * comes either as pasted text or as a path the core reads on this machine, never both; the
 * schema allows either, so "exactly one" is checked here.
 */
import type { Input } from '../../../shared/api';
import { CredentialInput } from '../../../shared/model';
import { fieldErrorsFromZod, type FieldErrors } from '../../ui/formErrors';

export type KeySource = 'paste' | 'path';

export interface CredentialDraft {
  kind: 'private-key' | 'password';
  name: string;
  source: KeySource;
  privateKey: string;
  path: string;
  passphrase: string;
  password: string;
}

export const CREDENTIAL_FIELDS = ['kind', 'name', 'privateKey', 'path', 'passphrase', 'password'] as const;

export function emptyCredentialDraft(): CredentialDraft {
  return { kind: 'private-key', name: '', source: 'paste', privateKey: '', path: '', passphrase: '', password: '' };
}

/** A pasted public key is the most common mix-up; say so before the core does. */
function looksLikePublicKey(text: string): boolean {
  return /^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-|sk-)\S* AAAA/.test(text.trim());
}

export function toCredentialInput(d: CredentialDraft): { ok: true; value: Input<'credentials.add'> } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  let raw: Input<'credentials.add'>;
  if (d.kind === 'password') {
    raw = { kind: 'password', name: d.name, password: d.password };
  } else if (d.source === 'paste') {
    if (!d.privateKey.trim()) errors['privateKey'] = 'Paste the private key (the file without .pub).';
    else if (looksLikePublicKey(d.privateKey)) errors['privateKey'] = 'This is a public key. Paste the private key: the file without .pub.';
    raw = { kind: 'private-key', name: d.name, privateKey: d.privateKey, passphrase: d.passphrase || undefined };
  } else {
    if (!d.path.trim()) errors['path'] = 'Enter the path of the private key file.';
    raw = { kind: 'private-key', name: d.name, path: d.path.trim(), passphrase: d.passphrase || undefined };
  }
  const parsed = CredentialInput.safeParse(raw);
  const all = { ...(parsed.success ? {} : fieldErrorsFromZod(parsed.error, CREDENTIAL_FIELDS)), ...errors };
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors: all };
  return { ok: true, value: parsed.data };
}
