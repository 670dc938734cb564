/**
 * `npm run lab:up [-- --hosts N]`, `npm run lab:down`, `npm run lab:status [-- --json]`, plus
 * stop/start/exec/ssh for people poking at the lab by hand. Runs as root.
 */
import { spawnSync } from 'node:child_process';
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_HOSTS, labPaths } from './config';
import { labDown, labExec, labStartHost, labStopHost } from './control';
import { runScript } from './shell';
import { sshArgs } from './ssh';
import { labStatus } from './status';
import { LabError, type LabStatus } from './types';
import { labUp } from './up';

function count(v: string): number {
  if (!/^[0-9]+$/.test(v)) throw new InvalidArgumentError('a whole number');
  return Number(v);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function printTable(s: LabStatus): Promise<void> {
  console.log(`lab ${s.up ? 'up' : 'down'}  (dir ${s.dir})`);
  if (s.hosts.length === 0) return;
  const mem = new Map<string, string[]>();
  const out = await runScript('host.sh', ['mem', ...s.hosts.map((h) => h.name)], { dir: s.dir, step: 'status' }).catch(() => '');
  for (const line of out.split('\n')) {
    const [name, pss, rss, n] = line.split(' ');
    if (name && pss && rss && n) mem.set(name, [(Number(pss) / 1024).toFixed(0), (Number(rss) / 1024).toFixed(0), n]);
  }
  const rows = [['HOST', 'ROLE', 'ADDRESS', 'STATE', 'PSS_MiB', 'RSS_MiB', 'PROCS']];
  for (const h of s.hosts) rows.push([h.name, h.role, h.address, h.state, ...(mem.get(h.name) ?? ['-', '-', '-'])]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
  const first = s.hosts[0];
  if (first) console.log(`\nssh -i ${first.privateKeyPath} -o UserKnownHostsFile=${first.knownHostsPath} ${first.user}@${first.address}`);
}

const program = new Command('lab').description('OpsDeck test lab: Debian hosts in systemd-nspawn on this machine (root)');

program
  .command('up')
  .description('bring the lab up (idempotent): build or reuse the cache, boot hosts, apply roles, verify')
  .option('--hosts <n>', `number of hosts, extra ones are spares (default ${DEFAULT_HOSTS})`, count)
  .action(async (o: { hosts?: number }) => {
    const s = await labUp({ hosts: o.hosts });
    await printTable(s);
  });

program
  .command('down')
  .description('stop every lab host and remove namespaces, bridge and state (keeps the cache and keys)')
  .action(() => labDown());

program
  .command('status')
  .description('hosts, addresses, states and memory')
  .option('--json', 'print the LabStatus JSON only')
  .action(async (o: { json?: boolean }) => {
    const s = await labStatus();
    if (o.json) console.log(JSON.stringify(s, null, 2));
    else await printTable(s);
  });

program
  .command('stop <host>')
  .description('power a host off (its disk is kept)')
  .action((h: string) => labStopHost(h));
program
  .command('start <host>')
  .description('boot a stopped host again')
  .action((h: string) => labStartHost(h));

program
  .command('exec <host> [script...]')
  .description('run a script on a host (the arguments, or stdin when none) and exit with its code')
  .option('--user <user>', 'ops or root', 'ops')
  .action(async (host: string, words: string[], o: { user: string }) => {
    if (o.user !== 'ops' && o.user !== 'root') throw new InvalidArgumentError('--user must be ops or root');
    const script = words.length ? words.join(' ') : await readStdin();
    const r = await labExec(host, script, { user: o.user });
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    process.exitCode = r.code;
  });

program
  .command('ssh <host>')
  .description('interactive ssh into a host')
  .option('--user <user>', 'ops or root', 'ops')
  .action(async (host: string, o: { user: string }) => {
    const h = (await labStatus()).hosts.find((x) => x.name === host);
    if (!h) throw new LabError('ssh', `no host ${host}`);
    const r = spawnSync('ssh', sshArgs(labPaths(), o.user, h.address), { stdio: 'inherit' });
    process.exitCode = r.status ?? 1;
  });

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof LabError ? `error: ${err.message}` : err);
  process.exitCode = 1;
});
