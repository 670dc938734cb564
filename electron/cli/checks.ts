/** `opsdeck check`, `scan show`, `drift`, `map`, `hostkey`: the deep check from the command line. */
import type { Command } from 'commander';
import type { CheckRun } from '../../shared/contract/checks';
import type { Drift, HostScan } from '../../shared/model';
import { EXIT_CHECK_FAILED } from './exit-codes';
import { printJson, printTable } from './output';
import { withUnlocked, type GlobalOptions } from './session';

function splitTargets(args: string[]): { hosts: string[]; tags: string[] } {
  return { hosts: args.filter((a) => !a.startsWith('@')), tags: args.filter((a) => a.startsWith('@')).map((a) => a.slice(1)) };
}

function printScan(s: HostScan): void {
  const f = s.facts;
  const lines: string[] = [
    `${s.host} (${s.address})  ${s.status.toUpperCase()}  scanned ${s.startedAt} in ${(s.durationMs / 1000).toFixed(1)} s`,
  ];
  if (s.failure) lines.push(`  failed: ${s.failure.message}`);
  for (const n of s.notes) lines.push(`  note: ${n}`);
  if (f) {
    lines.push(`  OS: ${f.os.prettyName} (${f.os.kernel}, ${f.os.arch}${f.os.virtualization ? `, ${f.os.virtualization}` : ''})`);
    lines.push(`  Packages: ${f.packages.items.length}  Pending updates: ${f.updates.items.length}  Failed units: ${f.failedUnits.length}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');
  if (s.services.length) {
    printTable(
      ['SERVICE', 'KIND', 'PRODUCT', 'VERSION', 'STATE', 'LISTENS'],
      s.services.map((x) => [
        x.name,
        x.kind,
        x.product,
        x.version ?? '-',
        x.state,
        x.listeners.map((l) => `${l.address}:${l.port}/${l.proto}`).join(' ') || '-',
      ]),
    );
    process.stdout.write('\n');
  }
  if (s.edges.length) {
    printTable(
      ['FROM', 'TO', 'PORT', 'CONNS'],
      s.edges.map((e) => [
        `${e.from.host ?? e.from.address}/${e.from.service ?? '?'}`,
        `${e.to.host ?? e.to.address}/${e.to.service ?? '?'}`,
        String(e.port),
        String(e.connections),
      ]),
    );
    process.stdout.write('\n');
  }
  if (s.findings.length)
    printTable(
      ['SEVERITY', 'FINDING', 'SUBJECT'],
      s.findings.map((x) => [x.severity, x.title, x.subject]),
    );
}

function printDrift(d: Drift): void {
  process.stdout.write(`${d.host}: changes from ${d.from} to ${d.to}\n`);
  if (d.changes.length === 0) return void process.stdout.write('  no changes\n');
  for (const c of d.changes)
    process.stdout.write(`  ${c.change === 'added' ? '+' : c.change === 'removed' ? '-' : '~'} [${c.category}] ${c.summary}\n`);
}

export function registerCheckCommands(program: Command, global: () => GlobalOptions): void {
  program
    .command('check [targets...]')
    .description('deep-check hosts over SSH (names, or @tag; none = every host); stores one scan per host')
    .option('--accept-new', 'trust host keys seen for the first time (changed keys are never accepted)')
    .option('--json', 'print the run as JSON')
    .action(async (targets: string[], flags: { acceptNew?: boolean; json?: boolean }) => {
      const run = await withUnlocked(global(), async (core) => {
        const off = core.onEvent((event, payload) => {
          if (event !== 'check.progress') return;
          const p = payload as { host: string; phase: string; status: string | null; message: string | null };
          if (p.phase === 'done') process.stderr.write(`${p.host}: ${p.status}${p.message ? ` (${p.message})` : ''}\n`);
        });
        try {
          return await core.invoke('checks.run', { ...splitTargets(targets), acceptNew: flags.acceptNew === true });
        } finally {
          off();
        }
      });
      if (flags.json) printJson(run);
      else summarise(run);
      if (run.results.some((r) => r.status !== 'ok')) process.exitCode = EXIT_CHECK_FAILED;
    });

  program
    .command('scan')
    .description('stored deep-check results')
    .command('show <host>')
    .description("show a host's latest scan")
    .option('--json', 'print the scan as JSON')
    .action(async (host: string, flags: { json?: boolean }) => {
      await withUnlocked(global(), async (core) => {
        const scan = await core.invoke('scans.latest', { host });
        if (flags.json) return printJson(scan);
        if (!scan) return void process.stdout.write(`${host} has not been checked yet. Run \`opsdeck check ${host}\`.\n`);
        printScan(scan);
      });
    });

  program
    .command('drift <host>')
    .description("what changed between a host's last two scans")
    .option('--json', 'print JSON')
    .action(async (host: string, flags: { json?: boolean }) => {
      await withUnlocked(global(), async (core) => {
        const d = await core.invoke('drift.get', { host });
        if (flags.json) return printJson(d);
        if (!d) return void process.stdout.write(`${host} needs two successful scans before drift shows.\n`);
        printDrift(d);
      });
    });

  program
    .command('map')
    .description('hosts, services and edges from the latest scans')
    .option('--json', 'print JSON (the only format for now)')
    .action(async () => {
      await withUnlocked(global(), async (core) => printJson(await core.invoke('map.get', {})));
    });

  const hostkey = program.command('hostkey').description('SSH host keys trusted in the vault');
  hostkey
    .command('list')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      await withUnlocked(global(), async (core) => {
        const keys = await core.invoke('hostkeys.list', {});
        if (flags.json) return printJson(keys);
        printTable(
          ['HOST', 'PORT', 'TYPE', 'FINGERPRINT', 'ADDED'],
          keys.map((k) => [k.host, String(k.port), k.keyType, k.fingerprint, k.addedAt]),
        );
      });
    });
  hostkey
    .command('revoked')
    .description('keys refused for every host (imported from known_hosts @revoked lines; undo the import to lift them)')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      await withUnlocked(global(), async (core) => {
        const keys = await core.invoke('hostkeys.revoked', {});
        if (flags.json) return printJson(keys);
        if (keys.length === 0) return void process.stdout.write('No revoked host keys.\n');
        printTable(
          ['TYPE', 'FINGERPRINT', 'FROM', 'ADDED'],
          keys.map((k) => [k.keyType, k.fingerprint, k.source, k.addedAt]),
        );
      });
    });
  hostkey
    .command('forget <host>')
    .description("forget a host's trusted key after a legitimate reinstall; the next check asks again")
    .action(async (host: string) => {
      await withUnlocked(global(), async (core) => {
        const { removed } = await core.invoke('hostkeys.forget', { host });
        process.stdout.write(removed ? `Forgot ${removed} key(s) of ${host}.\n` : `No stored key for ${host}.\n`);
      });
    });
}

function summarise(run: CheckRun): void {
  printTable(
    ['HOST', 'STATUS', 'SERVICES', 'FINDINGS', 'TIME', 'DETAIL'],
    run.results.map((r) => [
      r.host,
      r.status,
      String(r.services),
      String(r.findings),
      `${(r.durationMs / 1000).toFixed(1)}s`,
      r.failure?.message ?? r.notes[0] ?? '',
    ]),
  );
  const failed = run.results.filter((r) => r.status === 'failed').length;
  process.stdout.write(`\n${run.results.length} host(s) in ${(run.durationMs / 1000).toFixed(1)} s, ${failed} failed.\n`);
}
