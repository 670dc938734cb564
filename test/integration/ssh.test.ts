/**
 * The SSH engine against the real test fleet (OpenSSH 9.2 on Debian): host keys from the lab's
 * known_hosts, key and agent auth, a refused changed key, ProxyJump chains, failure isolation for
 * an unreachable address, and sudo with a password sent over stdin.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { labExec, labStatus, type LabHost, type LabStatus } from '../fleet';
import { SshError } from '../../electron/core/ssh/errors';
import { fingerprintSha256 } from '../../electron/core/ssh/fingerprint';
import { layeredHostKeyStore, MemoryHostKeyStore } from '../../electron/core/ssh/host-keys';
import { KnownHostsFile } from '../../electron/core/ssh/known-hosts';
import { SshPool } from '../../electron/core/ssh/pool';
import type { SshAuth } from '../../electron/core/ssh/auth';
import type { SshTarget } from '../../electron/core/ssh/types';
import { ed25519Blob } from '../unit/ssh/keys';

let lab: LabStatus;
let key: Buffer;
const host = (name: string): LabHost => {
  const h = lab.hosts.find((x) => x.name === name);
  if (!h) throw new Error(`lab has no host ${name}`);
  return h;
};
const target = (name: string, auth?: SshAuth, user?: string): SshTarget => {
  const h = host(name);
  return { name: h.name, host: h.address, port: h.port, username: user ?? h.user, auth: auth ?? { type: 'key', privateKey: key } };
};
const trustLab = () => layeredHostKeyStore(new MemoryHostKeyStore(), new KnownHostsFile(lab.hosts[0]!.knownHostsPath));

beforeAll(async () => {
  lab = await labStatus();
  if (!lab.up) throw new Error('the test fleet is not up (npm run lab:up)');
  key = readFileSync(lab.hosts[0]!.privateKeyPath);
});

describe('SSH engine on the test fleet', () => {
  it('runs a script on every host, verified against the lab known_hosts', async () => {
    const pool = new SshPool({ hostKeys: trustLab() });
    try {
      const names = lab.hosts.filter((h) => h.state === 'running').map((h) => h.name);
      const out = await Promise.all(names.map((n) => pool.exec(target(n), 'hostname; echo "$SSH_CONNECTION"')));
      out.forEach((r, i) => {
        expect(r.stdout.split('\n')[0]).toBe(names[i]);
        expect(r.sshConnection?.split(' ')[2]).toBe(host(names[i]!).address);
      });
    } finally {
      await pool.closeAll();
    }
  });

  it('refuses a changed host key and shows both fingerprints', async () => {
    const store = new MemoryHostKeyStore();
    const wrong = ed25519Blob();
    await store.add(host('h1').address, 22, { keyType: 'ssh-ed25519', key: wrong });
    const pool = new SshPool({ hostKeys: store, confirmNewKey: () => Promise.resolve(true) });
    const real = (await new KnownHostsFile(lab.hosts[0]!.knownHostsPath).lookup(host('h1').address, 22)).find(
      (k) => k.keyType === 'ssh-ed25519',
    );
    const err = (await pool.exec(target('h1'), 'true').catch((e: unknown) => e)) as SshError;
    await pool.closeAll();
    expect(err).toBeInstanceOf(SshError);
    expect(err.code).toBe('HOST_KEY_CHANGED');
    expect(err.message).toContain(fingerprintSha256(wrong));
    if (real) expect(err.message).toContain(fingerprintSha256(real.key));
  });

  it('asks about an unknown key (trust on first use) and refuses when declined', async () => {
    const store = new MemoryHostKeyStore();
    const declined = new SshPool({ hostKeys: store, confirmNewKey: () => Promise.resolve(false) });
    await expect(declined.exec(target('h2'), 'true')).rejects.toMatchObject({ code: 'HOST_KEY_REJECTED' });
    await declined.closeAll();
    const asked: string[] = [];
    const accepting = new SshPool({ hostKeys: store, confirmNewKey: (h, fp) => (asked.push(`${h} ${fp}`), Promise.resolve(true)) });
    expect((await accepting.exec(target('h2'), 'hostname')).stdout.trim()).toBe('h2');
    await accepting.closeAll();
    expect(asked).toHaveLength(1);
    expect(await store.lookup(host('h2').address, 22)).toHaveLength(1);
  });

  it('reaches h6 through h5 (ProxyJump), and through a two-hop chain', async () => {
    const pool = new SshPool({ hostKeys: trustLab() });
    try {
      const one = await pool.exec({ ...target('h6'), jumps: [target('h5')] }, 'hostname; echo "$SSH_CONNECTION"');
      expect(one.stdout.split('\n')[0]).toBe('h6');
      expect(one.stdout.split('\n')[1]?.split(' ')[0]).toBe(host('h5').address); // h6 sees h5 as the client
      const two = await pool.exec({ ...target('h6'), jumps: [target('h4'), target('h5')] }, 'hostname; echo "$SSH_CONNECTION"');
      expect(two.stdout.split('\n')[0]).toBe('h6');
      expect(two.stdout.split('\n')[1]?.split(' ')[0]).toBe(host('h5').address);
    } finally {
      await pool.closeAll();
    }
  });

  it('a jump hop gets its own host key check', async () => {
    // The target's key is right, the jump host's is not: the connection stops at the jump host.
    const store = new MemoryHostKeyStore();
    await store.add(host('h5').address, 22, { keyType: 'ssh-ed25519', key: ed25519Blob() });
    for (const k of await new KnownHostsFile(lab.hosts[0]!.knownHostsPath).lookup(host('h6').address, 22))
      await store.add(host('h6').address, 22, k);
    const pool = new SshPool({ hostKeys: store });
    const err = (await pool.exec({ ...target('h6'), jumps: [target('h5')] }, 'true').catch((e: unknown) => e)) as SshError;
    await pool.closeAll();
    expect(err.code).toBe('HOST_KEY_CHANGED');
    expect(err.message).toMatch(/via jump host/);
  });

  it('an unreachable address fails alone while the others succeed', async () => {
    const pool = new SshPool({ hostKeys: trustLab(), readyTimeoutMs: 8000 });
    const ghost: SshTarget = { name: 'ghost', host: '198.18.0.99', port: 22, username: 'ops', auth: { type: 'key', privateKey: key } };
    try {
      const t0 = Date.now();
      const results = await Promise.allSettled([
        pool.exec(ghost, 'true'),
        ...['h1', 'h2', 'h3', 'h4'].map((n) => pool.exec(target(n), 'hostname')),
      ]);
      expect(results[0]).toMatchObject({
        status: 'rejected',
        reason: { code: expect.stringMatching(/^(UNREACHABLE|TIMEOUT)$/) as string },
      });
      expect(results.slice(1).every((r) => r.status === 'fulfilled')).toBe(true);
      expect(Date.now() - t0).toBeLessThan(12_000);
    } finally {
      await pool.closeAll();
    }
  });

  it("authenticates through the user's SSH agent", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsdeck-agent-'));
    const sock = join(dir, 'agent.sock');
    const agent = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 50; i++) {
        try {
          execFileSync('ssh-add', [lab.hosts[0]!.privateKeyPath], { env: { ...process.env, SSH_AUTH_SOCK: sock }, stdio: 'ignore' });
          break;
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      const pool = new SshPool({ hostKeys: trustLab() });
      const r = await pool.exec(target('h3', { type: 'agent', socket: sock }), 'hostname');
      await pool.closeAll();
      expect(r.stdout.trim()).toBe('h3');
    } finally {
      agent.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("sudo with a password: sent only to sudo's prompt, refused when wrong, required when absent", async () => {
    const user = 'opsdeck-sudo-test';
    const password = 'Lab-Sudo-Pw-7f3a';
    await labExec(
      'h6',
      `set -e
id ${user} >/dev/null 2>&1 || useradd -m -s /bin/bash ${user}
echo '${user}:${password}' | chpasswd
install -d -m 700 -o ${user} -g ${user} /home/${user}/.ssh
install -m 600 -o ${user} -g ${user} /home/ops/.ssh/authorized_keys /home/${user}/.ssh/authorized_keys
echo '${user} ALL=(ALL) ALL' > /etc/sudoers.d/${user}; chmod 440 /etc/sudoers.d/${user}`,
      { user: 'root' },
    );
    const pool = new SshPool({ hostKeys: trustLab() });
    try {
      const t = target('h6', undefined, user);
      const ok = await pool.exec(t, 'id -u; cat', { become: { mode: 'sudo', password }, args: [] });
      expect(ok.privilege).toBe('sudo');
      expect(ok.stdout.split('\n')[0]).toBe('0');
      expect(ok.stdout).not.toContain(password); // the script's stdin never saw it
      await expect(pool.exec(t, 'id -u', { become: { mode: 'sudo', password: 'wrong-password' } })).rejects.toMatchObject({
        code: 'AUTH_FAILED',
      });
      await expect(pool.exec(t, 'id -u', { become: { mode: 'sudo' } })).rejects.toMatchObject({
        code: 'COMMAND_FAILED',
        message: expect.stringMatching(/needs a password/) as string,
      });
      const auto = await pool.exec(t, 'id -u', { become: { mode: 'auto' } });
      expect(auto.privilege).toBe('user'); // sudo -n is not allowed for this user: unprivileged, and said so
      expect(auto.stdout.trim()).not.toBe('0');
    } finally {
      await pool.closeAll();
      await labExec('h6', `pkill -u ${user} || true; rm -f /etc/sudoers.d/${user}; userdel -r ${user} 2>/dev/null || true`, {
        user: 'root',
      });
    }
  });
});
