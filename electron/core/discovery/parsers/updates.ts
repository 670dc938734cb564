/**
 * Pending updates as the local package cache sees them (the script never refreshes it):
 * `apt list --upgradable`, `dnf check-update` + `dnf updateinfo list --security`, `yum check-update`,
 * `apk version -l '<'`. Security updates are flagged from the suite (Debian/Ubuntu "-security")
 * or from dnf's advisory list; Alpine has no such marker.
 */
import type { PendingUpdate, UpdateFacts } from '../../../../shared/model/scan';
import { lines, subBlocks } from '../sections';

function parseApt(body: string): PendingUpdate[] {
  const out: PendingUpdate[] = [];
  for (const line of lines(body)) {
    // libssl3/stable-security,stable 3.0.17-1~deb12u3 amd64 [upgradable from: 3.0.15-1~deb12u1]
    const m = /^([^/\s]+)\/(\S+)\s+(\S+)\s+\S+\s+\[upgradable from:\s+([^\]]+)\]/.exec(line);
    if (m) out.push({ name: m[1]!, available: m[3]!, current: m[4]!.trim(), security: /-security\b/.test(m[2]!) });
  }
  return out;
}

/** `name.arch  version  repo` rows; dnf/yum also print blank lines and "Obsoleting Packages" sections. */
function parseCheckUpdate(body: string): PendingUpdate[] {
  const out: PendingUpdate[] = [];
  for (const line of lines(body)) {
    if (/^Obsoleting/i.test(line)) break;
    const m = /^(\S+)\.(\w+)\s+(\S+)\s+(\S+)$/.exec(line.trim());
    if (m) out.push({ name: m[1]!, available: m[3]!, current: null, security: false });
  }
  return out;
}

/** `RHSA-2024:1234 Important/Sec. openssl-libs-1:3.0.7-27.el9.x86_64` -> package names with an advisory. */
function securityNames(body: string, candidates: string[]): Set<string> {
  const names = new Set<string>();
  const byLength = [...candidates].sort((a, b) => b.length - a.length);
  for (const line of lines(body)) {
    const nevra = line.trim().split(/\s+/)[2];
    if (!nevra) continue;
    const name = byLength.find((n) => nevra.startsWith(`${n}-`));
    if (name) names.add(name);
  }
  return names;
}

function parseApkVersion(body: string): PendingUpdate[] {
  const out: PendingUpdate[] = [];
  for (const line of lines(body)) {
    // busybox-1.36.1-r15 < 1.36.1-r20
    const m = /^(.+?)-(\d[^-\s]*-r\d+)\s+<\s+(\S+)/.exec(line.trim());
    if (m) out.push({ name: m[1]!, current: m[2]!, available: m[3]!, security: false });
  }
  return out;
}

/** `checked` is false when the cache was missing or the command timed out. */
export function parseUpdates(text: string | undefined, cacheMissing: boolean, timedOut: boolean): UpdateFacts {
  const blocks = new Map(subBlocks(text ?? '').map((b) => [b.name, b.body]));
  const checked = !cacheMissing && !timedOut;
  if (blocks.has('apt')) return { source: 'apt', items: parseApt(blocks.get('apt')!), checked };
  if (blocks.has('dnf')) {
    const items = parseCheckUpdate(blocks.get('dnf')!);
    const sec = securityNames(
      blocks.get('dnf.security') ?? '',
      items.map((i) => i.name),
    );
    return { source: 'dnf', items: items.map((i) => ({ ...i, security: sec.has(i.name) })), checked };
  }
  if (blocks.has('yum')) return { source: 'yum', items: parseCheckUpdate(blocks.get('yum')!), checked };
  if (blocks.has('apk')) return { source: 'apk', items: parseApkVersion(blocks.get('apk')!), checked };
  return { source: null, items: [], checked: false };
}
