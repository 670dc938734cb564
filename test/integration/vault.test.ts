// The vault on real files: encryption at rest, passphrases, the KDF floor, crash safety.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/api';
import { openEncrypted } from '../../electron/core/vault/database';
import { tempDir } from './helpers/tmp';

const tmp = tempDir('vault');
afterAll(() => tmp.cleanup());

let n = 0;
function freshCore(opts: { insecureTestKdf?: boolean } = { insecureTestKdf: true }) {
  const path = join(tmp.dir, `v${n++}`, 'vault.opsdeck');
  return new Core({ path, ...opts, log: () => undefined });
}

/** Every file OpsDeck keeps beside the vault, the ones in folders (the holders list) included. */
function filesOf(core: Core): string[] {
  const dir = join(core.vault.path, '..');
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function sshKeygen(file: string, passphrase = ''): string {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', 'test@opsdeck', '-f', file]);
  return readFileSync(file, 'utf8');
}

describe('encryption at rest', () => {
  it('no host name, address, note, user, password or key is readable in any file on disk', async () => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'correct horse battery staple' });
    const keyText = sshKeygen(join(tmp.dir, 'plain-key'));
    await core.invoke('credentials.add', { kind: 'private-key', name: 'deploy-key', privateKey: keyText });
    await core.invoke('credentials.add', { kind: 'password', name: 'legacy-pw', password: 'Hunter2-UniquePassword' });
    await core.invoke('hosts.add', {
      name: 'zebra-payments-db',
      address: 'payments.internal.example',
      user: 'dbadmin',
      credential: 'deploy-key',
      tags: ['pci-scope'],
      notes: 'SecretNoteMarker',
    });
    // Keep the database open so the write-ahead log still holds the recent pages.
    const files = filesOf(core);
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
    const secrets = [
      'zebra-payments-db',
      'payments.internal.example',
      'dbadmin',
      'pci-scope',
      'SecretNoteMarker',
      'Hunter2-UniquePassword',
      'deploy-key',
      keyText.split('\n')[1]!,
    ];
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const s of secrets) expect(bytes.includes(Buffer.from(s)), `${s} in ${file}`).toBe(false);
      expect(bytes.includes(Buffer.from('SQLite format 3')), `SQLite header in ${file}`).toBe(false);
    }
    core.close();
    for (const file of filesOf(core)) for (const s of secrets) expect(readFileSync(file).includes(Buffer.from(s))).toBe(false);
  });

  it('the database and header are private to the user (0600)', async () => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'correct horse battery staple' });
    await core.invoke('hosts.add', { name: 'a', address: '10.0.0.1' });
    for (const f of filesOf(core)) expect(statSync(f).mode & 0o077, f).toBe(0);
    core.close();
  });
});

describe('passphrases', () => {
  it('a wrong passphrase gives a clear error and changes nothing', async () => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'right passphrase' });
    await core.invoke('hosts.add', { name: 'keep-me', address: '10.0.0.2' });
    await core.invoke('vault.lock', {});
    const header = readFileSync(core.vault.headerPath);
    const db = readFileSync(core.vault.path);
    const r = await core.call('vault.unlock', { passphrase: 'wrong passphrase' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', message: 'Wrong passphrase. The vault stays locked.', field: 'passphrase' },
    });
    expect(core.vault.state()).toBe('locked');
    expect(readFileSync(core.vault.headerPath).equals(header)).toBe(true);
    expect(readFileSync(core.vault.path).equals(db)).toBe(true);
    await core.invoke('vault.unlock', { passphrase: 'right passphrase' });
    expect((await core.invoke('hosts.list', {})).map((h) => h.name)).toEqual(['keep-me']);
    core.close();
  });

  it('calls that need the vault fail with VAULT_LOCKED while locked', async () => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'right passphrase' });
    await core.invoke('vault.lock', {});
    expect(await core.call('hosts.list', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    core.close();
  });

  it('changing the passphrase re-wraps the key only: data stays, the old passphrase stops working', async () => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'old passphrase' });
    await core.invoke('hosts.add', { name: 'survivor', address: '10.0.0.3' });
    await core.invoke('vault.lock', {});
    const dbBefore = readFileSync(core.vault.path);
    expect(await core.call('vault.changePassphrase', { current: 'not it', next: 'new passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', field: 'current' },
    });
    await core.invoke('vault.changePassphrase', { current: 'old passphrase', next: 'new passphrase' });
    expect(readFileSync(core.vault.path).equals(dbBefore)).toBe(true);
    expect(await core.call('vault.unlock', { passphrase: 'old passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    await core.invoke('vault.unlock', { passphrase: 'new passphrase' });
    expect((await core.invoke('hosts.list', {})).map((h) => h.name)).toEqual(['survivor']);
    core.close();
  });

  it('refuses to open a header whose KDF is below the floor', async () => {
    const weak = freshCore({ insecureTestKdf: true });
    await weak.invoke('vault.create', { passphrase: 'some passphrase' });
    weak.close();
    const strict = new Core({ path: weak.vault.path, log: () => undefined });
    const r = await strict.call('vault.unlock', { passphrase: 'some passphrase' });
    expect(r).toMatchObject({ ok: false, error: { code: 'KDF_TOO_WEAK' } });
    if (!r.ok) expect(r.error.message).toMatch(/below the minimum/);
    strict.close();
  });

  it('the product default KDF is scrypt N=2^17, r=8, p=1 in the header', async () => {
    const core = freshCore({});
    await core.invoke('vault.create', { passphrase: 'a strong default' });
    const header = JSON.parse(readFileSync(core.vault.headerPath, 'utf8')) as { kdf: { N: number; r: number; p: number } };
    expect(header.kdf).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    core.close();
  });

  it('a damaged header is reported as such, not as a wrong passphrase', async () => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'some passphrase' });
    await core.invoke('vault.lock', {});
    writeFileSync(core.vault.headerPath, '{"format":"nope"');
    expect(await core.call('vault.unlock', { passphrase: 'some passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'VAULT_CORRUPT' },
    });
    core.close();
  });

  it('create refuses to overwrite an existing vault', async () => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'first passphrase' });
    core.close();
    const again = new Core({ path: core.vault.path, insecureTestKdf: true, log: () => undefined });
    expect(await again.call('vault.create', { passphrase: 'second passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'VAULT_EXISTS' },
    });
    again.close();
  });
});

describe('idle lock', () => {
  it('locks after the configured idle time and emits vault.locked', async () => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'idle passphrase' });
    await core.invoke('settings.update', { idleLockMinutes: 1 });
    const events: unknown[] = [];
    core.onEvent((name, payload) => events.push({ name, payload }));
    // Drive the timer's check directly with a clock 61 s ahead instead of waiting a minute.
    (core as unknown as { idle: { check(at: number): void } }).idle.check(Date.now() + 61_000);
    expect(core.vault.state()).toBe('locked');
    expect(events).toContainEqual({ name: 'vault.locked', payload: { reason: 'idle' } });
    core.close();
  });

  it('terminal acks (sent by the UI by itself) do not count as activity; a request does', async () => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'idle passphrase' });
    await core.invoke('settings.update', { idleLockMinutes: 1 });
    const idle = (core as unknown as { idle: { last: number; check(at?: number): void } }).idle;
    idle.last = Date.now() - 61_000;
    await core.invoke('hosts.list', {});
    idle.check();
    expect(core.vault.state()).toBe('unlocked');
    idle.last = Date.now() - 61_000;
    // An ack for a session that is gone is answered, and still is no sign of a person.
    await core.call('terminals.ack', { id: '00000000-0000-4000-8000-000000000000', seq: 5 });
    idle.check();
    expect(core.vault.state()).toBe('locked');
    core.close();
  });
});

describe('crash safety', () => {
  it('kill -9 in the middle of a write loop leaves a vault with every committed write', async () => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'crash passphrase' });
    core.close();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'helpers', 'write-loop.ts'), core.vault.path, 'crash passphrase'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let lastCommitted = -1;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        const lines = d.toString().trim().split('\n');
        lastCommitted = Number(lines[lines.length - 1]);
        if (lastCommitted >= 150 && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.once('exit', r));
    expect(existsSync(core.vault.path + '-wal')).toBe(true);

    const reopened = new Core({ path: core.vault.path, insecureTestKdf: true, log: () => undefined });
    await reopened.invoke('vault.unlock', { passphrase: 'crash passphrase' });
    const db = reopened.vault.db();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const names = (await reopened.invoke('hosts.list', {})).map((h) => Number(h.name.slice('crash-'.length))).sort((a, b) => a - b);
    // Every write the child reported as committed is there, and nothing half-written is.
    expect(names.length).toBeGreaterThanOrEqual(lastCommitted + 1);
    expect(names).toEqual(names.map((_, i) => i));
    reopened.close();
  }, 60_000);
});

describe('credentials', () => {
  it('stores private keys (also passphrase-protected ones) and never returns the secret', async () => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'cred passphrase' });
    const plain = join(tmp.dir, 'k1');
    sshKeygen(plain);
    const c1 = await core.invoke('credentials.add', { kind: 'private-key', name: 'k1', path: plain });
    expect(c1).toMatchObject({ kind: 'private-key', keyType: 'ssh-ed25519', hasPassphrase: false });
    expect(c1.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    const fp = execFileSync('ssh-keygen', ['-l', '-f', plain]).toString().split(' ')[1];
    expect(c1.fingerprint).toBe(fp);

    const enc = join(tmp.dir, 'k2');
    sshKeygen(enc, 'key-pass');
    expect(await core.call('credentials.add', { kind: 'private-key', name: 'k2', path: enc })).toMatchObject({
      ok: false,
      error: { code: 'KEY_FILE', field: 'passphrase' },
    });
    expect(await core.call('credentials.add', { kind: 'private-key', name: 'k2', path: enc, passphrase: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'KEY_FILE', message: expect.stringMatching(/passphrase is wrong/) as string },
    });
    expect(await core.invoke('credentials.add', { kind: 'private-key', name: 'k2', path: enc, passphrase: 'key-pass' })).toMatchObject({
      hasPassphrase: true,
    });

    const listed = JSON.stringify(await core.invoke('credentials.list', {}));
    expect(listed).not.toContain('PRIVATE KEY');
    expect(listed).not.toContain('key-pass');
    core.close();
  });

  it.each([
    ['a missing file', (d: string) => join(d, 'does-not-exist'), /does not exist/],
    ['a public key', (d: string) => (sshKeygen(join(d, 'pubonly')), join(d, 'pubonly.pub')), /public key, not a private key/],
    ['a random file', (d: string) => (writeFileSync(join(d, 'junk'), 'hello'), join(d, 'junk')), /not a private key/],
    ['a directory', (d: string) => d, /is a directory/],
  ])('refuses %s with a clear KEY_FILE error', async (_label, make, message) => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'cred passphrase' });
    const dir = join(tmp.dir, `kf${n++}`);
    mkdirSync(dir);
    const r = await core.call('credentials.add', { kind: 'private-key', name: 'bad', path: make(dir) });
    expect(r).toMatchObject({ ok: false, error: { code: 'KEY_FILE', message: expect.stringMatching(message) as string } });
    expect(await core.invoke('credentials.list', {})).toEqual([]);
    core.close();
  });

  it('refuses an unreadable key file (permission denied) when not root', async () => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'cred passphrase' });
    const file = join(tmp.dir, 'unreadable');
    sshKeygen(file);
    chmodSync(file, 0o000);
    const r = await core.call('credentials.add', { kind: 'private-key', name: 'x', path: file });
    // root reads anything; everyone else must get "not readable".
    if (process.getuid?.() === 0) expect(r.ok).toBe(true);
    else expect(r).toMatchObject({ ok: false, error: { code: 'KEY_FILE', message: expect.stringMatching(/not readable/) as string } });
    core.close();
  });

  it('a credential in use cannot be removed', async () => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'cred passphrase' });
    await core.invoke('credentials.add', { kind: 'password', name: 'pw', password: 'secret' });
    await core.invoke('hosts.add', { name: 'h', address: '10.0.0.9', credential: 'pw' });
    expect(await core.call('credentials.remove', { name: 'pw' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/used by h/) as string },
    });
    core.close();
  });
});

describe('hosts', () => {
  it('validates references, names and jump chains with field-specific messages', async () => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'host passphrase' });
    await core.invoke('hosts.add', { name: 'bastion', address: '10.0.0.1' });
    await core.invoke('hosts.add', { name: 'inner', address: '10.0.1.1', jumpHost: 'bastion' });
    await core.invoke('hosts.add', { name: 'deep', address: '10.0.2.1', jumpHost: 'inner' });
    expect(await core.call('hosts.add', { name: 'BASTION', address: '10.0.0.5' })).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE', field: 'name' },
    });
    expect(await core.call('hosts.add', { name: 'x', address: '10.0.0.5', jumpHost: 'ghost' })).toMatchObject({
      ok: false,
      error: { field: 'jumpHost' },
    });
    expect(await core.call('hosts.add', { name: 'x', address: '10.0.0.5', credential: 'ghost' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'credential' },
    });
    const cycle = await core.call('hosts.update', { name: 'bastion', patch: { jumpHost: 'deep' } });
    expect(cycle).toMatchObject({
      ok: false,
      error: { field: 'jumpHost', message: expect.stringMatching(/cycle: deep → inner → bastion/) as string },
    });
    expect(await core.call('hosts.remove', { name: 'inner' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/jump host of deep/) as string },
    });
    // Renaming the jump host keeps the reference.
    await core.invoke('hosts.update', { name: 'bastion', patch: { name: 'gateway' } });
    expect((await core.invoke('hosts.get', { name: 'inner' })).jumpHost).toBe('gateway');
    core.close();
  });

  it('groups are created on first use and counted', async () => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'host passphrase' });
    await core.invoke('hosts.add', { name: 'a', address: '10.0.0.1', groups: ['web', 'prod'] });
    await core.invoke('hosts.add', { name: 'b', address: '10.0.0.2', groups: ['web'] });
    expect((await core.invoke('groups.list', {})).map((g) => [g.name, g.hostCount])).toEqual([
      ['prod', 1],
      ['web', 2],
    ]);
    await core.invoke('groups.remove', { name: 'web' });
    expect((await core.invoke('hosts.get', { name: 'b' })).groups).toEqual([]);
    core.close();
  });

  it('changes many hosts in one step: tags and groups added and removed, deletes all or none', async () => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'bulk passphrase' });
    await core.invoke('hosts.add', { name: 'bastion', address: '10.0.0.1', tags: ['edge'] });
    await core.invoke('hosts.add', { name: 'web1', address: '10.0.0.2', jumpHost: 'bastion', tags: ['old', 'web'], groups: ['Shop'] });
    await core.invoke('hosts.add', { name: 'web2', address: '10.0.0.3', jumpHost: 'bastion', tags: ['web'] });
    const events: string[] = [];
    const off = core.onEvent((event, payload) => event === 'inventory.changed' && events.push((payload as { what: string }).what));

    const tagged = await core.invoke('hosts.bulk', { names: ['WEB1', 'web2'], change: { kind: 'tags', add: ['prod'], remove: ['old'] } });
    expect(tagged).toEqual({ changed: 2 });
    expect((await core.invoke('hosts.get', { name: 'web1' })).tags).toEqual(['web', 'prod']);
    expect((await core.invoke('hosts.get', { name: 'web2' })).tags).toEqual(['web', 'prod']);
    // Already so: nothing changes, and it says so.
    expect(await core.invoke('hosts.bulk', { names: ['web1'], change: { kind: 'tags', add: ['prod'] } })).toEqual({ changed: 0 });

    await core.invoke('hosts.bulk', { names: ['web1', 'web2'], change: { kind: 'groups', add: ['web-tier'], remove: ['shop'] } });
    expect((await core.invoke('hosts.get', { name: 'web1' })).groups).toEqual(['web-tier']);
    expect((await core.invoke('groups.list', {})).find((g) => g.name === 'web-tier')?.hostCount).toBe(2);
    expect(events).toContain('hosts');

    // One unknown name, or a jump host that others still need: nothing at all happens.
    expect(await core.call('hosts.bulk', { names: ['web1', 'ghost'], change: { kind: 'delete' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No host named "ghost". Nothing was changed.' },
    });
    expect(await core.call('hosts.bulk', { names: ['bastion', 'web1'], change: { kind: 'delete' } })).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringMatching(/^Cannot delete: bastion is the jump host of web2\. .*Nothing was changed\.$/) as string,
      },
    });
    expect((await core.invoke('hosts.list', {})).map((h) => h.name)).toEqual(['bastion', 'web1', 'web2']);
    // The jump host goes together with every host behind it.
    expect(await core.invoke('hosts.bulk', { names: ['bastion', 'web1', 'web2'], change: { kind: 'delete' } })).toEqual({ changed: 3 });
    expect(await core.invoke('hosts.list', {})).toEqual([]);
    off();
    core.close();
  });

  it('reopening the raw database with a wrong key fails cleanly', async () => {
    const core = freshCore();
    await core.invoke('vault.create', { passphrase: 'host passphrase' });
    core.close();
    expect(() => openEncrypted(core.vault.path, Buffer.alloc(32, 7))).toThrow(/does not match its header/);
  });
});
