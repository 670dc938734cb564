/**
 * The deep-check script itself, run on this machine by each POSIX shell we support, fed over
 * stdin exactly as exec.ts feeds it on a host.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeepCheck } from '../../../electron/core/discovery/facts';
import { loadDeepCheckScript } from '../../../electron/core/discovery/script';
import { splitSections } from '../../../electron/core/discovery/sections';
import { HostFacts } from '../../../shared/model/scan';

const script = loadDeepCheckScript();
const busybox = ['/bin/busybox', '/usr/bin/busybox'].find((p) => existsSync(p));
const shells: [string, string[]][] = [
  ['dash', ['/bin/dash', '-s', '--']],
  ['bash', ['/bin/bash', '-s', '--']],
  ...(busybox ? [['busybox ash', [busybox, 'sh', '-s', '--']] as [string, string[]]] : []),
];
const EXPECTED = [
  'meta',
  'os.release',
  'os.kernel',
  'uptime',
  'hw.cpu',
  'hw.mem',
  'disk.df',
  'disk.inodes',
  'disk.mounts',
  'net.addr',
  'net.route',
  'net.dns',
  'net.ports',
  'proc.ps',
  'proc.cgroup',
  'proc.exe',
  'net.sockets',
  'pkg.owners',
  'cron',
  'users.passwd',
  'users.group',
  'users.sudo',
  'sshd',
  'containers',
  'tls',
  'updates',
  'end',
];

describe('resources/deepcheck.sh', () => {
  it('is the file the loader returns', () => {
    expect(script).toBe(readFileSync(join(__dirname, '../../../resources/deepcheck.sh'), 'utf8'));
  });

  for (const [name, argv] of shells.filter(([, a]) => existsSync(a[0]!))) {
    it(`runs under ${name}: every section, nothing on stderr, facts valid`, () => {
      const r = spawnSync(argv[0]!, [...argv.slice(1), 'n0nce'], {
        input: script,
        encoding: 'utf8',
        timeout: 120_000,
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      const raw = splitSections(r.stdout, 'n0nce');
      for (const s of EXPECTED) expect(raw.sections.has(s), s).toBe(true);
      expect(raw.complete).toBe(true);
      const { facts } = parseDeepCheck(r.stdout, 'n0nce');
      expect(() => HostFacts.parse(facts)).not.toThrow();
      expect(facts.os.kernel).not.toBe('');
      expect(facts.users.some((u) => u.name === 'root')).toBe(true);
    }, 150_000);
  }

  it('runs nothing until the whole script has arrived (a cut connection never runs half a scan)', () => {
    const half = script.slice(0, Math.floor(script.length * 0.9));
    const r = spawnSync('/bin/sh', ['-s', '--', 'n0nce'], { input: half, encoding: 'utf8', timeout: 30_000 });
    expect(r.stdout).toBe('');
  });

  it('never prints key material, only certificate blocks', () => {
    expect(script).not.toMatch(/PRIVATE KEY/);
    expect(script).toMatch(/-----BEGIN CERTIFICATE-----\/\{p=1\}/);
  });
});
