/**
 * labUp converges the machine to "N hosts running, roles applied": whatever is already right is
 * kept, so it is idempotent, returns in well under a second when the lab is healthy, and repairs
 * a lab left half-up by a crash (orphans are killed and booted again, missing roles re-applied).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { DEFAULT_HOSTS, labPaths, MAX_HOSTS, MIN_HOSTS, planHosts, type PlannedHost } from './config';
import { ensureClientKey, etcHosts, markRoleDone, readPlanCount, roleDone, writeKnownHosts, writePlan } from './files';
import { withLock } from './lock';
import { applyRole } from './roles';
import { runScript } from './shell';
import { takeSnapshot, useSnapshot, validSnapshot, wantsSnapshot } from './snapshots';
import { sshBanner, sshExec, waitForLogin } from './ssh';
import { hostStates, labStatus } from './status';
import { LabError, type LabStatus, type LabUpOptions } from './types';
import { verifyConnections } from './verify';

// machine tools the scripts use (install-deps.sh installs them)
const TOOLS = 'debootstrap systemd-nspawn ip unshare setsid flock ssh ssh-keygen dpkg-scanpackages gzip mknod'.split(' ');
const BOOT_TIMEOUT_MS = 180_000;

export function assertRoot(step: string): void {
  if (process.getuid?.() !== 0) {
    throw new LabError(step, 'the lab needs root (network namespaces, overlay mounts, systemd-nspawn); run as root');
  }
}

function defaultLog(line: string): void {
  process.stderr.write(`${line}\n`);
}

function missingTools(): string[] {
  const script = `for t in ${TOOLS.join(' ')}; do command -v "$t" >/dev/null 2>&1 || echo "$t"; done`;
  return execFileSync('bash', ['-c', script], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

async function isHealthy(status: LabStatus, plan: PlannedHost[], paths: ReturnType<typeof labPaths>): Promise<boolean> {
  if (!status.up) return false;
  const byName = new Map(status.hosts.map((h) => [h.name, h]));
  if (!plan.every((p) => byName.get(p.name)?.state === 'running' && roleDone(paths, p.name))) return false;
  const banners = await Promise.all(plan.map((p) => sshBanner(p.address)));
  return banners.every(Boolean);
}

export async function labUp(opts: LabUpOptions = {}): Promise<LabStatus> {
  const want = opts.hosts ?? DEFAULT_HOSTS;
  if (!Number.isInteger(want) || want < MIN_HOSTS || want > MAX_HOSTS) {
    throw new LabError('up', `--hosts must be an integer from ${MIN_HOSTS} to ${MAX_HOSTS} (got ${want})`);
  }
  assertRoot('up');
  const log = opts.log ?? defaultLog;
  const paths = labPaths();
  return withLock(paths.lock, async () => {
    const t0 = Date.now();
    const previous = readPlanCount(paths);
    const plan = planHosts(Math.max(want, previous ?? 0));
    const before = await labStatus();
    if (await isHealthy(before, plan, paths)) return before;

    const missing = missingTools();
    if (missing.length) throw new LabError('up', `missing tools: ${missing.join(', ')} (run test/fleet/install-deps.sh as root)`);
    const run = (script: string, args: string[], step: string, host?: string) =>
      runScript(script, args, { dir: paths.dir, step, host, log, locked: true });
    const secs = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
    log(`[lab] bringing up ${plan.length} hosts (lab dir ${paths.dir})`);

    await run('build-base.sh', [], 'cache: base rootfs');
    await run('build-repo.sh', [], 'cache: local apt repo');
    const tCache = Date.now();

    ensureClientKey(paths);
    const states = await hostStates(
      paths.dir,
      plan.map((h) => h.name),
    );
    await Promise.all(plan.map((h) => run('host.sh', ['prepare', h.name, h.role], 'prepare', h.name)));
    for (const h of plan.filter((p) => states.get(p.name) === 'absent')) {
      const layer = validSnapshot(paths, h);
      if (layer) useSnapshot(paths, h, layer); // a fresh host: boot it with its role already applied
    }
    writeKnownHosts(paths, plan);
    writePlan(paths, plan);
    const toBoot = plan.filter((h) => states.get(h.name) !== 'running');
    const wereRunning = plan.filter((h) => states.get(h.name) === 'running');
    for (const h of toBoot) {
      if (states.get(h.name) === 'orphan') {
        log(`[lab ${h.name}] orphaned processes from an earlier run: stopping them`);
        await run('host.sh', ['stop', h.name], 'stop orphan', h.name);
      }
      await run('net.sh', ['up', h.name, h.address], 'network', h.name); // one at a time: they share the bridge
    }
    await Promise.all(toBoot.map((h) => run('host.sh', ['start', h.name], 'boot', h.name)));
    const tLaunch = Date.now();

    const deathReason = async (name: string) => {
      const st = (await hostStates(paths.dir, [name])).get(name);
      if (st === 'running') return null;
      let tail = '';
      try {
        tail = readFileSync(`${paths.hostState(name)}/console.log`, 'utf8')
          .trim()
          .split('\n')
          .slice(-15)
          .join('\n');
      } catch {
        /* no console log */
      }
      return `the host is ${st ?? 'gone'} while booting; console (${paths.hostState(name)}/console.log):\n${tail}`;
    };
    await waitForLogin(paths, plan, { timeoutMs: BOOT_TIMEOUT_MS, deathReason });
    if (previous !== null && plan.length > previous) {
      // hosts that kept running have an /etc/hosts without the new spares
      const script = `cat > /etc/hosts <<'FLEET_EOF'\n${etcHosts(plan)}FLEET_EOF\n`;
      await Promise.all(
        wereRunning.map(async (h) => {
          const r = await sshExec(paths, h, script, { user: 'root', timeoutMs: 30_000 });
          if (r.code !== 0) throw new LabError('update /etc/hosts', r.stderr.trim(), h.name);
        }),
      );
    }
    const tSsh = Date.now();
    log(`[lab] ${plan.length} hosts accept ssh (${toBoot.length} booted) after ${secs(t0)}s`);

    const pending = plan.filter((h) => !roleDone(paths, h.name));
    if (pending.length) log(`[lab] applying roles: ${pending.map((h) => `${h.name}=${h.role}`).join(' ')}`);
    await Promise.all(
      pending.map(async (h) => {
        await applyRole(paths, h, plan, `${paths.hostState(h.name)}/role.log`);
        markRoleDone(paths, h.name, h.role);
        log(`[lab ${h.name}] role ${h.role} applied (${secs(tSsh)}s)`);
      }),
    );
    const snap = pending.filter((h) => wantsSnapshot(paths, h));
    if (snap.length) {
      log(`[lab] saving role snapshots for the next lab:up: ${snap.map((h) => h.role).join(' ')}`);
      await Promise.all(snap.map((h) => run('host.sh', ['stop', h.name], 'snapshot: power off', h.name)));
      const after = await hostStates(
        paths.dir,
        snap.map((h) => h.name),
      );
      for (const h of snap) {
        if (after.get(h.name) !== 'stopped') throw new LabError('snapshot', `host is ${after.get(h.name)}, not stopped`, h.name);
        takeSnapshot(paths, h);
      }
      await Promise.all(snap.map((h) => run('host.sh', ['start', h.name], 'snapshot: boot', h.name)));
      await waitForLogin(paths, snap, { timeoutMs: BOOT_TIMEOUT_MS, deathReason });
    }
    const tRoles = Date.now();
    await verifyConnections(paths, plan);
    const line =
      `${new Date().toISOString()} up hosts=${plan.length} booted=${toBoot.length} roles=${pending.length} ` +
      `cache=${((tCache - t0) / 1000).toFixed(1)}s launch=${((tLaunch - tCache) / 1000).toFixed(1)}s ssh=${((tSsh - tLaunch) / 1000).toFixed(1)}s ` +
      `roles=${((tRoles - tSsh) / 1000).toFixed(1)}s snapshots=${snap.length} verify=${secs(tRoles)}s total=${secs(t0)}s`;
    appendFileSync(paths.timings, line + '\n');
    log(`[lab] up: ${line.slice(line.indexOf(' up ') + 4)}`);
    return labStatus();
  });
}
