/**
 * Role snapshots make a warm `lab:up` fast. Installing postgresql alone takes 25-45 s on these
 * machines, so right after a role is applied for the first time the host is powered off and its
 * overlay upper dir (everything the role changed, taken after a clean shutdown) is moved into the
 * cache as cache/roles/<role>. A fresh host of that role then boots with it as an extra read-only
 * lower layer, the role already applied, its services starting like after a reboot.
 *
 * A snapshot is used only when its key matches (base image, apt repo, the role's scripts and files,
 * the host's address) and it is less than a week old (the web host's certificate is valid 30 days).
 * Spares have no snapshot: they are bare.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES_DIR, type labPaths, type PlannedHost } from './config';

type Paths = ReturnType<typeof labPaths>;
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function snapshotDir(paths: Paths, host: PlannedHost): string {
  return join(paths.dir, 'cache', 'roles', host.role);
}

export function snapshotKey(paths: Paths, host: PlannedHost): string {
  const h = createHash('sha256');
  h.update(read(join(paths.dir, 'cache', 'base', '.fleet-base')));
  h.update(read(join(paths.dir, 'cache', 'repo', '.fleet-repo')));
  h.update(`${host.role} ${host.address}\n`);
  h.update(read(join(ROLES_DIR, 'common.sh')));
  h.update(read(join(ROLES_DIR, `${host.role}.sh`)));
  const files = join(ROLES_DIR, 'files');
  for (const f of readdirSync(files).sort()) h.update(`${f}\n${read(join(files, f))}`);
  return h.digest('hex').slice(0, 16);
}

/** The snapshot layer for this host's role, when there is a current one. */
export function validSnapshot(paths: Paths, host: PlannedHost): string | null {
  if (host.role === 'spare') return null;
  const dir = snapshotDir(paths, host);
  const stampFile = `${dir}.key`;
  if (!existsSync(dir) || read(stampFile).trim() !== snapshotKey(paths, host)) return null;
  return Date.now() - statSync(stampFile).mtimeMs < MAX_AGE_MS ? dir : null;
}

/** A fresh host boots from the snapshot: the launcher stacks it under the host's own upper dir. */
export function useSnapshot(paths: Paths, host: PlannedHost, layer: string): void {
  writeFileSync(join(paths.hostState(host.name), 'layer'), layer + '\n');
  writeFileSync(join(paths.hostState(host.name), 'role.done'), `${host.role} (snapshot)\n`);
}

export function wantsSnapshot(paths: Paths, host: PlannedHost): boolean {
  return host.role !== 'spare' && validSnapshot(paths, host) === null && read(join(paths.hostState(host.name), 'layer')) === '';
}

/**
 * Turns the (stopped) host's upper dir into its role's snapshot and gives the host an empty upper
 * dir over it: same files, so the host boots again unchanged.
 */
export function takeSnapshot(paths: Paths, host: PlannedHost): void {
  const state = paths.hostState(host.name);
  const dir = snapshotDir(paths, host);
  mkdirSync(join(paths.dir, 'cache', 'roles'), { recursive: true });
  rmSync(`${dir}.key`, { force: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(join(state, 'upper'), dir);
  rmSync(join(state, 'work'), { recursive: true, force: true });
  mkdirSync(join(state, 'upper'));
  mkdirSync(join(state, 'work'));
  writeFileSync(join(state, 'layer'), dir + '\n');
  writeFileSync(`${dir}.key`, snapshotKey(paths, host) + '\n');
}
