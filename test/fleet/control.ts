/**
 * Everything after labUp: bring the lab down, power single hosts off and on (their disks are
 * kept, as for a real server), and run scripts on hosts for test assertions.
 */
import { readFileSync } from 'node:fs';
import { hostNumber, labPaths, plannedHost, type PlannedHost } from './config';
import { readPlanCount } from './files';
import { withLock } from './lock';
import { runScript } from './shell';
import { sshExec, waitForLogin } from './ssh';
import { hostStates } from './status';
import { LabError, type ExecResult, type LabExecOptions } from './types';
import { assertRoot } from './up';

function stderrLog(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Stops every host of the lab (also leftovers of a crash) and removes what up created. */
export async function labDown(opts: { log?: (line: string) => void } = {}): Promise<void> {
  assertRoot('down');
  const paths = labPaths();
  await withLock(paths.lock, () =>
    runScript('down.sh', [], { dir: paths.dir, step: 'down', log: opts.log ?? stderrLog, locked: true }).then(() => undefined),
  );
}

function labHost(name: string): PlannedHost {
  const n = hostNumber(name);
  const count = readPlanCount(labPaths());
  if (n === null || count === null || n > count) {
    throw new LabError('host', `no host ${JSON.stringify(name)} in the lab (${count === null ? 'the lab is down' : `h1..h${count}`})`);
  }
  return plannedHost(n);
}

/** Powers the host off cleanly (its systemd shuts down); its disk, address and identity are kept. */
export async function labStopHost(name: string): Promise<void> {
  assertRoot('stop');
  const h = labHost(name);
  const paths = labPaths();
  await withLock(paths.lock, () =>
    runScript('host.sh', ['stop', h.name], { dir: paths.dir, step: 'stop', host: h.name, log: stderrLog, locked: true }),
  );
}

/** Boots a stopped host again and waits until it accepts ssh logins. No-op when it runs. */
export async function labStartHost(name: string): Promise<void> {
  assertRoot('start');
  const h = labHost(name);
  const paths = labPaths();
  await withLock(paths.lock, async () => {
    const opts = { dir: paths.dir, host: h.name, log: stderrLog, locked: true };
    if ((await hostStates(paths.dir, [h.name])).get(h.name) === 'orphan') {
      await runScript('host.sh', ['stop', h.name], { ...opts, step: 'stop orphan' });
    }
    await runScript('net.sh', ['up', h.name, h.address], { ...opts, step: 'network' });
    await runScript('host.sh', ['start', h.name], { ...opts, step: 'boot' });
    await waitForLogin(paths, [h], {
      timeoutMs: 120_000,
      deathReason: async (n) => {
        if ((await hostStates(paths.dir, [n])).get(n) === 'running') return null;
        const log = readFileSync(`${paths.hostState(n)}/console.log`, 'utf8')
          .trim()
          .split('\n')
          .slice(-15)
          .join('\n');
        return `the host stopped while booting; console:\n${log}`;
      },
    });
  });
}

/**
 * Runs `script` with bash on the host over OpenSSH (script on stdin), as ops by default.
 * Resolves with the exit code and output; rejects only when ssh cannot run or times out.
 */
export function labExec(name: string, script: string, opts: LabExecOptions = {}): Promise<ExecResult> {
  const h = labHost(name);
  return sshExec(labPaths(), h, script, { user: opts.user ?? 'ops', timeoutMs: opts.timeoutMs ?? 120_000 });
}
