import { describe, expect, it } from 'vitest';
import { parseHardware } from '../../../electron/core/discovery/parsers/hardware';
import { osFamily, parseOs, parseUptime } from '../../../electron/core/discovery/parsers/os';
import { ALPINE, DEBIAN_ROOT, ROCKY, section } from './fixtures';

describe('OS facts', () => {
  it('Debian (captured from the fleet): point release from /etc/debian_version, nspawn detected', () => {
    const os = parseOs(section(DEBIAN_ROOT[0]!, 'os.release'), section(DEBIAN_ROOT[0]!, 'os.kernel'));
    expect(os).toMatchObject({
      id: 'debian',
      family: 'debian',
      prettyName: 'Debian GNU/Linux 12 (bookworm)',
      hostname: 'h1',
      fqdn: 'h1.fleet.test',
      virtualization: 'systemd-nspawn',
    });
    expect(os.version).toMatch(/^12\.\d+$/);
    expect(os.machineId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('Rocky 9: rhel family through ID_LIKE, KVM', () => {
    const os = parseOs(section(ROCKY, 'os.release'), section(ROCKY, 'os.kernel'));
    expect(os).toMatchObject({ id: 'rocky', family: 'rhel', version: '9.3', virtualization: 'kvm', kernel: '5.14.0-362.8.1.el9_3.x86_64' });
  });

  it('Alpine: no machine-id, virtualization guessed from DMI', () => {
    const os = parseOs(section(ALPINE, 'os.release'), section(ALPINE, 'os.kernel'));
    expect(os).toMatchObject({ id: 'alpine', family: 'alpine', version: '3.19.1', machineId: null, virtualization: 'kvm' });
  });

  it('falls back to release files when os-release is missing', () => {
    expect(parseOs('FILE_redhat_release="CentOS release 6.10 (Final)"', '').family).toBe('rhel');
    expect(parseOs('FILE_redhat_release="CentOS release 6.10 (Final)"', '').version).toBe('6.10');
    expect(parseOs('FILE_alpine_release="3.12.0"', '')).toMatchObject({ id: 'alpine', version: '3.12.0' });
    expect(osFamily('ubuntu', ['debian'])).toBe('debian');
    expect(osFamily('opensuse-leap', ['suse'])).toBe('suse');
  });

  it('hardware and uptime', () => {
    const hw = parseHardware(section(ROCKY, 'hw.cpu'), section(ROCKY, 'hw.mem'), section(ROCKY, 'os.kernel'));
    expect(hw).toEqual({
      cpuModel: 'AMD EPYC 7B13',
      cpuCount: 2,
      memTotalBytes: 3735316 * 1024,
      memAvailableBytes: 1698044 * 1024,
      swapTotalBytes: 2097148 * 1024,
      swapFreeBytes: 2031612 * 1024,
      vendor: 'QEMU',
      product: 'Standard PC (Q35 + ICH9, 2009)',
    });
    expect(parseUptime(section(ROCKY, 'uptime'))).toEqual({ seconds: 3898132.47, load1: 0.42, load5: 0.35, load15: 0.31 });
    expect(parseUptime('')).toBeNull();
  });
});
