import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseKnownHostsSource } from '../../../electron/core/transfer/known-hosts';
import { excludeSet, LEFT_OUT, planKnownHosts, type StoredKey } from '../../../electron/core/transfer/planner';
import { fingerprintSha256 } from '../../../electron/core/ssh/fingerprint';
import type { Host } from '../../../shared/model';
import { ed25519Blob, line, rsaBlob } from '../ssh/keys';
import { denied, emptyView, fakeFs } from './helpers';

function hashedName(name: string, salt = Buffer.alloc(20, 3)): string {
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

function host(name: string, address: string, port = 22): Host {
  return {
    id: name,
    name,
    address,
    port,
    user: 'ops',
    auth: 'agent',
    credential: null,
    jumpHost: null,
    tags: [],
    groups: [],
    notes: '',
    createdAt: '',
    updatedAt: '',
  };
}

const parse = (text: string) => parseKnownHostsSource({ text, fileName: 'known_hosts' }, fakeFs({}));

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('known_hosts import', () => {
  const web = ed25519Blob();
  const db = rsaBlob();
  const ca = ed25519Blob();
  const bad = ed25519Blob();

  it('adds plain entries per name and port, matches hashed ones against vault hosts, honours the markers', () => {
    const text = [
      '\uFEFF# known hosts',
      line('web1,10.0.0.11', web),
      line('[db.example.com]:2222', db) + ' comment after the key',
      line(hashedName('10.0.0.31'), web),
      line(hashedName('[unknown.example.com]:22'), web),
      line('*.example.com', ca, '@cert-authority'),
      line('*', bad, '@revoked'),
      line('old.example.com', bad),
      line('web1', web),
      '',
    ].join('\r\n');
    const stored: StoredKey = {
      host: 'legacy',
      port: 22,
      keyType: 'ssh-ed25519',
      key: bad,
      fingerprint: fingerprintSha256(bad),
      addedAt: '',
    };
    const view = emptyView({ hosts: [host('db-primary', '10.0.0.31')], hostKeys: [stored] });
    const { plan, ops } = planKnownHosts(parse(text), view, 'known_hosts');
    const rows = plan.items.map((i) => [i.action, i.name, i.reason, i.source?.line]);
    expect(rows).toEqual([
      ['add', 'web1:22', null, 2],
      ['add', '10.0.0.11:22', null, 2],
      ['add', 'db.example.com:2222', null, 3],
      ['add', '10.0.0.31:22', 'host db-primary', 4],
      ['skip', '*.example.com', expect.stringMatching(/^@cert-authority: OpsDeck does not use host certificates/), 6],
      ['add', '*', '@revoked: never trusted again, for any host', 7],
      ['update', 'legacy:22', 'marked @revoked: no longer trusted', 7],
      ['skip', 'old.example.com:22', 'the same key is marked @revoked on line 7', 8],
      ['skip', 'web1:22', 'duplicate of line 2', 9],
      ['skip', '1 hashed entry', expect.stringMatching(/match none/), 5],
    ]);
    expect(plan.counts).toEqual({ add: 5, update: 1, skip: 4 });
    expect(ops.map((o) => o.op)).toEqual([
      'add-host-key',
      'add-host-key',
      'add-host-key',
      'add-host-key',
      'revoke-host-key',
      'remove-host-key',
    ]);
    expect(ops.find((o) => o.op === 'revoke-host-key')).toMatchObject({ keyType: 'ssh-ed25519', source: 'known_hosts, line 7' });
    // Imported again once the vault holds the revocation: nothing to do for that line.
    const again = planKnownHosts(parse(text), emptyView({ revokedKeys: new Set([bad.toString('base64')]) }), 'known_hosts');
    expect(again.plan.items.find((i) => i.name === '*')).toMatchObject({ action: 'skip', reason: 'already revoked in the vault' });
  });

  it('never replaces a key the vault already trusts with a different one', () => {
    const other = ed25519Blob();
    const view = emptyView({
      hostKeys: [{ host: 'web1', port: 22, keyType: 'ssh-ed25519', key: other, fingerprint: fingerprintSha256(other), addedAt: '' }],
    });
    const { plan, ops } = planKnownHosts(parse(line('web1', web)), view, 'kh');
    expect(ops).toEqual([]);
    expect(plan.items[0]?.reason).toMatch(
      /^the vault trusts a different ssh-ed25519 key for this host \(SHA256:.*\); forget that one first/,
    );
    const same = planKnownHosts(parse(line('web1', other)), view, 'kh');
    expect(same.plan.items[0]).toMatchObject({ action: 'skip', reason: 'already trusted in the vault' });
  });

  it('keeps wildcard patterns out (they cannot be stored per host)', () => {
    const { plan } = planKnownHosts(parse(line('*.corp,bastion.corp', web)), emptyView(), 'kh');
    expect(plan.items.map((i) => [i.action, i.name])).toEqual([
      ['skip', '*.corp'],
      ['add', 'bastion.corp:22'],
    ]);
  });

  it.each([
    [line('web1', web).replace('ssh-ed25519', 'ssh-rsa'), /the key is a ssh-ed25519 key, but the line says ssh-rsa/],
    ['web1 ssh-ed25519', /expected "HOSTS KEY-TYPE BASE64-KEY"/],
    ['web1 ssh-ed25519 not!base64', /not valid base64/],
    [line('web1', web, '@trusted'), /unknown marker "@trusted"/],
    [line('|1|onlysalt', web), /hashed host name .* is malformed/],
  ])('refuses a malformed line, naming file, line and problem: %j', (bad, problem) => {
    const message = errorOf(() => parse(`# ok\n${line('a', web)}\n${bad}\n`));
    expect(message).toMatch(/^known_hosts, line 3: /);
    expect(message).toMatch(problem);
  });

  it('names an unreadable file', () => {
    expect(
      errorOf(() => parseKnownHostsSource({ path: '/home/ops/.ssh/known_hosts' }, fakeFs({ '/home/ops/.ssh/known_hosts': denied() }))),
    ).toBe('/home/ops/.ssh/known_hosts: the file is not readable (permission denied)');
  });

  it('leaves out the host:port the user unticked: its adds, its duplicates and its @revoked removal', () => {
    const stored: StoredKey = {
      host: 'legacy',
      port: 22,
      keyType: 'ssh-ed25519',
      key: bad,
      fingerprint: fingerprintSha256(bad),
      addedAt: '',
    };
    const text = [line('web1', web), line('db1', db), line('*', bad, '@revoked'), line('WEB1', web), ''].join('\n');
    const view = emptyView({ hostKeys: [stored] });
    const { plan, ops } = planKnownHosts(parse(text), view, 'kh', excludeSet(['web1:22', 'Legacy:22']));
    expect(plan.items.map((i) => [i.action, i.name, i.reason, i.excluded ?? false])).toEqual([
      ['skip', 'web1:22', LEFT_OUT, true],
      ['add', 'db1:22', null, false],
      ['add', '*', '@revoked: never trusted again, for any host', false],
      ['skip', 'legacy:22', LEFT_OUT, true],
      ['skip', 'web1:22', LEFT_OUT, true],
    ]);
    expect(ops.map((o) => [o.op, 'host' in o ? o.host : ''])).toEqual([
      ['add-host-key', 'db1'],
      ['revoke-host-key', ''],
    ]);
    // The revocation itself can be left out too (by the name the preview shows): the whole line is, trust removal included.
    const none = planKnownHosts(parse(text), view, 'kh', excludeSet(['*']));
    expect(none.ops.map((o) => o.op)).toEqual(['add-host-key', 'add-host-key']);
  });
});
