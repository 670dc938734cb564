import ssh2 from 'ssh2';
import { describe, expect, it } from 'vitest';
import { excludeSet, LEFT_OUT, planInventory, publicFingerprint, type VaultView } from '../../../electron/core/transfer/planner';
import { inspectPrivateKey } from '../../../electron/core/vault/repos/ssh-key';
import type { ParsedHost, ParsedInventory } from '../../../electron/core/transfer/types';
import type { Credential, Host } from '../../../shared/model';
import { denied, emptyView, fakeFs } from './helpers';
import { protectedEd25519 } from '../ssh/keys';

const plainKey = ssh2.utils.generateKeyPairSync('ed25519').private;
const protectedKey = protectedEd25519('open sesame');
const fpOf = (k: string, p?: string) => inspectPrivateKey(k, p, 'k').fingerprint;

function parsed(...hosts: Array<Partial<ParsedHost> & { name: string }>): ParsedInventory {
  return {
    hosts: hosts.map((h, i) => ({ groups: [], tags: [], warnings: [], source: { file: 'inv', line: i + 1 }, ...h })),
    skipped: [],
    notes: [],
  };
}

function vaultHost(name: string, over: Partial<Host> = {}): Host {
  return {
    id: name,
    name,
    address: `${name}.lan`,
    port: 22,
    user: 'ops',
    auth: 'agent',
    credential: null,
    jumpHost: null,
    tags: [],
    groups: [],
    notes: '',
    createdAt: '',
    updatedAt: '',
    ...over,
  };
}

function credential(name: string, fingerprint: string): Credential {
  return {
    id: name,
    name,
    kind: 'private-key',
    keyType: 'ssh-ed25519',
    fingerprint,
    comment: null,
    hasPassphrase: false,
    usedBy: [],
    createdAt: '',
  };
}

const files = { '/k/plain': plainKey, '/k/protected': protectedKey, '/k/denied': denied(), '/k/pub': 'ssh-ed25519 AAAA' };

function plan(inv: ParsedInventory, view: VaultView = emptyView(), passphrases: Record<string, string> = {}, exclude: string[] = []) {
  return planInventory(inv, view, {
    kind: 'ssh-config',
    source: 'inv',
    fs: fakeFs(files),
    keyPassphrases: passphrases,
    exclude: excludeSet(exclude),
  });
}

const rows = (p: ReturnType<typeof plan>) => p.plan.items.map((i) => [i.kind, i.action, i.name, i.reason]);

describe('import planner', () => {
  it('adds new hosts, updates known ones with exactly what the file sets, skips identical ones', () => {
    const view = emptyView({
      hosts: [
        vaultHost('web1', { address: '10.0.0.1', groups: ['web'], tags: ['prod'] }),
        vaultHost('db1', { address: '10.0.0.2', port: 5432 }),
      ],
      groups: [{ id: 'g', name: 'web', description: '', hostCount: 1 }],
    });
    const p = plan(
      parsed(
        { name: 'new1', address: '10.0.0.9', user: 'root' },
        { name: 'web1', port: 2222, groups: ['web', 'edge'], tags: ['prod'] },
        { name: 'DB1' },
      ),
      view,
    );
    expect(rows(p)).toEqual([
      ['group', 'add', 'edge', null],
      ['host', 'add', 'new1', null],
      ['host', 'update', 'web1', null],
      ['host', 'skip', 'db1', 'already in the vault with the same settings'],
    ]);
    const update = p.plan.items.find((i) => i.action === 'update');
    expect(update?.changes).toEqual([
      { field: 'port', from: '22', to: '2222' },
      { field: 'groups', from: 'web', to: 'web, edge' },
    ]);
    expect(p.plan.items.find((i) => i.name === 'new1')?.detail).toBe('root@10.0.0.9:22');
    expect(p.ops).toEqual([
      { op: 'add-group', name: 'edge' },
      { op: 'add-host', name: 'new1', fields: { address: '10.0.0.9', user: 'root', tags: [], groups: [] } },
      { op: 'update-host', name: 'web1', fields: { port: 2222, groups: ['web', 'edge'] } },
    ]);
    expect(p.plan.counts).toEqual({ add: 2, update: 1, skip: 1 });
  });

  it('skips what breaks the contract, with the rule as the reason', () => {
    const p = plan(
      parsed(
        { name: 'bad name' },
        { name: 'ok', address: 'not an address!' },
        { name: 'u', user: 'bad user' },
        { name: 't', tags: ['good', 'bad tag'] },
      ),
    );
    expect(rows(p)).toEqual([
      ['host', 'skip', 'bad name', expect.stringMatching(/^"bad name" is not a valid OpsDeck name/)],
      ['host', 'skip', 'ok', 'address "not an address!": Not a valid host name or IP address'],
      ['host', 'skip', 'u', 'user "bad user": Not a valid user name'],
      ['host', 'add', 't', null],
    ]);
    expect(p.plan.items[3]?.warnings).toEqual(['Tag "bad tag" left out (tags use letters, digits and : . _ = -)']);
  });

  it('reads key files once: new ones become credentials, known ones are reused, problems are skipped with the reason', () => {
    const view = emptyView({ credentials: [] });
    const inv = parsed(
      { name: 'a', identityFile: '/k/plain' },
      { name: 'b', identityFile: '/k/plain' },
      { name: 'c', identityFile: '/k/protected' },
      { name: 'd', identityFile: '/k/denied' },
      { name: 'e', identityFile: '/k/missing' },
      { name: 'f', identityFile: '/k/pub' },
    );
    const p = plan(inv, view);
    const keys = Object.fromEntries(p.plan.keys.map((k) => [k.path, [k.state, k.credential]]));
    expect(keys).toEqual({
      '/k/plain': ['ok', 'plain'],
      '/k/protected': ['needs-passphrase', null],
      '/k/denied': ['unreadable', null],
      '/k/missing': ['unreadable', null],
      '/k/pub': ['unreadable', null],
    });
    expect(p.plan.keys.find((k) => k.path === '/k/plain')?.usedBy).toEqual(['a', 'b']);
    expect(p.ops.filter((o) => o.op === 'add-credential')).toHaveLength(1);
    const c = p.plan.items.find((i) => i.name === 'c');
    expect(c?.warnings[0]).toBe('Key /k/protected needs its passphrase; this host uses the SSH agent until the key is stored');
    expect(p.plan.items.find((i) => i.kind === 'credential' && i.detail === '/k/denied')?.reason).toBe(
      'The key file is not readable (permission denied)',
    );
    // Nothing secret in the plan.
    expect(JSON.stringify(p.plan)).not.toMatch(/PRIVATE KEY|open sesame/);

    const wrong = plan(inv, view, { '/k/protected': 'nope' });
    expect(wrong.plan.keys.find((k) => k.path === '/k/protected')?.state).toBe('wrong-passphrase');
    const right = plan(inv, view, { '/k/protected': 'open sesame' });
    expect(right.plan.keys.find((k) => k.path === '/k/protected')).toMatchObject({ state: 'ok', credential: 'protected' });
    expect(right.ops.find((o) => o.op === 'add-credential' && o.name === 'protected')).toMatchObject({ passphrase: 'open sesame' });

    const reused = plan(
      inv,
      emptyView({ credentials: [credential('deploy', fpOf(plainKey)), credential('other', fpOf(protectedKey, 'open sesame'))] }),
    );
    expect(reused.plan.keys.find((k) => k.path === '/k/plain')).toMatchObject({ state: 'reused', credential: 'deploy' });
    // A protected key already in the vault is recognised by its public half, without the passphrase.
    expect(reused.plan.keys.find((k) => k.path === '/k/protected')).toMatchObject({ state: 'reused', credential: 'other' });
    expect(reused.ops.some((o) => o.op === 'add-credential')).toBe(false);
  });

  it('reads the public key fingerprint of a protected OpenSSH key', () => {
    expect(publicFingerprint(protectedKey, '/k/protected', fakeFs({}))).toBe(fpOf(protectedKey, 'open sesame'));
  });

  it('resolves jump hosts to the file or the vault, drops unknown ones, refuses cycles', () => {
    const view = emptyView({ hosts: [vaultHost('bastion'), vaultHost('loop-b', { jumpHost: 'loop-a' }), vaultHost('loop-a')] });
    const p = plan(
      parsed(
        { name: 'app', jumpHost: 'bastion' },
        { name: 'inner', jumpHost: 'app' },
        { name: 'lost', jumpHost: 'nowhere' },
        { name: 'loop-a', jumpHost: 'loop-b' },
        { name: 'self', jumpHost: 'self' },
      ),
      view,
    );
    expect(rows(p)).toEqual([
      ['host', 'add', 'app', null],
      ['host', 'add', 'inner', null],
      ['host', 'add', 'lost', null],
      ['host', 'skip', 'loop-a', 'jump host cycle: loop-a → loop-b → loop-a'],
      ['host', 'skip', 'self', 'jump host cycle: self → self'],
    ]);
    expect(p.plan.items.find((i) => i.name === 'lost')?.warnings).toEqual([
      'Jump host "nowhere" is neither in this file nor in the vault; left out',
    ]);
    expect(p.plan.items.find((i) => i.name === 'inner')?.detail).toBe('me@inner:22 via app');
  });

  it('orders adds so every jump host exists before the hosts behind it', () => {
    const p = plan(parsed({ name: 'c', jumpHost: 'b' }, { name: 'b', jumpHost: 'a' }, { name: 'a' }));
    expect(p.ops.map((o) => ('name' in o ? o.name : ''))).toEqual(['a', 'b', 'c']);
  });

  it('uses a vault host for a made-up jump hop with the same address and port', () => {
    const view = emptyView({ hosts: [vaultHost('edge', { address: '203.0.113.10', port: 2222 })] });
    const p = plan(
      parsed(
        { name: 'app', jumpHost: '203.0.113.10-2222' },
        { name: '203.0.113.10-2222', address: '203.0.113.10', port: 2222, synthetic: { reason: 'hop' } },
      ),
      view,
    );
    expect(rows(p)).toEqual([
      ['host', 'skip', '203.0.113.10-2222', 'already in the vault as edge'],
      ['host', 'add', 'app', null],
    ]);
    expect(p.plan.items[1]?.detail).toBe('me@app:22 via edge');
  });

  it('gives the same fingerprint for the same plan and another one when the vault moved', () => {
    const inv = parsed({ name: 'x', address: '10.0.0.1' });
    expect(plan(inv).plan.fingerprint).toBe(plan(inv).plan.fingerprint);
    expect(plan(inv, emptyView({ hosts: [vaultHost('x')] })).plan.fingerprint).not.toBe(plan(inv).plan.fingerprint);
  });

  it('leaves out what the user unticked, and what only it needed; a host behind it loses the jump host with a warning', () => {
    const view = emptyView({ hosts: [vaultHost('web1', { address: '10.0.0.1' })] });
    const inv = parsed(
      { name: 'bastion', address: '10.0.0.5', identityFile: '/k/plain', groups: ['edge'] },
      { name: 'app', address: '10.0.0.6', jumpHost: 'bastion' },
      { name: 'web1', port: 2222 },
    );
    const all = plan(inv, view);
    expect(all.plan.counts).toEqual({ add: 4, update: 1, skip: 0 });

    const some = plan(inv, view, {}, ['BASTION', 'web1']);
    expect(rows(some)).toEqual([
      ['host', 'skip', 'bastion', LEFT_OUT],
      ['host', 'add', 'app', null],
      ['host', 'skip', 'web1', LEFT_OUT],
    ]);
    expect(some.plan.items.filter((i) => i.excluded).map((i) => i.name)).toEqual(['bastion', 'web1']);
    expect(some.plan.items.find((i) => i.name === 'app')?.warnings).toEqual(['Jump host bastion is left out, so it was left out']);
    // Nothing is written for the left-out host, its key or its group.
    expect(some.ops).toEqual([{ op: 'add-host', name: 'app', fields: { address: '10.0.0.6', tags: [], groups: [] } }]);
    expect(some.plan.keys).toEqual([]);
    expect(some.plan.fingerprint).not.toBe(all.plan.fingerprint);
    expect(plan(inv, view, {}, ['bastion', 'web1']).plan.fingerprint).toBe(some.plan.fingerprint);
  });
});
