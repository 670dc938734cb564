/**
 * Findings a user acts on, each with a severity and evidence lines that can be checked on the host.
 * Thresholds are deliberate and few: a finding list that cries wolf stops being read.
 */
import type { Finding, HostFacts, Service } from '../../../shared/model/scan';
import { isWildcard } from './address';

const DAY = 86_400_000;
const GiB = 1024 ** 3;
const gib = (n: number) => `${(n / GiB).toFixed(1)} GiB`;

function disks(facts: HostFacts): Finding[] {
  const out: Finding[] = [];
  for (const fs of facts.filesystems) {
    if (fs.usePercent > 90) {
      out.push({
        code: 'DISK_FULL',
        severity: fs.usePercent >= 98 ? 'critical' : 'high',
        title: `Filesystem ${fs.mount} is ${fs.usePercent} % full`,
        subject: fs.mount,
        evidence: [`df: ${fs.device} on ${fs.mount}: ${fs.usePercent} % used, ${gib(fs.availBytes)} free of ${gib(fs.sizeBytes)}`],
      });
    }
    if (fs.inodesUsePercent !== null && fs.inodesUsePercent > 90) {
      out.push({
        code: 'INODES_FULL',
        severity: fs.inodesUsePercent >= 98 ? 'critical' : 'high',
        title: `Filesystem ${fs.mount} has used ${fs.inodesUsePercent} % of its inodes`,
        subject: fs.mount,
        evidence: [`df -i: ${fs.device} on ${fs.mount}: ${fs.inodesUsePercent} % of inodes used`],
      });
    }
  }
  return out;
}

function failedUnits(facts: HostFacts): Finding[] {
  const failed = new Set([...facts.failedUnits, ...facts.services.filter((s) => s.state === 'failed').map((s) => s.name)]);
  return [...failed].map((unit) => ({
    code: 'FAILED_UNITS' as const,
    severity: 'medium' as const,
    title: `${unit} has failed`,
    subject: unit,
    evidence: [facts.os.init === 'openrc' ? `rc-status: ${unit} crashed` : `systemctl --failed: ${unit}`],
  }));
}

function certificates(facts: HostFacts, now: Date): Finding[] {
  const out: Finding[] = [];
  for (const c of facts.certificates) {
    const left = Date.parse(c.notAfter) - now.getTime();
    const evidence = [`${c.path}: subject ${c.subject}, expires ${c.notAfter}${c.selfSigned ? ' (self-signed)' : ''}`];
    if (left <= 0)
      out.push({ code: 'CERT_EXPIRED', severity: 'critical', title: `Certificate ${c.path} has expired`, subject: c.path, evidence });
    else if (left <= 30 * DAY) {
      const days = Math.floor(left / DAY);
      out.push({
        code: 'CERT_EXPIRING',
        severity: days < 7 ? 'high' : 'medium',
        title: `Certificate ${c.path} expires in ${days} day${days === 1 ? '' : 's'}`,
        subject: c.path,
        evidence,
      });
    }
  }
  return out;
}

function sshd(facts: HostFacts): Finding[] {
  const s = facts.sshd;
  if (!s) return [];
  const out: Finding[] = [];
  const from = s.source === 'sshd -T' ? 'sshd -T' : 'sshd_config';
  if (s.passwordAuthentication) {
    out.push({
      code: 'SSH_PASSWORD_AUTH',
      severity: 'medium',
      title: 'SSH accepts password logins',
      subject: 'sshd',
      evidence: [`${from}: passwordauthentication yes`],
    });
  }
  if (s.permitRootLogin === 'yes') {
    out.push({
      code: 'SSH_ROOT_LOGIN',
      severity: 'high',
      title: 'SSH allows root to log in (PermitRootLogin yes)',
      subject: 'sshd',
      evidence: [`${from}: permitrootlogin yes`],
    });
  }
  return out;
}

function updates(facts: HostFacts): Finding[] {
  const u = facts.updates;
  const security = u.items.filter((i) => i.security);
  const other = u.items.length - security.length;
  const out: Finding[] = [];
  const sample = (items: typeof u.items) => items.slice(0, 10).map((i) => `${i.name} ${i.current ?? '?'} -> ${i.available}`);
  if (security.length > 0) {
    out.push({
      code: 'SECURITY_UPDATES',
      severity: 'high',
      title: `${security.length} security update${security.length === 1 ? '' : 's'} pending`,
      subject: u.source ?? 'packages',
      evidence: sample(security),
    });
  }
  if (other > 0) {
    out.push({
      code: 'PENDING_UPDATES',
      severity: 'low',
      title: `${other} other update${other === 1 ? '' : 's'} pending`,
      subject: u.source ?? 'packages',
      evidence: sample(u.items.filter((i) => !i.security)),
    });
  }
  return out;
}

/** Databases, caches and queues bound to every address are one firewall mistake from the internet. */
function exposed(services: readonly Service[]): Finding[] {
  const out: Finding[] = [];
  for (const s of services) {
    if (!['database', 'cache', 'queue'].includes(s.kind)) continue;
    const open = s.listeners.filter((l) => isWildcard(l.address));
    if (open.length === 0) continue;
    out.push({
      code: 'INTERNAL_SERVICE_EXPOSED',
      severity: 'medium',
      title: `${s.product} listens on all addresses`,
      subject: s.name,
      evidence: open.map((l) => `${s.name} listens on ${l.address === '::' ? '[::]' : l.address}:${l.port}/${l.proto}`),
    });
  }
  return out;
}

export function computeFindings(
  facts: HostFacts,
  services: readonly Service[],
  gaps: readonly string[],
  now: Date = new Date(),
): Finding[] {
  const out = [
    ...disks(facts),
    ...failedUnits(facts),
    ...certificates(facts, now),
    ...sshd(facts),
    ...updates(facts),
    ...exposed(services),
  ];
  if (gaps.length > 0)
    out.push({
      code: 'SCAN_PARTIAL',
      severity: 'info',
      title: 'Part of the host could not be inspected',
      subject: 'scan',
      evidence: [...gaps],
    });
  const rank = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
  return out.sort((a, b) => rank[a.severity] - rank[b.severity] || a.title.localeCompare(b.title));
}
