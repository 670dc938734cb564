/** OS identity from /etc/os-release (+ distro release files) and the kernel/host section. */
import type { OsFacts, OsFamily, UptimeFacts } from '../../../../shared/model/scan';
import { keyValues, lines } from '../sections';

export function osFamily(id: string, idLike: string[]): OsFamily {
  const all = [id, ...idLike].map((s) => s.toLowerCase());
  if (all.some((s) => ['debian', 'ubuntu', 'raspbian', 'linuxmint'].includes(s))) return 'debian';
  if (all.some((s) => ['rhel', 'fedora', 'centos', 'rocky', 'almalinux', 'ol', 'amzn'].includes(s))) return 'rhel';
  if (all.includes('alpine')) return 'alpine';
  if (all.some((s) => s.startsWith('opensuse') || s === 'sles' || s === 'suse')) return 'suse';
  if (all.some((s) => s === 'arch' || s === 'manjaro')) return 'arch';
  return 'other';
}

const VIRT_PRODUCTS: [RegExp, string][] = [
  [/kvm|qemu|standard pc/i, 'kvm'],
  [/vmware/i, 'vmware'],
  [/virtualbox/i, 'oracle'],
  [/hvm domu|xen/i, 'xen'],
  [/virtual machine/i, 'microsoft'],
  [/amazon ec2/i, 'amazon'],
  [/google compute engine/i, 'google'],
];

export type OsPart = Omit<OsFacts, 'init'>;

export function parseOs(release: string | undefined, kernel: string | undefined): OsPart {
  const r = keyValues(release);
  const k = keyValues(kernel);
  let id = r.get('ID') ?? '';
  let version = r.get('VERSION_ID') ?? '';
  let name = r.get('NAME') ?? '';
  let pretty = r.get('PRETTY_NAME') ?? '';
  const idLike = (r.get('ID_LIKE') ?? '').split(/\s+/).filter(Boolean);
  // Hosts without os-release (RHEL 6, very old Debian): fall back to the release files.
  const redhat = r.get('FILE_redhat_release');
  const alpine = r.get('FILE_alpine_release');
  const debian = r.get('FILE_debian_version');
  if (!id && redhat) {
    id = /centos/i.test(redhat) ? 'centos' : 'rhel';
    version = /release\s+([\d.]+)/i.exec(redhat)?.[1] ?? '';
    name = pretty = redhat;
  } else if (!id && alpine) {
    id = 'alpine';
    version = alpine;
    name = 'Alpine Linux';
    pretty = `Alpine Linux v${alpine}`;
  } else if (!id && debian) {
    id = 'debian';
    version = debian;
    name = 'Debian GNU/Linux';
    pretty = `Debian GNU/Linux ${debian}`;
  }
  // Debian's VERSION_ID is only the major; the point release is in /etc/debian_version.
  if (id === 'debian' && debian && /^\d+\.\d+/.test(debian)) version = debian;

  const virt = k.get('virt');
  const container = k.get('container');
  const product = k.get('dmi_product_name') ?? '';
  let virtualization: string | null = virt && virt !== 'none' ? virt : container || null;
  if (!virtualization) virtualization = VIRT_PRODUCTS.find(([re]) => re.test(product))?.[1] ?? null;

  const hostname = k.get('hostname') ?? '';
  return {
    id: id || 'unknown',
    family: osFamily(id, idLike),
    name: name || id || 'Linux',
    version,
    prettyName: pretty || name || id || 'Linux',
    kernel: k.get('kernel') ?? '',
    arch: k.get('arch') ?? '',
    hostname,
    fqdn: k.get('fqdn') || hostname,
    virtualization,
    machineId: k.get('machine_id') || null,
  };
}

/** /proc/uptime then /proc/loadavg. */
export function parseUptime(text: string | undefined): UptimeFacts | null {
  const [up, load] = lines(text);
  const seconds = Number(up?.split(/\s+/)[0]);
  const l = (load ?? '').split(/\s+/).map(Number);
  if (!Number.isFinite(seconds) || l.length < 3) return null;
  return { seconds, load1: l[0] ?? 0, load5: l[1] ?? 0, load15: l[2] ?? 0 };
}
