/** Test helpers: real SSH public key blobs (RFC 4253 wire format) for made-up hosts. */
import { generateKeyPairSync } from 'node:crypto';
import ssh2 from 'ssh2';

function sshString(b: Buffer | string): Buffer {
  const body = typeof b === 'string' ? Buffer.from(b) : b;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
}

function mpint(b: Buffer): Buffer {
  let v = b;
  while (v.length > 1 && v[0] === 0 && (v[1]! & 0x80) === 0) v = v.subarray(1);
  if (v[0]! & 0x80) v = Buffer.concat([Buffer.from([0]), v]);
  return sshString(v);
}

export function ed25519Blob(): Buffer {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return Buffer.concat([sshString('ssh-ed25519'), sshString(raw)]);
}

export function rsaBlob(): Buffer {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const jwk = publicKey.export({ format: 'jwk' });
  return Buffer.concat([sshString('ssh-rsa'), mpint(Buffer.from(jwk.e!, 'base64url')), mpint(Buffer.from(jwk.n!, 'base64url'))]);
}

export function line(hosts: string, blob: Buffer, marker = ''): string {
  const type = blob.subarray(4, 4 + blob.readUInt32BE(0)).toString();
  return `${marker ? `${marker} ` : ''}${hosts} ${type} ${blob.toString('base64')}`;
}

/**
 * A passphrase-protected OpenSSH ed25519 private key. ssh2's generator makes one its own parser
 * rejects ("Malformed OpenSSH private key") about once in 400 keys, which made tests fail at random;
 * keep generating until the key opens with its passphrase.
 */
export function protectedEd25519(passphrase: string, rounds = 16): string {
  for (let i = 0; i < 20; i++) {
    const key = ssh2.utils.generateKeyPairSync('ed25519', { passphrase, cipher: 'aes256-ctr', rounds }).private;
    if (!(ssh2.utils.parseKey(key, passphrase) instanceof Error)) return key;
  }
  throw new Error('ssh2 made no readable protected key in 20 tries');
}
