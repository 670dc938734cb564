// Door 3: the real `opsdeck` command (bin/opsdeck.mjs), as a user or a script runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { labStatus } from '../fleet';
import { tempDir } from './helpers/tmp';

const tmp = tempDir('cli');
afterAll(() => tmp.cleanup());
const vault = join(tmp.dir, 'cli-vault.opsdeck');
const PASS = 'cli test passphrase';

function opsdeck(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/opsdeck.mjs', ...args], {
    env: { ...process.env, OPSDECK_VAULT: vault, OPSDECK_PASSPHRASE: PASS, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('opsdeck CLI', () => {
  it('creates a vault, then refuses to create a second one', () => {
    expect(opsdeck(['vault', 'init'])).toMatchObject({ code: 0, out: expect.stringContaining('Created an encrypted vault') as string });
    const again = opsdeck(['vault', 'init']);
    expect(again.code).not.toBe(0);
    expect(again.err.trim().split('\n')).toHaveLength(1);
    expect(again.err).toMatch(/^opsdeck: A vault already exists/);
  });

  it('adds hosts with a key file, lists and shows them as JSON, never printing secrets', () => {
    const key = join(tmp.dir, 'id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
    expect(
      opsdeck([
        'host',
        'add',
        'web1',
        '--address',
        '198.18.0.11',
        '--user',
        'ops',
        '--key',
        key,
        '--tag',
        'prod',
        '--tag',
        'web',
        '--group',
        'frontend',
      ]).code,
    ).toBe(0);
    expect(opsdeck(['host', 'add', 'app1', '--address', '198.18.0.12', '--port', '2222', '--jump', 'web1']).code).toBe(0);
    const list = opsdeck(['host', 'list', '--json']);
    expect(list.code).toBe(0);
    const hosts = JSON.parse(list.out) as Array<Record<string, unknown>>;
    expect(hosts.map((h) => h['name'])).toEqual(['app1', 'web1']);
    expect(hosts[1]).toMatchObject({
      address: '198.18.0.11',
      port: 22,
      user: 'ops',
      auth: 'key',
      credential: 'web1-key',
      tags: ['prod', 'web'],
      groups: ['frontend'],
    });
    expect(hosts[0]).toMatchObject({ port: 2222, jumpHost: 'web1' });
    // The stable JSON shape: exactly these keys, documented in the README.
    expect(Object.keys(hosts[0]!).sort()).toEqual([
      'address',
      'auth',
      'createdAt',
      'credential',
      'groups',
      'id',
      'jumpHost',
      'name',
      'notes',
      'port',
      'tags',
      'updatedAt',
      'user',
    ]);
    expect(list.out + list.err).not.toMatch(/PRIVATE KEY|cli test passphrase/);
    const show = opsdeck(['host', 'show', 'web1']);
    expect(show.out).toMatch(/Address:\s+198\.18\.0\.11:22/);
    expect(opsdeck(['host', 'list', '--tag', 'prod', '--json']).out).toContain('web1');
    expect(opsdeck(['host', 'list', '--tag', 'prod', '--json']).out).not.toContain('app1');
  });

  it('gives one clear line and a non-zero code for each kind of bad input', () => {
    const cases: Array<[string[], RegExp, number, Record<string, string>?]> = [
      [['host', 'add', 'web1', '--address', '10.0.0.1'], /already exists/, 2],
      [['host', 'add', 'x', '--address', '10.0.0.1', '--port', '70000'], /Port must be between 1 and 65535/, 2],
      [['host', 'add', 'x', '--address', '10.0.0.1', '--jump', 'ghost'], /Unknown jump host "ghost"/, 2],
      [['host', 'add', 'x', '--address', '10.0.0.1', '--key', '/nonexistent/key'], /does not exist/, 2],
      [['host', 'add', 'x', '--address', '10.0.0.1', '--key', '/etc/hostname'], /not a private key/, 2],
      [['host', 'show', 'ghost'], /No host named "ghost"/, 4],
      [['host', 'list'], /Wrong passphrase/, 3, { OPSDECK_PASSPHRASE: 'not the passphrase' }],
      [['host', 'list'], /no terminal to ask on/, 2, { OPSDECK_PASSPHRASE: '' }],
    ];
    for (const [args, message, code, env] of cases) {
      const r = opsdeck(args, env);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /); // never a stack trace
    }
    // A failed add with --key leaves no orphan credential behind.
    expect(JSON.parse(opsdeck(['cred', 'list', '--json']).out)).toHaveLength(1);
  });

  it('changes the passphrase: the old one stops working, the new one opens the same hosts', () => {
    expect(opsdeck(['vault', 'passwd'], { OPSDECK_NEW_PASSPHRASE: 'the new cli passphrase' }).code).toBe(0);
    expect(opsdeck(['host', 'list']).code).toBe(3);
    const r = opsdeck(['host', 'list', '--json'], { OPSDECK_PASSPHRASE: 'the new cli passphrase' });
    expect(JSON.parse(r.out)).toHaveLength(2);
  });

  it('removes a host, and refuses to remove a jump host that is in use', () => {
    const env = { OPSDECK_PASSPHRASE: 'the new cli passphrase' };
    expect(opsdeck(['host', 'rm', 'web1'], env)).toMatchObject({ code: 2, err: expect.stringMatching(/jump host of app1/) as string });
    // Many at once, by name or @TAG: tags and groups, then one delete for all.
    expect(opsdeck(['host', 'tag', 'web1', 'app1', '--add', 'prod', '--add', 'pci'], env).out).toBe('Changed 2 of 2 hosts.\n');
    expect(opsdeck(['host', 'group', '@pci', '--add', 'shop'], env).out).toBe('Changed 2 of 2 hosts.\n');
    expect(opsdeck(['host', 'tag', '@pci', '--remove', 'pci'], env).out).toBe('Changed 2 of 2 hosts.\n');
    const hosts = JSON.parse(opsdeck(['host', 'list', '--json'], env).out) as Array<{ tags: string[]; groups: string[] }>;
    expect(hosts.map((h) => [h.tags.includes('prod'), h.tags.includes('pci'), h.groups.includes('shop')])).toEqual([
      [true, false, true],
      [true, false, true],
    ]);
    expect(opsdeck(['host', 'tag', 'web1'], env)).toMatchObject({ code: 2, err: 'opsdeck: Give --add or --remove (or both).\n' });
    expect(opsdeck(['host', 'rm', '@nosuchtag'], env)).toMatchObject({ code: 4, err: 'opsdeck: No host has the tag "nosuchtag".\n' });
    expect(opsdeck(['host', 'rm', 'web1', 'app1'], env).out).toBe('Removed 2 hosts.\n');
    expect(opsdeck(['host', 'list'], env).out).toMatch(/No hosts yet/);
  });

  it('prints help with the environment variables and exit codes', () => {
    const r = opsdeck(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/OPSDECK_PASSPHRASE/);
    expect(r.out).toMatch(/Exit codes/);
  });
});

describe('opsdeck check (against the test fleet)', () => {
  const checkVault = join(tmp.dir, 'check-vault.opsdeck');
  const run = (args: string[]) => opsdeck(args, { OPSDECK_VAULT: checkVault });

  it('exits 0 when every host was checked, 5 when one was not, and says which', async () => {
    const status = await labStatus();
    const h = status.hosts.find((x) => x.state === 'running');
    expect(h, 'the test fleet is up').toBeDefined();
    expect(run(['vault', 'init']).code).toBe(0);
    expect(run(['host', 'add', h!.name, '--address', h!.address, '--user', h!.user, '--key', h!.privateKeyPath, '--tag', 'cli']).code).toBe(
      0,
    );
    // An address in the fleet's network where nothing answers.
    expect(run(['host', 'add', 'ghost', '--address', '198.18.0.99', '--user', 'ops', '--tag', 'cli']).code).toBe(0);

    const ok = run(['check', h!.name, '--accept-new', '--json']);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ results: [{ host: h!.name, status: 'ok' }] });

    const both = run(['check', '@cli', '--json']);
    expect(both.code).toBe(5);
    const results = (JSON.parse(both.out) as { results: Array<{ host: string; status: string }> }).results;
    expect(results.find((r) => r.host === h!.name)?.status).toBe('ok');
    expect(results.find((r) => r.host === 'ghost')?.status).not.toBe('ok');
  }, 120_000);
});
