import { describe, expect, it } from 'vitest';
import { parseApk, parseDpkg, parseOwners, parseRpm, splitApk } from '../../../electron/core/discovery/parsers/packages';
import { upstreamVersion } from '../../../electron/core/discovery/products';
import { ALPINE, DEBIAN_ROOT, ROCKY, section } from './fixtures';

describe('packages', () => {
  it('dpkg (fleet): installed rows only, with versions and arch', () => {
    const pkgs = parseDpkg(section(DEBIAN_ROOT[0]!, 'pkg.dpkg'));
    expect(pkgs.length).toBeGreaterThan(100);
    expect(pkgs.find((p) => p.name === 'nginx')).toMatchObject({ arch: 'amd64' });
    expect(pkgs.find((p) => p.name === 'nginx')?.version).toMatch(/^1\.22\.1-/);
    expect(parseDpkg('rc \told-pkg\t1.0\tamd64\nii \tnew-pkg\t2.0\tall\nhi \theld\t3.0\tamd64')).toEqual([
      { name: 'new-pkg', version: '2.0', arch: 'all' },
      { name: 'held', version: '3.0', arch: 'amd64' },
    ]);
  });

  it('rpm (Rocky): epoch kept when set, gpg-pubkey skipped', () => {
    const pkgs = parseRpm(section(ROCKY, 'pkg.rpm'));
    expect(pkgs.find((p) => p.name === 'nginx')).toEqual({ name: 'nginx', version: '1:1.20.1-14.el9_2.1', arch: 'x86_64' });
    expect(pkgs.find((p) => p.name === 'bash')?.version).toBe('5.1.8-6.el9_1');
    expect(pkgs.some((p) => p.name === 'gpg-pubkey')).toBe(false);
  });

  it('apk (Alpine): name and version split at the version, dashes in names kept', () => {
    const pkgs = parseApk(section(ALPINE, 'pkg.apk'));
    expect(pkgs).toContainEqual({ name: 'openssh-server-common', version: '9.6_p1-r0', arch: null });
    expect(pkgs).toContainEqual({ name: 'musl', version: '1.2.4_git20230717-r4', arch: null });
    expect(pkgs).toContainEqual({ name: 'py3-redis', version: '5.0.1-r0', arch: null });
    expect(splitApk('not-a-package')).toBeNull();
  });

  it('owners of listening binaries: dpkg -S, rpm loop, apk info -W', () => {
    expect(parseOwners(section(DEBIAN_ROOT[2]!, 'pkg.owners'))['/usr/lib/postgresql/15/bin/postgres']).toBe('postgresql-15');
    expect(parseOwners('libc6:amd64: /lib/x86_64-linux-gnu/libc.so.6\ndiverted-a, other: /usr/bin/x')).toEqual({
      '/lib/x86_64-linux-gnu/libc.so.6': 'libc6',
      '/usr/bin/x': 'diverted-a',
    });
    expect(parseOwners(section(ROCKY, 'pkg.owners'))['/usr/libexec/mariadbd']).toBe('mariadb-server');
    expect(parseOwners(section(ALPINE, 'pkg.owners'))['/usr/bin/redis-server']).toBe('redis');
  });

  it('upstream versions drop epoch and distro revision', () => {
    expect(upstreamVersion('1:1.20.1-14.el9_2.1')).toBe('1.20.1');
    expect(upstreamVersion('15.14-0+deb12u1')).toBe('15.14');
    expect(upstreamVersion('5:7.0.15-1~deb12u3')).toBe('7.0.15');
    expect(upstreamVersion('1.24.0-r15')).toBe('1.24.0');
    expect(upstreamVersion('2.0')).toBe('2.0');
  });
});
