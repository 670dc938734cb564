/**
 * Host key identity: the key type inside an SSH public key blob and its OpenSSH-style SHA256
 * fingerprint ("SHA256:" + unpadded base64 of sha256(blob)), which is what users compare with
 * `ssh-keygen -lf` output, so it must match OpenSSH exactly.
 */
import { createHash } from 'node:crypto';

export function fingerprintSha256(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The first field of a key blob is its type string (RFC 4253 6.6). Null when the blob is malformed. */
export function keyTypeOfBlob(blob: Buffer): string | null {
  if (blob.length < 4) return null;
  const len = blob.readUInt32BE(0);
  if (len === 0 || len > 64 || 4 + len > blob.length) return null;
  const type = blob.subarray(4, 4 + len).toString('latin1');
  return /^[A-Za-z0-9@._-]+$/.test(type) ? type : null;
}

/**
 * The host key signature algorithms to offer for a stored key type, so the server presents the key
 * we already know (OpenSSH orders HostKeyAlgorithms by known_hosts for the same reason). RSA keys
 * sign with SHA-2 only: ssh-rsa (SHA-1) is disabled on purpose.
 */
export function hostKeyAlgorithmsFor(keyType: string): string[] {
  if (keyType === 'ssh-rsa') return ['rsa-sha2-512', 'rsa-sha2-256'];
  if (keyType === 'ssh-ed25519' || /^ecdsa-sha2-nistp(256|384|521)$/.test(keyType)) return [keyType];
  return [];
}

/** Our default offer, strongest first; no ssh-rsa (SHA-1) and no ssh-dss. */
export const DEFAULT_HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
];

/** Known key types first (in the order given), then the rest of the defaults. */
export function orderHostKeyAlgorithms(knownTypes: readonly string[]): string[] {
  const preferred = knownTypes.flatMap(hostKeyAlgorithmsFor);
  return [...new Set([...preferred, ...DEFAULT_HOST_KEY_ALGORITHMS])];
}
