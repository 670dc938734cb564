/**
 * Private key inspection with ssh2's parser: is it a private key, which type, its public
 * fingerprint, and whether the passphrase opens it. Errors never contain key material.
 */
import { createHash } from 'node:crypto';
import ssh2Default from 'ssh2';
import type * as Ssh2 from 'ssh2';
import { OpsError } from '../../../../shared/model';

// ssh2 is CommonJS: under Node's ESM loader only its default export is reliable.
const ssh2: typeof Ssh2 = ssh2Default;

export interface KeyInfo {
  keyType: string;
  fingerprint: string;
  comment: string | null;
  encrypted: boolean;
}

function looksEncrypted(text: string): boolean {
  return (
    /ENCRYPTED/.test(text) ||
    /bcrypt/.test(
      Buffer.from(text.replace(/-----[^-]+-----|\s/g, ''), 'base64')
        .subarray(0, 64)
        .toString('latin1'),
    )
  );
}

export function fingerprintOf(publicSsh: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(publicSsh).digest('base64').replace(/=+$/, '');
}

/** `field` is the form field the key came from ('privateKey' when pasted, 'path' when read from a file). */
export function inspectPrivateKey(
  text: string,
  passphrase: string | undefined,
  source: string,
  field: 'privateKey' | 'path' = 'privateKey',
): KeyInfo {
  if (!/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(text)) {
    if (/^(ssh-|ecdsa-|sk-)/.test(text.trim())) throw new OpsError('KEY_FILE', `${source} is a public key, not a private key.`, field);
    throw new OpsError('KEY_FILE', `${source} is not a private key (no "BEGIN ... PRIVATE KEY" block).`, field);
  }
  const encrypted = looksEncrypted(text);
  if (encrypted && !passphrase)
    throw new OpsError('KEY_FILE', `${source} is protected by a passphrase; enter it to store the key.`, 'passphrase');
  const parsed = ssh2.utils.parseKey(text, passphrase);
  // Older ssh2 versions returned an array for multi-key files; take the first key either way.
  const key: Ssh2.ParsedKey | Error | undefined = Array.isArray(parsed) ? (parsed as Ssh2.ParsedKey[])[0] : parsed;
  if (!key || key instanceof Error) {
    const reason =
      key instanceof Error && /passphrase|decrypt|bad/i.test(key.message) && encrypted
        ? 'the passphrase is wrong'
        : 'the key could not be parsed';
    throw new OpsError('KEY_FILE', `${source}: ${reason}.`, encrypted ? 'passphrase' : field);
  }
  if (!key.isPrivateKey()) throw new OpsError('KEY_FILE', `${source} is a public key, not a private key.`, field);
  return { keyType: key.type, fingerprint: fingerprintOf(key.getPublicSSH()), comment: key.comment || null, encrypted };
}
