/** Captured (Debian fleet, busybox) and hand-written (Rocky 9, Alpine 3.19) deep-check outputs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeepCheck, type ParsedDeepCheck } from '../../../electron/core/discovery/facts';
import { splitSections } from '../../../electron/core/discovery/sections';

const DIR = join(__dirname, 'fixtures');

/** Nonce used when each fixture was captured. */
const NONCES: Record<string, string> = { debian: 'cap', rhel: 'fx', alpine: 'fx' };

export function raw(path: string): string {
  return readFileSync(join(DIR, path), 'utf8');
}

export function nonceOf(path: string): string {
  return path.includes('busybox') ? 'bb' : NONCES[path.split('/')[0]!]!;
}

/** One section's text from a fixture. */
export function section(path: string, name: string): string {
  const s = splitSections(raw(path), nonceOf(path)).sections.get(name);
  if (s === undefined) throw new Error(`${path} has no section ${name}`);
  return s;
}

export function parsed(path: string): ParsedDeepCheck {
  return parseDeepCheck(raw(path), nonceOf(path));
}

export const DEBIAN_ROOT = ['debian/h1-root.txt', 'debian/h2-root.txt', 'debian/h3-root.txt', 'debian/h4-root.txt'];
export const DEBIAN_USER = DEBIAN_ROOT.map((p) => p.replace('-root', '-user'));
export const ROCKY = 'rhel/rocky9.txt';
export const ALPINE = 'alpine/alpine319.txt';
export const BUSYBOX = 'debian/busybox-chroot.txt';
