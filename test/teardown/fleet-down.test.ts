/**
 * Runs after `npm run lab:down`: the lab left nothing on the machine. No network namespace,
 * bridge or veth; no mount under the lab directory; no per-host cgroup directory; no launcher
 * or systemd-nspawn process; no per-host state. The cache and keys are meant to stay.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labDir, labStatus, NET } from '../fleet';

const dir = labDir();

function cmdlines(): { pid: string; argv: string[] }[] {
  const out: { pid: string; argv: string[] }[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      out.push({ pid, argv: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean) });
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

describe('after lab:down', () => {
  it('status says down with no hosts', async () => {
    expect(await labStatus()).toEqual({ up: false, dir, hosts: [] });
  });

  it('no network namespace, bridge or veth of the lab is left', () => {
    const netns = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
    expect(netns.split('\n').filter((l) => l.startsWith(NET.nsPrefix))).toEqual([]);
    const runNetns = existsSync('/run/netns') ? readdirSync('/run/netns') : [];
    expect(runNetns.filter((n) => n.startsWith(NET.nsPrefix))).toEqual([]);
    const links = readdirSync('/sys/class/net');
    expect(links.filter((l) => l === NET.bridge || l.startsWith(NET.nsPrefix))).toEqual([]);
  });

  it('no mount under the lab directory or of nspawn is left', () => {
    const mounts = readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .map((l) => l.split(' ')[4] ?? '')
      .filter((m) => m.startsWith(dir) || m.startsWith('/run/systemd/nspawn'));
    expect(mounts).toEqual([]);
  });

  it('no cgroup directory of the lab is left', () => {
    const roots = ['/sys/fs/cgroup', '/sys/fs/cgroup/systemd', '/sys/fs/cgroup/unified'];
    expect(roots.map((r) => `${r}/${NET.cgroup}`).filter((d) => existsSync(d))).toEqual([]);
  });

  it('no process of the lab is left', () => {
    const ours = cmdlines().filter(
      ({ argv }) =>
        (argv.some((a) => a.endsWith('/launch.sh')) && argv.includes(dir)) ||
        (argv.some((a) => a.endsWith('systemd-nspawn')) && argv.some((a) => a.startsWith(`--directory=${dir}/`))),
    );
    expect(ours.map((p) => `${p.pid}: ${p.argv.join(' ')}`)).toEqual([]);
    // and no process anywhere still has a lab host's root (its mount namespace is gone with it)
    const inLab = cmdlines().filter(({ pid }) => {
      try {
        return readFileSync(`/proc/${pid}/mountinfo`, 'utf8').includes(`${dir}/state/`);
      } catch {
        return false;
      }
    });
    expect(inLab.map((p) => `${p.pid}: ${p.argv.join(' ')}`)).toEqual([]);
  });

  it('no per-host state is left (cache and keys are kept on purpose)', () => {
    const state = `${dir}/state`;
    expect(existsSync(state) ? readdirSync(state) : []).toEqual([]);
  });
});
