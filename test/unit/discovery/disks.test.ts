import { describe, expect, it } from 'vitest';
import { parseFilesystems } from '../../../electron/core/discovery/parsers/disks';
import { ALPINE, BUSYBOX, DEBIAN_ROOT, ROCKY, section } from './fixtures';

const fs = (p: string) => parseFilesystems(section(p, 'disk.df'), section(p, 'disk.inodes'), section(p, 'disk.mounts'));

describe('filesystems', () => {
  it('keeps real filesystems with type and inode use, drops tmpfs and friends (Rocky, LVM)', () => {
    const list = fs(ROCKY);
    expect(list.map((f) => f.mount)).toEqual(['/', '/boot', '/home']);
    expect(list[0]).toEqual({
      device: '/dev/mapper/rl-root',
      mount: '/',
      fsType: 'xfs',
      sizeBytes: 17811456 * 1024,
      usedBytes: 16123908 * 1024,
      availBytes: 1687548 * 1024,
      usePercent: 91,
      inodesUsePercent: 2,
    });
  });

  it('reads busybox df (Alpine): no inode count on vfat', () => {
    const list = fs(ALPINE);
    expect(list.map((f) => [f.mount, f.fsType, f.usePercent, f.inodesUsePercent])).toEqual([
      ['/', 'ext4', 97, 5],
      ['/boot', 'vfat', 10, null],
    ]);
  });

  it('reads the fleet overlay root and the real busybox df output', () => {
    expect(fs(DEBIAN_ROOT[0]!).find((f) => f.mount === '/')?.fsType).toBe('overlay');
    expect(() => fs(BUSYBOX)).not.toThrow();
  });

  it('joins a long device name that df wrapped onto its own line', () => {
    const df =
      'Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/mapper/very-long-volume-group-name-root\n   1000   950   50  95% /data\n';
    expect(parseFilesystems(df, '', '/dev/mapper/very-long-volume-group-name-root /data ext4 rw 0 0')).toMatchObject([
      { device: '/dev/mapper/very-long-volume-group-name-root', mount: '/data', usePercent: 95, fsType: 'ext4' },
    ]);
  });
});
