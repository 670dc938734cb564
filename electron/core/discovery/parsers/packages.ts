/**
 * Installed packages: dpkg-query (only rows whose status is "installed"), rpm (epoch kept only when
 * set) and apk (`apk info -v` prints name-version-rN, split at the version). Also the owners of the
 * binaries of listening processes (`dpkg -S`, `rpm -qf`, `apk info -W`).
 */
import type { Package } from '../../../../shared/model/scan';
import { lines } from '../sections';

export function parseDpkg(text: string | undefined): Package[] {
  const out: Package[] = [];
  for (const line of lines(text)) {
    const [status = '', name, version, arch] = line.split('\t');
    // Status-Abbrev: desired, current, error. Current "i" = installed; "rc" (config files only) is not.
    if (status[1] !== 'i' || !name || !version) continue;
    out.push({ name, version, arch: arch || null });
  }
  return out;
}

export function parseRpm(text: string | undefined): Package[] {
  const out: Package[] = [];
  for (const line of lines(text)) {
    const [name, evr, arch] = line.split('\t');
    if (!name || !evr || name === 'gpg-pubkey') continue; // imported signing keys are not software
    out.push({ name, version: evr.replace(/^:/, '').replace(/^\(none\):/, ''), arch: arch && arch !== '(none)' ? arch : null });
  }
  return out;
}

/** "musl-1.2.4-r2" -> musl / 1.2.4-r2. Names may contain dashes and digits; the version never has a dash except before -rN. */
export function splitApk(nameVersion: string): Package | null {
  const m = /^(.+?)-(\d[^-]*-r\d+)$/.exec(nameVersion.trim());
  return m ? { name: m[1]!, version: m[2]!, arch: null } : null;
}

export function parseApk(text: string | undefined): Package[] {
  return lines(text)
    .map(splitApk)
    .filter((p): p is Package => p !== null);
}

/** Binary path -> package name. */
export function parseOwners(text: string | undefined): Record<string, string> {
  const owners: Record<string, string> = {};
  for (const line of lines(text)) {
    const apk = /^(\S+) is owned by (\S+)$/.exec(line);
    if (apk) {
      const pkg = splitApk(apk[2]!);
      if (pkg) owners[apk[1]!] = pkg.name;
      continue;
    }
    // dpkg: "pkg1, pkg2: /path" (diversions list several); rpm loop: "pkg: /path"
    const m = /^(\S.*?):\s+(\/\S.*)$/.exec(line);
    if (m && !/not owned|no path found/i.test(line)) owners[m[2]!] = m[1]!.split(',')[0]!.trim().replace(/:\w+$/, '');
  }
  return owners;
}
