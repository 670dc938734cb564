/**
 * Filesystems from `df -Pk` (GNU and busybox print the same POSIX columns), joined with `df -Pi`
 * for inode use and /proc/mounts for the filesystem type. Pseudo filesystems are dropped: a full
 * tmpfs or a squashfs snap (always 100 %) is not a disk a user can act on.
 */
import type { Filesystem } from '../../../../shared/model/scan';
import { lines } from '../sections';

const PSEUDO = new Set([
  'proc',
  'sysfs',
  'devtmpfs',
  'devpts',
  'tmpfs',
  'cgroup',
  'cgroup2',
  'mqueue',
  'hugetlbfs',
  'debugfs',
  'tracefs',
  'securityfs',
  'pstore',
  'bpf',
  'configfs',
  'fusectl',
  'ramfs',
  'autofs',
  'binfmt_misc',
  'rpc_pipefs',
  'nsfs',
  'squashfs',
  'efivarfs',
  'overlay-internal',
  'devfs',
]);

interface DfRow {
  device: string;
  total: number;
  used: number;
  avail: number;
  percent: number;
  mount: string;
}

/** Data rows of POSIX df output. Long device names may wrap onto their own line in some dfs. */
function dfRows(text: string | undefined): DfRow[] {
  const rows: DfRow[] = [];
  let pending = '';
  for (const line of lines(text)) {
    if (/^Filesystem\s/.test(line)) continue;
    const full = pending ? `${pending} ${line.trim()}` : line;
    const m = /^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+|-)%?\s+(.+)$/.exec(full);
    if (!m) {
      pending = full.trim();
      continue;
    }
    pending = '';
    rows.push({
      device: m[1]!,
      total: Number(m[2]),
      used: Number(m[3]),
      avail: Number(m[4]),
      percent: m[5] === '-' ? 0 : Number(m[5]),
      mount: m[6]!,
    });
  }
  return rows;
}

export function parseMountTypes(text: string | undefined): Map<string, string> {
  const types = new Map<string, string>();
  for (const line of lines(text)) {
    const [, mount, type] = line.split(/\s+/);
    // /proc/mounts escapes spaces as \040; the last entry for a mount point is the visible one.
    if (mount && type) types.set(mount.replace(/\\040/g, ' '), type);
  }
  return types;
}

export function parseFilesystems(df: string | undefined, inodes: string | undefined, mounts: string | undefined): Filesystem[] {
  const types = parseMountTypes(mounts);
  const inodeUse = new Map(dfRows(inodes).map((r) => [r.mount, r.total > 0 ? r.percent : null] as const));
  const seen = new Set<string>();
  const out: Filesystem[] = [];
  for (const r of dfRows(df)) {
    const fsType = types.get(r.mount) ?? null;
    if ((fsType && PSEUDO.has(fsType)) || (!fsType && ['tmpfs', 'devtmpfs', 'none', 'udev', 'shm'].includes(r.device))) continue;
    if (r.total === 0 || seen.has(r.mount)) continue;
    seen.add(r.mount);
    out.push({
      device: r.device,
      mount: r.mount,
      fsType,
      sizeBytes: r.total * 1024,
      usedBytes: r.used * 1024,
      availBytes: r.avail * 1024,
      usePercent: r.percent,
      inodesUsePercent: inodeUse.get(r.mount) ?? null,
    });
  }
  return out;
}
