// Imports, exports and backups on real vault files, through the core and through the real `opsdeck` command.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/api';
import type { Host } from '../../shared/model';
import type { HostScan } from '../../shared/model/scan';
import { tempDir } from './helpers/tmp';
import { protectedEd25519 } from '../unit/ssh/keys';

const tmp = tempDir('transfer');
afterAll(() => tmp.cleanup());
const PASS = 'transfer test passphrase';

let n = 0;
async function freshCore(create = true): Promise<Core> {
  const core = new Core({ path: join(tmp.dir, `v${n++}`, 'vault.opsdeck'), insecureTestKdf: true, log: () => undefined });
  if (create) await core.invoke('vault.create', { passphrase: PASS });
  return core;
}

/** What a host is, without ids and timestamps (which differ between vaults). */
function shape(hosts: Host[]) {
  return hosts.map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }) => rest);
}

async function importText(core: Core, kind: 'ansible' | 'csv' | 'ssh-config' | 'known-hosts', text: string, fileName: string) {
  const req = { kind, source: { text, fileName } };
  const plan = await core.invoke('import.preview', req);
  return core.invoke('import.apply', { ...req, fingerprint: plan.fingerprint });
}

const INVENTORY = `# a customer's inventory
[bastions]
bastion ansible_host=203.0.113.10 ansible_user=ops

[web]
web[01:03].shop.example ansible_user=deploy

[db]
db-primary ansible_host=10.20.3.31 ansible_port=5022 opsdeck_notes="PostgreSQL 15 primary"
db-replica ansible_host=10.20.3.32

[prod:children]
web
db

[prod:vars]
opsdeck_tags=prod,dc=fra1
ansible_ssh_common_args='-o ProxyJump=bastion'

[db:vars]
ansible_user=postgres
`;

function scan(host: string, address: string): HostScan {
  return {
    host,
    address,
    startedAt: new Date().toISOString(),
    durationMs: 1234,
    status: 'failed',
    failure: { code: 'UNREACHABLE', message: 'connect ETIMEDOUT' },
    notes: ['seeded by the transfer test'],
    facts: null,
    services: [],
    edges: [],
    findings: [],
  };
}

describe('Ansible round trip', () => {
  it('import an inventory, export it, import the export into a fresh vault: same hosts and groups', async () => {
    const a = await freshCore();
    const first = await importText(a, 'ansible', INVENTORY, 'hosts.ini');
    expect(first.plan.counts).toEqual({ add: 6 + 4, update: 0, skip: 0 }); // 6 hosts and the groups bastions, web, db, prod
    const hostsA = await a.invoke('hosts.list', {});
    expect(hostsA.map((h) => h.name)).toEqual([
      'bastion',
      'db-primary',
      'db-replica',
      'web01.shop.example',
      'web02.shop.example',
      'web03.shop.example',
    ]);
    expect(hostsA.find((h) => h.name === 'db-primary')).toMatchObject({
      address: '10.20.3.31',
      port: 5022,
      user: 'postgres',
      jumpHost: 'bastion',
      groups: ['db', 'prod'],
      tags: ['prod', 'dc=fra1'],
      notes: 'PostgreSQL 15 primary',
    });
    expect(hostsA.find((h) => h.name === 'web02.shop.example')).toMatchObject({
      address: 'web02.shop.example',
      user: 'deploy',
      jumpHost: 'bastion',
      groups: ['prod', 'web'],
    });

    const exported = await a.invoke('export.inventory', { format: 'ansible' });
    expect(exported.count).toBe(6);
    expect(exported.fileName).toMatch(/\.yml$/);

    const b = await freshCore();
    await importText(b, 'ansible', exported.content, exported.fileName);
    expect(shape(await b.invoke('hosts.list', {}))).toEqual(shape(hostsA));
    expect((await b.invoke('groups.list', {})).map((g) => [g.name, g.hostCount])).toEqual(
      (await a.invoke('groups.list', {})).map((g) => [g.name, g.hostCount]),
    );

    // And back into the vault it came from: nothing to do.
    const again = await a.invoke('import.preview', { kind: 'ansible', source: { text: exported.content, fileName: exported.fileName } });
    expect(again.counts).toEqual({ add: 0, update: 0, skip: 6 });
    a.close();
    b.close();
  });

  it('CSV and ssh_config exports import back too', async () => {
    const a = await freshCore();
    await importText(a, 'ansible', INVENTORY, 'hosts.ini');
    const hostsA = await a.invoke('hosts.list', {});
    const csv = await a.invoke('export.inventory', { format: 'csv' });
    const b = await freshCore();
    await importText(b, 'csv', csv.content, csv.fileName);
    expect(shape(await b.invoke('hosts.list', {}))).toEqual(shape(hostsA));

    const conf = await a.invoke('export.inventory', { format: 'ssh-config' });
    const c = await freshCore();
    await importText(c, 'ssh-config', conf.content, conf.fileName);
    // ssh_config has no groups, tags or notes: the connection settings come back.
    const pick = (hs: Host[]) => hs.map((h) => [h.name, h.address, h.port, h.user, h.jumpHost]);
    expect(pick(await c.invoke('hosts.list', {}))).toEqual(pick(hostsA));
    for (const core of [a, b, c]) core.close();
  });
});

describe('preview, apply, undo', () => {
  it('applies nothing until asked, refuses a stale preview, and undoes an import as one step', async () => {
    const core = await freshCore();
    const keyPath = join(tmp.dir, 'deploy_ed25519');
    writeFileSync(keyPath, ssh2.utils.generateKeyPairSync('ed25519').private, { mode: 0o600 });
    await core.invoke('hosts.add', { name: 'web1', address: '10.0.0.1', groups: ['web'] });
    const before = await core.invoke('hosts.list', {});

    const config = join(tmp.dir, 'ssh_config');
    writeFileSync(
      config,
      `Host web1\n  Port 2222\n  IdentityFile ${keyPath}\nHost app1\n  HostName 10.0.0.2\n  ProxyJump web1\n  IdentityFile ${keyPath}\n`,
    );
    const req = { kind: 'ssh-config' as const, source: { path: config } };
    const plan = await core.invoke('import.preview', req);
    expect(plan.items.map((i) => [i.kind, i.action, i.name])).toEqual([
      ['credential', 'add', 'deploy_ed25519'],
      ['host', 'update', 'web1'],
      ['host', 'add', 'app1'],
    ]);
    expect(await core.invoke('hosts.list', {})).toEqual(before); // preview changes nothing

    // The vault moved since the preview: refused, nothing applied.
    await core.invoke('hosts.add', { name: 'other', address: '10.0.0.9' });
    const stalePlan = { ...req, fingerprint: plan.fingerprint };
    await core.invoke('hosts.remove', { name: 'other' });
    writeFileSync(config, `${readFileSync(config, 'utf8')}Host extra\n`);
    await expect(core.invoke('import.apply', stalePlan)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/changed since the preview/) as string,
    });
    expect(await core.invoke('hosts.list', {})).toEqual(before);

    const fresh = await core.invoke('import.preview', req);
    const applied = await core.invoke('import.apply', { ...req, fingerprint: fresh.fingerprint });
    expect(applied.batch?.counts).toEqual({ add: 3, update: 1, skip: 0 });
    const after = await core.invoke('hosts.list', {});
    expect(after.find((h) => h.name === 'web1')).toMatchObject({ port: 2222, credential: 'deploy_ed25519', auth: 'key', groups: ['web'] });
    expect(after.find((h) => h.name === 'app1')).toMatchObject({ jumpHost: 'web1', credential: 'deploy_ed25519' });

    const history = await core.invoke('import.history', {});
    expect(history[0]).toMatchObject({ id: applied.batch?.id, kind: 'ssh-config', source: config, undoneAt: null });

    // A host the import touched was changed since: undo refuses and changes nothing.
    await core.invoke('hosts.update', { name: 'app1', patch: { notes: 'mine now' } });
    await expect(core.invoke('import.undo', { batchId: applied.batch?.id ?? '' })).rejects.toMatchObject({
      message: expect.stringMatching(/app1 was changed after the import.*Nothing was changed/) as string,
    });
    await core.invoke('hosts.update', { name: 'app1', patch: { notes: '' } });

    const undone = await core.invoke('import.undo', { batchId: applied.batch?.id ?? '' });
    expect(undone.undoneAt).not.toBeNull();
    expect(shape(await core.invoke('hosts.list', {}))).toEqual(shape(before));
    expect(await core.invoke('credentials.list', {})).toEqual([]);
    await expect(core.invoke('import.undo', { batchId: applied.batch?.id ?? '' })).rejects.toMatchObject({
      message: expect.stringMatching(/already undone/) as string,
    });
    core.close();
  });

  it('undoes an import that routed an existing host through a jump host it added', async () => {
    const core = await freshCore();
    await core.invoke('hosts.add', { name: 'app', address: '10.0.0.5' });
    const before = await core.invoke('hosts.list', {});
    const r = await importText(core, 'ssh-config', 'Host app\n  ProxyJump ops@bastion.example:2222\n', 'config');
    expect((await core.invoke('hosts.get', { name: 'app' })).jumpHost).toBe('bastion.example-2222');
    await core.invoke('import.undo', { batchId: r.batch?.id ?? '' });
    expect(shape(await core.invoke('hosts.list', {}))).toEqual(shape(before));
    core.close();
  });

  it('a malformed file imports nothing and says file, line and problem', async () => {
    const core = await freshCore();
    const bad = '[web]\nweb1 ansible_host=10.0.0.1\n[db\ndb1\n';
    await expect(
      core.invoke('import.preview', { kind: 'ansible', source: { text: bad, fileName: 'inventory.ini' } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'inventory.ini, line 3: bad section header "[db" (expected [group], [group:vars] or [group:children])',
    });
    await expect(
      core.invoke('import.apply', { kind: 'ansible', source: { text: bad, fileName: 'inventory.ini' }, fingerprint: 'x' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await core.invoke('hosts.list', {})).toEqual([]);
    await expect(core.invoke('import.preview', { kind: 'ansible', source: { path: join(tmp.dir, 'nope.ini') } })).rejects.toMatchObject({
      message: `${join(tmp.dir, 'nope.ini')}: the file does not exist`,
    });
    core.close();
  });

  it('imports known_hosts keys into the vault trust store, and undoes them', async () => {
    const core = await freshCore();
    const pub = ssh2.utils.parseKey(ssh2.utils.generateKeyPairSync('ed25519').public);
    if (pub instanceof Error) throw pub;
    const blob = pub.getPublicSSH();
    const text = `web1,10.0.0.1 ssh-ed25519 ${blob.toString('base64')}\n[10.0.0.2]:2222 ssh-ed25519 ${blob.toString('base64')}\n`;
    const r = await importText(core, 'known-hosts', text, 'known_hosts');
    expect(r.plan.counts).toEqual({ add: 3, update: 0, skip: 0 });
    expect((await core.invoke('hostkeys.list', {})).map((k) => `${k.host}:${k.port}`)).toEqual(['10.0.0.1:22', '10.0.0.2:2222', 'web1:22']);
    await core.invoke('import.undo', { batchId: r.batch?.id ?? '' });
    expect(await core.invoke('hostkeys.list', {})).toEqual([]);
    core.close();
  });
});

describe('encrypted backup', () => {
  async function seeded(): Promise<Core> {
    const core = await freshCore();
    await core.invoke('credentials.add', {
      kind: 'private-key',
      name: 'deploy',
      privateKey: ssh2.utils.generateKeyPairSync('ed25519').private,
    });
    await core.invoke('credentials.add', {
      kind: 'private-key',
      name: 'locked',
      privateKey: protectedEd25519('key pass'),
      passphrase: 'key pass',
    });
    await core.invoke('credentials.add', { kind: 'password', name: 'db-admin', password: 'Backup-Me-Password' });
    await importText(core, 'ansible', INVENTORY, 'hosts.ini');
    await core.invoke('hosts.update', { name: 'db-primary', patch: { credential: 'db-admin', auth: 'password' } });
    await core.invoke('hosts.update', { name: 'bastion', patch: { credential: 'deploy' } });
    await core.invoke('settings.update', { theme: 'dark', idleLockMinutes: 7 });
    const db = (await core.invoke('hosts.get', { name: 'db-primary' })).id;
    core.scans.save('run-1', db, scan('db-primary', '10.20.3.31'));
    core.scans.save('run-2', db, scan('db-primary', '10.20.3.31'));
    await core.hostKeys.add('203.0.113.10', 22, { keyType: 'ssh-ed25519', key: Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAIE', 'base64') });
    return core;
  }

  async function everything(core: Core) {
    const hosts = await core.invoke('hosts.list', {});
    const credentials = await core.invoke('credentials.list', {});
    return {
      hosts,
      credentials,
      secrets: credentials.map((c) => core.credentials.secret(c.id)),
      groups: await core.invoke('groups.list', {}),
      settings: await core.invoke('settings.get', {}),
      scans: hosts.flatMap((h) => core.scans.list(h.id).map((s) => core.scans.get(s.id))),
      hostKeys: await core.invoke('hostkeys.list', {}),
      imports: await core.invoke('import.history', {}),
    };
  }

  it('backup to a file, restore into a fresh install with the passphrase: everything is back', async () => {
    const source = await seeded();
    const want = await everything(source);
    expect(want.scans).toHaveLength(2);
    const file = join(tmp.dir, 'full.opsdeck-backup');
    const made = await source.invoke('backup.create', { path: file });
    expect(made).toMatchObject({ path: file, downloadId: null, fileName: 'full.opsdeck-backup' });
    // Encrypted: no secret, host or note in the file.
    const raw = readFileSync(file);
    for (const s of ['Backup-Me-Password', 'db-primary', '203.0.113.10', 'PostgreSQL', 'PRIVATE KEY'])
      expect(raw.includes(s), s).toBe(false);
    await expect(source.invoke('backup.create', { path: file })).rejects.toMatchObject({
      message: expect.stringMatching(/already exists/) as string,
    });

    const target = await freshCore(false);
    expect(target.vault.state()).toBe('missing');
    await expect(target.invoke('backup.restore', { source: { path: file }, passphrase: 'not the passphrase' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(target.vault.state()).toBe('missing');
    expect(existsSync(join(target.vault.path, '..')) ? readdirSync(join(target.vault.path, '..')) : []).toEqual([]);

    const restored = await target.invoke('backup.restore', { source: { path: file }, passphrase: PASS });
    expect(restored).toMatchObject({
      status: { state: 'unlocked', idleLockMinutes: 7 },
      setAside: null,
      counts: { hosts: 6, credentials: 3, groups: 4, scans: 2 },
    });
    expect(await everything(target)).toEqual(want);

    // The restored vault opens with the backup's passphrase after a restart, and the user may set a new one.
    target.close();
    const reopened = new Core({ path: target.vault.path, insecureTestKdf: true, log: () => undefined });
    await reopened.invoke('vault.unlock', { passphrase: PASS });
    await reopened.invoke('vault.changePassphrase', { current: PASS, next: 'a brand new passphrase' });
    reopened.close();
    source.close();
  });

  it('travels in chunks through a door, and replaces an existing vault only when asked, keeping it aside', async () => {
    const source = await seeded();
    const want = await everything(source);
    const made = await source.invoke('backup.create', {});
    expect(made.downloadId).toBeTruthy();
    const parts: Buffer[] = [];
    for (let offset = 0, done = false; !done;) {
      const chunk = await source.invoke('backup.download', { downloadId: made.downloadId ?? '', offset });
      parts.push(Buffer.from(chunk.data, 'base64'));
      offset += Buffer.from(chunk.data, 'base64').length;
      done = chunk.done;
    }
    const bytes = Buffer.concat(parts);
    expect(bytes.length).toBe(made.bytes);
    await expect(source.invoke('backup.download', { downloadId: made.downloadId ?? '', offset: 0 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const target = await freshCore();
    await target.invoke('hosts.add', { name: 'keep-me', address: '10.9.9.9' });
    let uploadId: string | undefined;
    for (let i = 0; i < bytes.length; i += 50_000) {
      const r = await target.invoke('backup.upload', {
        ...(uploadId ? { uploadId } : {}),
        data: bytes.subarray(i, i + 50_000).toString('base64'),
      });
      uploadId = r.uploadId;
    }
    await expect(target.invoke('backup.restore', { source: { uploadId: uploadId ?? '' }, passphrase: PASS })).rejects.toMatchObject({
      code: 'VAULT_EXISTS',
    });
    expect((await target.invoke('hosts.list', {})).map((h) => h.name)).toEqual(['keep-me']);

    const r = await target.invoke('backup.restore', { source: { uploadId: uploadId ?? '' }, passphrase: PASS, replace: true });
    expect(r.setAside).toMatch(/vault\.opsdeck\.before-restore-/);
    expect(await everything(target)).toEqual(want);
    // The replaced vault is still there and still opens.
    const old = new Core({ path: r.setAside ?? '', insecureTestKdf: true, log: () => undefined });
    await old.invoke('vault.unlock', { passphrase: PASS });
    expect((await old.invoke('hosts.list', {})).map((h) => h.name)).toEqual(['keep-me']);
    old.close();
    target.close();
    source.close();
  });

  it('refuses a damaged or foreign file and leaves the vault alone', async () => {
    const source = await seeded();
    const file = join(tmp.dir, 'to-damage.opsdeck-backup');
    await source.invoke('backup.create', { path: file });
    const good = readFileSync(file);
    const cases: Array<[string, Buffer, RegExp]> = [
      ['truncated', good.subarray(0, good.length - 100), /is incomplete/],
      ['flipped', Buffer.concat([good.subarray(0, good.length - 10), Buffer.from('XXXXXXXXXX')]), /does not match its checksum/],
      ['foreign', Buffer.from('hello, not a backup'), /is not an OpsDeck backup/],
    ];
    for (const [name, bytes, problem] of cases) {
      const path = join(tmp.dir, `${name}.opsdeck-backup`);
      writeFileSync(path, bytes);
      const target = await freshCore(false);
      await expect(target.invoke('backup.restore', { source: { path }, passphrase: PASS }), name).rejects.toMatchObject({
        message: expect.stringMatching(problem) as string,
      });
      expect(target.vault.state(), name).toBe('missing');
      target.close();
    }
    source.close();
  });

  it('a restore refuses while another process has the vault open, and goes ahead once it is gone (even killed without locking)', async () => {
    const source = await freshCore();
    await source.invoke('hosts.add', { name: 'from-backup', address: '10.7.0.1' });
    const file = join(tmp.dir, 'busy.opsdeck-backup');
    await source.invoke('backup.create', { path: file });
    source.close();

    const target = await freshCore();
    await target.invoke('hosts.add', { name: 'keep-me', address: '10.7.0.2' });
    // A second process (the app, `opsdeck serve`) with the same vault unlocked.
    const script = join(tmp.dir, 'holder.mts');
    writeFileSync(
      script,
      `import { Core } from ${JSON.stringify(join(process.cwd(), 'electron/core/api.ts'))};
const core = new Core({ path: ${JSON.stringify(target.vault.path)}, insecureTestKdf: true, holderName: 'holder-test', log: () => undefined });
await core.invoke('vault.unlock', { passphrase: ${JSON.stringify(PASS)} });
process.stdout.write('ready\\n');
setInterval(() => undefined, 1000);
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
        child.on('exit', (code) => reject(new Error(`the holder process exited early (${code})`)));
      });
      await expect(target.invoke('backup.restore', { source: { path: file }, passphrase: PASS, replace: true })).rejects.toMatchObject({
        code: 'VAULT_BUSY',
        message: expect.stringMatching(
          new RegExp(`^This vault is open in holder-test \\(pid ${child.pid}, open since .*\\)\\. Lock it or quit there first`),
        ) as string,
      });
      expect((await target.invoke('hosts.list', {})).map((h) => h.name)).toEqual(['keep-me']);
    } finally {
      child.kill('SIGKILL');
      await new Promise((resolve) => (child.exitCode === null && child.signalCode === null ? child.on('exit', resolve) : resolve(null)));
    }
    // Killed without locking: its entry is stale, so the restore goes ahead (and removes the entry).
    const restored = await target.invoke('backup.restore', { source: { path: file }, passphrase: PASS, replace: true });
    expect(restored.setAside).toBeTruthy();
    expect((await target.invoke('hosts.list', {})).map((h) => h.name)).toEqual(['from-backup']);
    expect(readdirSync(`${target.vault.path}.holders`)).toEqual([String(process.pid)]);
    target.close();
  });

  it('a product install refuses a backup whose key derivation is below the floor', async () => {
    const source = await seeded();
    const file = join(tmp.dir, 'weak.opsdeck-backup');
    await source.invoke('backup.create', { path: file });
    const product = new Core({ path: join(tmp.dir, 'product', 'vault.opsdeck'), log: () => undefined });
    await expect(product.invoke('backup.restore', { source: { path: file }, passphrase: PASS })).rejects.toMatchObject({
      code: 'KDF_TOO_WEAK',
    });
    expect(product.vault.state()).toBe('missing');
    product.close();
    source.close();
  });
});

describe('the opsdeck command', () => {
  const home = join(tmp.dir, 'cli-home');
  const vault = join(tmp.dir, 'cli', 'vault.opsdeck');
  const env = { HOME: home, OPSDECK_VAULT: vault, OPSDECK_PASSPHRASE: PASS };

  function opsdeck(args: string[], extra: Record<string, string> = {}) {
    const r = spawnSync(process.execPath, ['bin/opsdeck.mjs', ...args], {
      env: { ...process.env, ...env, ...extra },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  it('imports with --dry-run and --json, applies, exports, backs up and restores', () => {
    mkdirSync(join(home, '.ssh'), { recursive: true });
    const key = join(home, '.ssh', 'id_work');
    writeFileSync(key, protectedEd25519('key phrase'), {
      mode: 0o600,
    });
    writeFileSync(join(home, '.ssh', 'config'), 'Host work\n  HostName 10.5.5.5\n  User me\n  IdentityFile ~/.ssh/id_work\n');
    expect(opsdeck(['vault', 'init']).code).toBe(0);

    const dry = opsdeck(['import', 'ssh-config', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.out) as { counts: { add: number }; keys: Array<{ state: string }> };
    expect(plan.keys[0]?.state).toBe('needs-passphrase');
    expect(JSON.parse(opsdeck(['host', 'list', '--json']).out)).toEqual([]);

    const applied = opsdeck(['import', 'ssh-config'], { OPSDECK_KEY_PASSPHRASE: 'key phrase' });
    expect(applied.code, applied.err).toBe(0);
    expect(applied.out).toMatch(/\+ key\s+id_work/);
    expect(applied.out).toMatch(/Imported: 2 added, 0 updated, 0 skipped/);
    expect(applied.out + applied.err).not.toMatch(/key phrase|PRIVATE KEY/);
    expect(JSON.parse(opsdeck(['host', 'list', '--json']).out)).toMatchObject([
      { name: 'work', address: '10.5.5.5', user: 'me', credential: 'id_work', auth: 'key' },
    ]);

    const csv = join(tmp.dir, 'cli.csv');
    writeFileSync(csv, 'Server;IP;Team\napi;10.5.5.6;core\n');
    const mapped = opsdeck(['import', 'csv', csv, '--map', 'groups=Team', '--json']);
    expect(mapped.code, mapped.err).toBe(0);
    expect((JSON.parse(mapped.out) as { batch: { counts: { add: number } } }).batch.counts.add).toBe(2);
    const bad = opsdeck(['import', 'csv', csv, '--map', 'group=Team']);
    expect(bad).toMatchObject({ code: 2, err: expect.stringMatching(/^opsdeck: --map takes FIELD=COLUMN/) as string });

    const malformed = join(tmp.dir, 'bad.ini');
    writeFileSync(malformed, '[web]\nweb1\n[db:wat]\n');
    const refused = opsdeck(['import', 'ansible', malformed]);
    expect(refused).toMatchObject({
      code: 2,
      err: `opsdeck: ${malformed}, line 3: unknown section type ":wat" (expected :vars or :children)\n`,
    });

    const out = join(tmp.dir, 'cli-export.yml');
    expect(opsdeck(['export', 'ansible', '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/api:\n\s+ansible_host: 10\.5\.5\.6/);
    expect(opsdeck(['export', 'ansible', '--out', out]).code).toBe(2);
    expect(opsdeck(['export', 'csv']).out).toMatch(/^name,address,port/);

    expect(opsdeck(['import', 'undo']).code).toBe(0);
    expect(JSON.parse(opsdeck(['host', 'list', '--json']).out)).toHaveLength(1);

    const backup = join(tmp.dir, 'cli.opsdeck-backup');
    expect(opsdeck(['backup', backup]).out).toMatch(/Wrote an encrypted backup/);
    const restoredVault = join(tmp.dir, 'cli-restored', 'vault.opsdeck');
    const restored = opsdeck(['restore', backup], { OPSDECK_VAULT: restoredVault });
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(/1 hosts, 1 credentials, 0 groups, 0 scans/);
    expect(JSON.parse(opsdeck(['host', 'list', '--json'], { OPSDECK_VAULT: restoredVault }).out)).toMatchObject([
      { name: 'work', credential: 'id_work' },
    ]);
    expect(opsdeck(['restore', backup], { OPSDECK_VAULT: restoredVault })).toMatchObject({
      code: 1,
      err: expect.stringMatching(/already exists.*--force/) as string,
    });
    expect(opsdeck(['restore', backup, '--force'], { OPSDECK_VAULT: restoredVault, OPSDECK_PASSPHRASE: 'wrong one' })).toMatchObject({
      code: 3,
    });
  });

  it('known_hosts @revoked lines become stored revocations, listed by `hostkey revoked`, lifted by undo', () => {
    const own = { OPSDECK_VAULT: join(tmp.dir, 'cli-revoked', 'vault.opsdeck') };
    expect(opsdeck(['vault', 'init'], own).code).toBe(0);
    const pub = ssh2.utils.parseKey(ssh2.utils.generateKeyPairSync('ed25519').public);
    if (pub instanceof Error) throw pub;
    const file = join(tmp.dir, 'revoked_known_hosts');
    writeFileSync(file, `# leaked in the 2025 incident\n@revoked * ssh-ed25519 ${pub.getPublicSSH().toString('base64')}\n`);

    expect(opsdeck(['hostkey', 'revoked'], own).out).toBe('No revoked host keys.\n');
    const imported = opsdeck(['import', 'known-hosts', file, '--yes'], own);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(/\+ revoked\s+\*\s+ssh-ed25519 SHA256:\S+ \(@revoked: never trusted again, for any host\)/);
    const listed = JSON.parse(opsdeck(['hostkey', 'revoked', '--json'], own).out) as Array<{ keyType: string; source: string }>;
    expect(listed).toEqual([expect.objectContaining({ keyType: 'ssh-ed25519', source: `${file}, line 2` })]);
    expect(opsdeck(['hostkey', 'revoked'], own).out).toMatch(/ssh-ed25519\s+SHA256:\S+\s+.*revoked_known_hosts, line 2/);

    // Importing the same file again changes nothing; undoing the import lifts the revocation.
    expect(opsdeck(['import', 'known-hosts', file, '--yes'], own).out).toMatch(/already revoked in the vault[\s\S]*Nothing to import/);
    expect(opsdeck(['import', 'undo'], own).code).toBe(0);
    expect(opsdeck(['hostkey', 'revoked'], own).out).toBe('No revoked host keys.\n');
  });

  it('--exclude leaves hosts out of an import; a name that is not in it is refused before anything is written', () => {
    const own = { OPSDECK_VAULT: join(tmp.dir, 'cli-exclude', 'vault.opsdeck') };
    expect(opsdeck(['vault', 'init'], own).code).toBe(0);
    const csv = join(tmp.dir, 'exclude.csv');
    writeFileSync(csv, 'name,address,groups\nweb1,10.6.0.1,web\nweb2,10.6.0.2,web\ndb1,10.6.0.3,db\n');

    const typo = opsdeck(['import', 'csv', csv, '--exclude', 'web-2', '--yes'], own);
    expect(typo.code).toBe(2);
    expect(typo.err).toBe('opsdeck: --exclude web-2: not an item this import would add or update (those are: web1, web2, db1).\n');
    expect(JSON.parse(opsdeck(['host', 'list', '--json'], own).out)).toEqual([]);

    const some = opsdeck(['import', 'csv', csv, '--exclude', 'WEB2', '--exclude', 'db1', '--yes'], own);
    expect(some.code, some.err).toBe(0);
    expect(some.out).toMatch(/- host\s+web2\s+skipped: left out by you/);
    expect(some.out).toMatch(/Imported: 2 added, 0 updated, 2 skipped/);
    const hosts = JSON.parse(opsdeck(['host', 'list', '--json'], own).out) as Array<{ name: string }>;
    expect(hosts.map((h) => h.name)).toEqual(['web1']);
    // The db group was needed by db1 only, so it is not created.
    expect((JSON.parse(opsdeck(['group', 'list', '--json'], own).out) as Array<{ name: string }>).map((g) => g.name)).toEqual(['web']);
  });
});
