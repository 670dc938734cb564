/**
 * Talking to lab hosts with the machine's OpenSSH client: run a script (on stdin) as ops or root,
 * and wait for freshly booted hosts to accept logins. Host keys are always checked against the
 * lab's own known_hosts, never ~/.ssh.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { LabError, type ExecResult } from './types';

export interface SshTarget {
  name: string;
  address: string;
}

export interface SshKeys {
  privateKey: string;
  knownHosts: string;
}

const SSH_OPTIONS = [
  'IdentitiesOnly=yes',
  'BatchMode=yes', // never prompt
  'GlobalKnownHostsFile=/dev/null',
  'StrictHostKeyChecking=yes', // the lab's known_hosts has every host key
  'ConnectTimeout=5',
  'ServerAliveInterval=15',
  'LogLevel=ERROR',
];

export function sshArgs(keys: SshKeys, user: string, address: string): string[] {
  // -F none: ignore ~/.ssh/config, so every developer and CI get the same behaviour
  const opts = [...SSH_OPTIONS, `UserKnownHostsFile=${keys.knownHosts}`].flatMap((o) => ['-o', o]);
  return ['-F', 'none', '-i', keys.privateKey, ...opts, `${user}@${address}`];
}

/** The machine's locale would be forwarded (sshd's AcceptEnv) but the hosts only have C.UTF-8. */
function envWithoutLocale(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'LANG' && !k.startsWith('LC_')));
}

export function sshExec(keys: SshKeys, target: SshTarget, script: string, opts: { user: string; timeoutMs: number }): Promise<ExecResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('ssh', [...sshArgs(keys, opts.user, target.address), 'bash -s'], {
      env: envWithoutLocale(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.on('error', () => {}); // the remote side may exit before reading all of stdin
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new LabError('exec', `cannot run ssh: ${err.message}`, target.name));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) reject(new LabError('exec', `timed out after ${opts.timeoutMs} ms as ${opts.user}`, target.name));
      else resolvePromise({ code: code ?? 255, stdout, stderr });
    });
    child.stdin.end(script);
  });
}

/** True when something on address:22 greets with an SSH-2.0 banner. */
export function sshBanner(address: string, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const sock = connect({ host: address, port: 22 });
    let got = '';
    const done = (ok: boolean) => {
      sock.destroy();
      resolvePromise(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.on('error', () => done(false));
    sock.on('data', (d) => {
      got += d.toString('latin1');
      if (got.length >= 7) done(got.startsWith('SSH-2.0'));
    });
  });
}

/**
 * Waits until every host accepts an ops login (sshd up and systemd-user-sessions done, so no
 * "System is booting up"). `deathReason(name)` is asked between attempts, so a host whose
 * container died fails at once with its console log instead of at the deadline.
 */
export async function waitForLogin(
  keys: SshKeys,
  targets: SshTarget[],
  opts: { timeoutMs: number; deathReason: (name: string) => Promise<string | null> },
): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  await Promise.all(
    targets.map(async (t) => {
      for (;;) {
        if (await sshBanner(t.address)) {
          const r = await sshExec(keys, t, 'true', { user: 'ops', timeoutMs: 10_000 }).catch(() => null);
          if (r?.code === 0) return;
        }
        const dead = await opts.deathReason(t.name);
        if (dead) throw new LabError('boot', dead, t.name);
        if (Date.now() > deadline) throw new LabError('boot', `no ssh login as ops within ${opts.timeoutMs / 1000}s`, t.name);
        await new Promise((r) => setTimeout(r, 300));
      }
    }),
  );
}
