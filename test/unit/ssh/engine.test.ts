/**
 * The SSH engine against real SSH servers on loopback (test-server.ts): host key policy on every
 * hop, auth methods, failure reasons, exec semantics, pooling and isolation.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SshError } from '../../../electron/core/ssh/errors';
import { buildCommand, execScript } from '../../../electron/core/ssh/exec';
import { fingerprintSha256 } from '../../../electron/core/ssh/fingerprint';
import { MemoryHostKeyStore } from '../../../electron/core/ssh/host-keys';
import { SshPool } from '../../../electron/core/ssh/pool';
import type { SshAuth } from '../../../electron/core/ssh/auth';
import type { SshTarget } from '../../../electron/core/ssh/types';
import { newKeyPair, startTestServer, type TestServer } from './test-server';

const userKey = newKeyPair();
const encryptedKey = newKeyPair('correct horse');
const keyAuth: SshAuth = { type: 'key', privateKey: userKey.private };
const hasSudo = (() => {
  try {
    execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const target = (s: TestServer | number, auth: SshAuth | SshAuth[] = keyAuth, name = 'test'): SshTarget => ({
  name,
  host: '127.0.0.1',
  port: typeof s === 'number' ? s : s.port,
  username: 'tester',
  auth,
});

/** A TCP port that accepts connections and never says anything (a hung sshd, a tarpit). */
async function silentPort(): Promise<{ port: number; server: Server }> {
  const server = createServer(() => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { port: (server.address() as AddressInfo).port, server };
}

/** A port that refuses connections: bind, note the port, close. */
async function closedPort(): Promise<number> {
  const { port, server } = await silentPort();
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('SSH engine on loopback servers', () => {
  let main: TestServer;
  let pw: TestServer;
  let kbd: TestServer;
  let enc: TestServer;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    main = await startTestServer({ publicKey: userKey.public, forward: true });
    pw = await startTestServer({ password: 's3cret' });
    kbd = await startTestServer({ keyboardPassword: 'otp-pass' });
    enc = await startTestServer({ publicKey: encryptedKey.public });
    servers.push(main, pw, kbd, enc);
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it('asks about an unknown host key, stores it, and runs a script over stdin', async () => {
    const store = new MemoryHostKeyStore();
    const confirm = vi.fn(() => Promise.resolve(true));
    const pool = new SshPool({ hostKeys: store, confirmNewKey: confirm });
    try {
      const r = await pool.exec(target(main), 'echo "hello $1"; echo oops >&2; exit 3', { args: ['world'] });
      expect(r.stdout).toBe('hello world\n');
      expect(r.stderr).toBe('oops\n');
      expect(r.exitCode).toBe(3);
      expect(r.sshConnection).toMatch(/^127\.0\.0\.1 \d+ 127\.0\.0\.1 \d+$/);
      expect(confirm).toHaveBeenCalledWith('127.0.0.1', fingerprintSha256(main.hostPublicBlob), 'ssh-ed25519', main.port);
      expect((await store.lookup('127.0.0.1', main.port)).map((k) => k.key)).toEqual([main.hostPublicBlob]);
    } finally {
      await pool.closeAll();
    }
  });

  it('passes arguments through exactly, whatever they contain', async () => {
    const store = new MemoryHostKeyStore();
    const pool = new SshPool({ hostKeys: store, confirmNewKey: () => Promise.resolve(true) });
    const args = ["it's", '$(id)', '`id`', 'a\nb', '-n', '', ' * ', '日本'];
    try {
      const r = await pool.exec(target(main), 'printf "%s\\0" "$@"', { args });
      expect(r.stdout.split('\0').slice(0, -1)).toEqual(args);
    } finally {
      await pool.closeAll();
    }
  });

  it('refuses a changed host key before any authentication, showing both fingerprints', async () => {
    const store = new MemoryHostKeyStore();
    const stale = newKeyPair();
    const staleBlob = (await startTestServer({ hostKey: stale.private })).hostPublicBlob;
    await store.add('127.0.0.1', main.port, { keyType: 'ssh-ed25519', key: staleBlob });
    const attempts = main.authAttempts;
    const confirm = vi.fn(() => Promise.resolve(true));
    const pool = new SshPool({ hostKeys: store, confirmNewKey: confirm });
    const err = await pool.exec(target(main), 'true').catch((e: unknown) => e);
    await pool.closeAll();
    expect(err).toBeInstanceOf(SshError);
    expect((err as SshError).code).toBe('HOST_KEY_CHANGED');
    expect((err as SshError).message).toContain(fingerprintSha256(staleBlob));
    expect((err as SshError).message).toContain(fingerprintSha256(main.hostPublicBlob));
    expect(main.authAttempts).toBe(attempts);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('does not count the time a human spends reading the fingerprint against the handshake timeout', async () => {
    const slowHuman = () => new Promise<boolean>((r) => setTimeout(() => r(true), 1200));
    const pool = new SshPool({ hostKeys: new MemoryHostKeyStore(), confirmNewKey: slowHuman, readyTimeoutMs: 600 });
    try {
      expect((await pool.exec(target(main, keyAuth, 'slow-human'), 'echo ok')).stdout).toBe('ok\n');
    } finally {
      await pool.closeAll();
    }
  });

  it('never puts a sudo password on the command line', () => {
    for (const become of [{ mode: 'sudo', password: 'hunter2-secret' }, { mode: 'auto' }, { mode: 'none' }, { mode: 'sudo' }] as const) {
      const plan = buildCommand(become, ['arg'], 'abc123');
      expect(plan.command).not.toContain('hunter2-secret');
      expect(plan.command.startsWith("/bin/sh -c '")).toBe(true);
    }
  });

  it('refuses an unknown key when no one may confirm it', async () => {
    const pool = new SshPool({ hostKeys: new MemoryHostKeyStore() });
    await expect(pool.exec(target(main), 'true')).rejects.toMatchObject({ code: 'HOST_KEY_REJECTED' });
    await pool.closeAll();
  });

  it('authenticates with a password, and reports a wrong one as AUTH_FAILED without echoing it', async () => {
    const pool = new SshPool({ hostKeys: new MemoryHostKeyStore(), confirmNewKey: () => Promise.resolve(true) });
    expect((await pool.exec(target(pw, { type: 'password', password: 's3cret' }), 'echo ok')).stdout).toBe('ok\n');
    const err = (await pool
      .exec(target(pw, { type: 'password', password: 'nope-123' }, 'pw2'), 'true')
      .catch((e: unknown) => e)) as SshError;
    expect(err.code).toBe('AUTH_FAILED');
    expect(err.message).not.toContain('nope-123');
    await pool.closeAll();
  });

  it('answers keyboard-interactive password prompts (also from a plain password credential)', async () => {
    const pool = new SshPool({ hostKeys: new MemoryHostKeyStore(), confirmNewKey: () => Promise.resolve(true) });
    expect((await pool.exec(target(kbd, { type: 'keyboard-interactive', password: 'otp-pass' }), 'echo kbd')).stdout).toBe('kbd\n');
    expect((await pool.exec(target(kbd, { type: 'password', password: 'otp-pass' }, 'kbd2'), 'echo pw-over-kbd')).stdout).toBe(
      'pw-over-kbd\n',
    );
    const respond = vi.fn(() => Promise.resolve(['otp-pass']));
    expect((await pool.exec(target(kbd, { type: 'keyboard-interactive', respond }, 'kbd3'), 'echo asked')).stdout).toBe('asked\n');
    expect(respond).toHaveBeenCalledTimes(1);
    await pool.closeAll();
  });

  it('decrypts passphrase-protected keys, and says so when the passphrase is wrong', async () => {
    const pool = new SshPool({ hostKeys: new MemoryHostKeyStore(), confirmNewKey: () => Promise.resolve(true) });
    const ok = await pool.exec(target(enc, { type: 'key', privateKey: encryptedKey.private, passphrase: 'correct horse' }), 'echo enc');
    expect(ok.stdout).toBe('enc\n');
    const err = (await pool
      .exec(target(enc, { type: 'key', privateKey: encryptedKey.private, passphrase: 'wrong pass' }, 'enc2'), 'true')
      .catch((e: unknown) => e)) as SshError;
    expect(err.code).toBe('AUTH_FAILED');
    expect(err.message).toMatch(/passphrase/);
    expect(err.message).not.toContain('wrong pass');
    await pool.closeAll();
  });

  it('classifies refused ports as UNREACHABLE and silent ones as TIMEOUT', async () => {
    const pool = new SshPool({ hostKeys: new MemoryHostKeyStore(), confirmNewKey: () => Promise.resolve(true), readyTimeoutMs: 700 });
    const silent = await silentPort();
    try {
      await expect(pool.exec(target(await closedPort()), 'true')).rejects.toMatchObject({ code: 'UNREACHABLE' });
      const t0 = Date.now();
      await expect(pool.exec(target(silent.port, keyAuth, 'tarpit'), 'true')).rejects.toMatchObject({ code: 'TIMEOUT' });
      expect(Date.now() - t0).toBeLessThan(3000);
    } finally {
      silent.server.close();
      await pool.closeAll();
    }
  });

  it('caps output, kills long commands, and keeps the connection usable', async () => {
    const pool = new SshPool({ hostKeys: new MemoryHostKeyStore(), confirmNewKey: () => Promise.resolve(true) });
    try {
      const big = await pool.exec(target(main), 'yes opsdeck', { maxOutputBytes: 100_000 });
      expect(big.truncated).toBe(true);
      expect(big.stdout.length).toBe(100_000);
      const slow = await pool.exec(target(main), 'sleep 30', { timeoutMs: 500 });
      expect(slow.timedOut).toBe(true);
      expect(slow.durationMs).toBeLessThan(5000);
      expect((await pool.exec(target(main), 'echo still-here')).stdout).toBe('still-here\n');
      expect(pool.size).toBe(1);
    } finally {
      await pool.closeAll();
    }
  });

  it('reuses one connection per host and bounds concurrency', async () => {
    const before = main.connections;
    const pool = new SshPool({ hostKeys: new MemoryHostKeyStore(), confirmNewKey: () => Promise.resolve(true), concurrency: 2 });
    let peak = 0;
    try {
      await Promise.all(
        Array.from({ length: 6 }, () =>
          pool.run(target(main), async (client) => {
            peak = Math.max(peak, pool.activeSlots);
            return execScript(client, 'sleep 0.1');
          }),
        ),
      );
      expect(main.connections - before).toBe(1);
      expect(peak).toBeLessThanOrEqual(2);
    } finally {
      await pool.closeAll();
    }
  });

  it('keeps going for healthy hosts while one host hangs', async () => {
    const silent = await silentPort();
    const pool = new SshPool({
      hostKeys: new MemoryHostKeyStore(),
      confirmNewKey: () => Promise.resolve(true),
      concurrency: 2,
      readyTimeoutMs: 3000,
    });
    const done: string[] = [];
    try {
      const hung = pool.exec(target(silent.port, keyAuth, 'hung'), 'true').catch(() => done.push('hung'));
      const healthy = [1, 2, 3, 4].map((i) => pool.exec(target(main, keyAuth, `ok${i}`), 'echo ok').then(() => done.push(`ok${i}`)));
      await Promise.all(healthy);
      expect(done.filter((d) => d.startsWith('ok'))).toHaveLength(4);
      expect(done).not.toContain('hung');
      await hung;
    } finally {
      silent.server.close();
      await pool.closeAll();
    }
  });

  it('reaches a host through a chain of jump hosts, verifying every hop', async () => {
    const hop1 = await startTestServer({ publicKey: userKey.public, forward: true });
    const hop2 = await startTestServer({ publicKey: userKey.public, forward: true });
    const inner = await startTestServer({ publicKey: userKey.public });
    servers.push(hop1, hop2, inner);
    const store = new MemoryHostKeyStore();
    const asked: number[] = [];
    const pool = new SshPool({ hostKeys: store, confirmNewKey: (_h, _f, _t, port) => (asked.push(port), Promise.resolve(true)) });
    const chained: SshTarget = {
      ...target(inner, keyAuth, 'inner'),
      jumps: [target(hop1, keyAuth, 'hop1'), target(hop2, keyAuth, 'hop2')],
    };
    try {
      const r = await pool.exec(chained, 'echo via-jumps');
      expect(r.stdout).toBe('via-jumps\n');
      expect(asked.sort()).toEqual([hop1.port, hop2.port, inner.port].sort());
      expect(pool.size).toBe(3); // hop1, hop1>hop2, hop1>hop2>inner
    } finally {
      await pool.closeAll();
    }

    // The target's key changes: the hops still verify, the target is refused.
    const evil = await startTestServer({ publicKey: userKey.public });
    servers.push(evil);
    await store.add('127.0.0.1', evil.port, { keyType: 'ssh-ed25519', key: inner.hostPublicBlob });
    const pool2 = new SshPool({ hostKeys: store });
    const viaEvil: SshTarget = { ...target(evil, keyAuth, 'inner'), jumps: [target(hop1, keyAuth, 'hop1'), target(hop2, keyAuth, 'hop2')] };
    await expect(pool2.exec(viaEvil, 'true')).rejects.toMatchObject({ code: 'HOST_KEY_CHANGED' });
    await pool2.closeAll();
  });

  it('reports a failing jump host as the reason, with its own code', async () => {
    const pool = new SshPool({ hostKeys: new MemoryHostKeyStore(), confirmNewKey: () => Promise.resolve(true), readyTimeoutMs: 2000 });
    const dead = await closedPort();
    const err = (await pool
      .exec({ ...target(main), jumps: [target(dead, keyAuth, 'bastion')] }, 'true')
      .catch((e: unknown) => e)) as SshError;
    expect(err.code).toBe('UNREACHABLE');
    expect(err.message).toMatch(/via jump host: bastion/);
    await pool.closeAll();
  });

  it.skipIf(!hasSudo)('runs scripts through sudo -n and reports the privilege used', async () => {
    const pool = new SshPool({ hostKeys: new MemoryHostKeyStore(), confirmNewKey: () => Promise.resolve(true) });
    try {
      const viaSudo = await pool.exec(target(main), 'id -u; echo "$1"', { become: { mode: 'sudo' }, args: ['arg with space'] });
      expect(viaSudo.privilege).toBe('sudo');
      expect(viaSudo.stdout).toBe('0\narg with space\n');
      // This test server runs commands as the local user (root here), so "auto" sees root directly.
      const auto = await pool.exec(target(main), 'id -u', { become: { mode: 'auto' } });
      expect(auto.privilege).toBe('root');
      expect(auto.sshConnection).not.toBeNull();
    } finally {
      await pool.closeAll();
    }
  });
});
