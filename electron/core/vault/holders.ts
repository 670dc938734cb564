/**
 * Which processes have a vault open. Several may, on purpose: the app (or `opsdeck serve`) stays
 * unlocked while `opsdeck host list` runs beside it, and SQLite's WAL keeps them consistent. What
 * must not happen is a restore swapping the files out from under another process: it would keep
 * writing to the renamed-aside file and its changes would silently never reach the restored vault.
 *
 * Each process that unlocks a vault drops a small file named after its pid into `<vault>.holders/`
 * and removes it on lock. A process killed without locking leaves its file behind; it is ignored
 * (and removed) once no process with that pid is alive. One file per process means no shared file
 * to read-modify-write, so two processes unlocking at once cannot lose each other's entry.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Holder {
  pid: number;
  /** When it unlocked the vault (ISO time). */
  since: string;
  /** What the process is, for the message a user reads: "opsdeck serve", "OpsDeck app". */
  what: string;
}

const dirOf = (vaultPath: string) => `${vaultPath}.holders`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else (still a holder); ESRCH: gone.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function registerHolder(vaultPath: string, what: string): void {
  try {
    mkdirSync(dirOf(vaultPath), { recursive: true, mode: 0o700 });
    const holder: Holder = { pid: process.pid, since: new Date().toISOString(), what };
    writeFileSync(join(dirOf(vaultPath), String(process.pid)), JSON.stringify(holder), { mode: 0o600 });
  } catch {
    // Best effort: a read-only directory must not stop the user from unlocking. The cost is only
    // that a restore elsewhere cannot see this process.
  }
}

export function releaseHolder(vaultPath: string): void {
  rmSync(join(dirOf(vaultPath), String(process.pid)), { force: true });
}

/** Live processes other than this one that have the vault open; stale entries are cleaned up. */
export function otherHolders(vaultPath: string): Holder[] {
  let names: string[];
  try {
    names = readdirSync(dirOf(vaultPath));
  } catch {
    return [];
  }
  const out: Holder[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) continue;
    const file = join(dirOf(vaultPath), name);
    if (!alive(pid)) {
      rmSync(file, { force: true });
      continue;
    }
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
      out.push({
        pid,
        since: typeof parsed.since === 'string' ? parsed.since : '',
        what: typeof parsed.what === 'string' ? parsed.what : 'OpsDeck',
      });
    } catch {
      out.push({ pid, since: '', what: 'OpsDeck' });
    }
  }
  return out;
}

/** "opsdeck serve (pid 4242, since 10:02)" for messages. */
export function describeHolders(holders: Holder[]): string {
  return holders
    .map((h) => {
      const since = h.since
        ? `, open since ${new Date(h.since).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`
        : '';
      return `${h.what} (pid ${h.pid}${since})`;
    })
    .join(', ');
}
