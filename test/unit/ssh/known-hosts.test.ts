import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintSha256, keyTypeOfBlob, orderHostKeyAlgorithms } from '../../../electron/core/ssh/fingerprint';
import { KnownHostsFile, lookupKnownHosts, parseKnownHosts } from '../../../electron/core/ssh/known-hosts';
import { ed25519Blob, line, rsaBlob } from './keys';

const hasSshKeygen = (() => {
  try {
    execFileSync('ssh-keygen', ['-?'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return (e as { status?: number }).status !== undefined; // ran but printed usage
  }
})();

function hashed(name: string, blob: Buffer, salt = Buffer.alloc(20, 7)): string {
  const hash = createHmac('sha1', salt).update(name).digest('base64');
  return line(`|1|${salt.toString('base64')}|${hash}`, blob);
}

describe('fingerprints and key types', () => {
  it('reads the type out of a blob and rejects garbage', () => {
    expect(keyTypeOfBlob(ed25519Blob())).toBe('ssh-ed25519');
    expect(keyTypeOfBlob(rsaBlob())).toBe('ssh-rsa');
    expect(keyTypeOfBlob(Buffer.from([0, 0, 0]))).toBeNull();
    expect(keyTypeOfBlob(Buffer.from([0xff, 0xff, 0xff, 0xff, 1]))).toBeNull();
  });

  it.skipIf(!hasSshKeygen)('matches ssh-keygen -lf exactly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsdeck-fp-'));
    for (const blob of [ed25519Blob(), rsaBlob()]) {
      writeFileSync(join(dir, 'k.pub'), `${line('', blob).trim()}\n`);
      const out = execFileSync('ssh-keygen', ['-lf', join(dir, 'k.pub')], { encoding: 'utf8' });
      expect(out.split(' ')[1]).toBe(fingerprintSha256(blob));
    }
  });

  it('offers the known key type first, never ssh-rsa (SHA-1)', () => {
    expect(orderHostKeyAlgorithms(['ssh-rsa']).slice(0, 2)).toEqual(['rsa-sha2-512', 'rsa-sha2-256']);
    expect(orderHostKeyAlgorithms([])[0]).toBe('ssh-ed25519');
    expect(orderHostKeyAlgorithms(['ssh-rsa', 'ssh-ed25519'])).not.toContain('ssh-rsa');
  });
});

describe('known_hosts', () => {
  const a = ed25519Blob();
  const b = ed25519Blob();
  const c = rsaBlob();
  const ca = ed25519Blob();
  const text = [
    '# comment',
    '',
    line('web1.example.com,10.0.0.1', a),
    line('[db.example.com]:2222', b),
    line('*.corp.example.com,!secret.corp.example.com', c),
    line('app?.example.com', b),
    hashed('hashed.example.com', a),
    hashed('[hashed.example.com]:2200', b),
    line('*', ca, '@cert-authority'),
    line('*.example.com', b, '@revoked'),
    'garbage line',
    `web1.example.com ssh-ed25519 ${c.toString('base64')}`, // type field disagrees with the blob: corrupt
    line('@unknown-marker', a),
  ].join('\n');
  const entries = parseKnownHosts(text);
  const keys = (host: string, port = 22) => lookupKnownHosts(entries, host, port, 'kh');

  it('skips comments, blanks, corrupt lines and unknown markers', () => {
    expect(entries).toHaveLength(8);
  });

  it('matches plain names, comma lists and IPs, case-insensitively', () => {
    expect(keys('web1.example.com').map((k) => k.key)).toContainEqual(a);
    expect(keys('WEB1.Example.COM').map((k) => k.key)).toContainEqual(a);
    expect(keys('10.0.0.1').map((k) => k.key)).toContainEqual(a);
  });

  it('uses [host]:port for other ports and the plain name for 22', () => {
    expect(keys('db.example.com', 2222).some((k) => k.key.equals(b) && !k.marker)).toBe(true);
    expect(keys('db.example.com', 22).some((k) => !k.marker)).toBe(false);
    expect(keys('web1.example.com', 2222).some((k) => !k.marker)).toBe(false);
  });

  it('honours wildcards and negation', () => {
    expect(keys('x.corp.example.com').some((k) => k.key.equals(c))).toBe(true);
    expect(keys('secret.corp.example.com').some((k) => k.key.equals(c))).toBe(false);
    expect(keys('app1.example.com').some((k) => k.key.equals(b) && !k.marker)).toBe(true);
    expect(keys('app12.example.com').some((k) => k.key.equals(b) && !k.marker)).toBe(false);
  });

  it('matches hashed names, with and without port', () => {
    expect(keys('hashed.example.com').some((k) => k.key.equals(a))).toBe(true);
    expect(keys('hashed.example.com', 2200).some((k) => k.key.equals(b) && !k.marker)).toBe(true);
    expect(keys('other.example.com').some((k) => k.key.equals(a))).toBe(false);
  });

  it('keeps markers so the policy can refuse revoked keys and ignore CA keys', () => {
    expect(keys('anything.example.com').find((k) => k.key.equals(b))?.marker).toBe('revoked');
    expect(keys('host.elsewhere.org').find((k) => k.key.equals(ca))?.marker).toBe('cert-authority');
    expect(keys('web1.example.com')[0]?.source).toBe('kh:3');
  });

  it.skipIf(!hasSshKeygen)('agrees with OpenSSH on files hashed by ssh-keygen -H', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsdeck-kh-'));
    const file = join(dir, 'known_hosts');
    writeFileSync(file, `${line('alpha.test', a)}\n${line('[beta.test]:2022', b)}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
    const hashedEntries = parseKnownHosts(execFileSync('cat', [file], { encoding: 'utf8' }));
    expect(hashedEntries.every((e) => 'hashed' in e.hosts)).toBe(true);
    expect(lookupKnownHosts(hashedEntries, 'alpha.test', 22, 'f').map((k) => k.key)).toEqual([a]);
    expect(lookupKnownHosts(hashedEntries, 'beta.test', 2022, 'f').map((k) => k.key)).toEqual([b]);
    expect(lookupKnownHosts(hashedEntries, 'beta.test', 22, 'f')).toEqual([]);
    // and OpenSSH finds what we find
    expect(() => execFileSync('ssh-keygen', ['-F', '[beta.test]:2022', '-f', file], { stdio: 'ignore' })).not.toThrow();
  });

  it('reads a file lazily and tolerates a missing one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsdeck-kh-'));
    expect(await new KnownHostsFile(join(dir, 'missing')).lookup('x', 22)).toEqual([]);
    const file = join(dir, 'known_hosts');
    writeFileSync(file, `${line('gamma.test', a)}\n`);
    const kh = new KnownHostsFile(file);
    expect((await kh.lookup('gamma.test', 22)).map((k) => k.key)).toEqual([a]);
  });
});
