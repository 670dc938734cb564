/**
 * `opsdeck import ...`, `opsdeck export ...`, `opsdeck backup FILE`, `opsdeck restore FILE`.
 * An import always shows its preview first; on a terminal it asks before applying (unless --yes),
 * in a script the command itself is the confirmation and --dry-run only previews. Key passphrases
 * come from OPSDECK_KEY_PASSPHRASE or a hidden prompt, never from arguments.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CsvField, type ImportItem, type ImportKind, type ImportPlan, type ImportRequest } from '../../shared/contract/transfer';
import { OpsError } from '../../shared/model';
import type { Core } from '../core/api';
import { printJson, printTable } from './output';
import { promptHidden, secretFrom } from './prompt';
import { openCore, withUnlocked, type GlobalOptions } from './session';

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface ImportFlags {
  dryRun?: boolean;
  json?: boolean;
  yes?: boolean;
  map?: string[];
  exclude?: string[];
}

const SYMBOL: Record<ImportItem['action'], string> = { add: '+', update: '~', skip: '-' };
const KIND_LABEL: Record<ImportItem['kind'], string> = {
  host: 'host',
  credential: 'key',
  group: 'group',
  'host-key': 'host key',
  'revoked-key': 'revoked',
};

function line(source: ImportItem['source']): string {
  return source?.line ? `${source.file}, line ${source.line}` : (source?.file ?? '');
}

export function formatPlan(plan: ImportPlan): string {
  const out: string[] = [`Import from ${plan.source} (${plan.kind})`];
  const order: Record<ImportItem['action'], number> = { add: 0, update: 1, skip: 2 };
  const items = [...plan.items].sort((a, b) => order[a.action] - order[b.action]);
  const nameWidth = Math.min(28, Math.max(4, ...items.map((i) => i.name.length)));
  for (const i of items) {
    const what =
      i.action === 'update'
        ? i.changes.map((c) => `${c.field} ${c.from} → ${c.to}`).join('; ')
        : i.action === 'skip'
          ? `skipped: ${i.reason ?? ''}${i.kind === 'credential' && i.detail ? ` (${i.detail})` : ''}`
          : i.detail;
    const extra = i.action === 'add' && i.reason ? ` (${i.reason})` : '';
    out.push(`  ${SYMBOL[i.action]} ${KIND_LABEL[i.kind].padEnd(8)} ${i.name.padEnd(nameWidth)}  ${what}${extra}`);
    for (const w of i.warnings) out.push(`      ! ${w}`);
  }
  if (plan.notes.length > 0) {
    out.push('Notes:');
    for (const n of plan.notes) out.push(`  ${n.source ? `${line(n.source)}: ` : ''}${n.message}`);
  }
  const c = plan.counts;
  out.push(`${c.add} to add, ${c.update} to update, ${c.skip} skipped.`);
  return out.join('\n') + '\n';
}

function ask(question: string): Promise<string> {
  return new Promise((resolveAnswer) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    rl.question(question, (answer) => {
      rl.close();
      resolveAnswer(answer);
    });
  });
}

/** `--map name=Server --map address="IP address"` on top of the guessed mapping. */
function applyMapping(plan: ImportPlan, map: string[]): CsvField[] | undefined {
  if (!plan.csv || map.length === 0) return undefined;
  const columns = [...plan.csv.columns];
  for (const m of map) {
    const eq = m.indexOf('=');
    const field = CsvField.safeParse(m.slice(0, eq).trim());
    const column = m.slice(eq + 1).trim();
    if (eq <= 0 || !field.success) {
      throw new OpsError('VALIDATION', `--map takes FIELD=COLUMN with FIELD one of ${CsvField.options.join(', ')} (got "${m}").`, 'map');
    }
    const index = plan.csv.headers.findIndex((h) => h.toLowerCase() === column.toLowerCase());
    if (index === -1)
      throw new OpsError('VALIDATION', `--map ${m}: no column "${column}" (the header has: ${plan.csv.headers.join(', ')}).`, 'map');
    // One column per field: the field leaves any column it was guessed for.
    if (field.data !== 'ignore') for (let i = 0; i < columns.length; i++) if (columns[i] === field.data) columns[i] = 'ignore';
    columns[index] = field.data;
  }
  return columns;
}

async function askKeyPassphrases(core: Core, request: ImportRequest, plan: ImportPlan): Promise<ImportPlan> {
  const needs = plan.keys.filter((k) => k.state === 'needs-passphrase' || k.state === 'wrong-passphrase');
  if (needs.length === 0) return plan;
  const fromEnv = process.env['OPSDECK_KEY_PASSPHRASE'];
  const passphrases: Record<string, string> = { ...(request.keyPassphrases ?? {}) };
  for (const k of needs) {
    if (fromEnv) passphrases[k.path] = fromEnv;
    else if (process.stdin.isTTY) {
      const p = await promptHidden(`Passphrase for key ${k.path} (empty to leave the key out): `);
      if (p) passphrases[k.path] = p;
    }
  }
  request.keyPassphrases = passphrases;
  return core.invoke('import.preview', request);
}

/** A mistyped --exclude must not go unnoticed: the item it meant would be imported after all. */
function checkExcludes(plan: ImportPlan, exclude: string[]): void {
  const left = new Set(plan.items.filter((i) => i.excluded).map((i) => i.name.toLowerCase()));
  const unknown = exclude.filter((n) => !left.has(n.toLowerCase()));
  if (unknown.length === 0) return;
  const names = plan.items.filter((i) => i.action !== 'skip' && i.kind !== 'credential' && i.kind !== 'group').map((i) => i.name);
  throw new OpsError(
    'VALIDATION',
    `--exclude ${unknown.join(', ')}: not an item this import would add or update` +
      (names.length > 0 ? ` (those are: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''}).` : '.'),
    'exclude',
  );
}

async function runImport(core: Core, kind: ImportKind, file: string | undefined, flags: ImportFlags): Promise<void> {
  const request: ImportRequest = {
    kind,
    ...(file ? { source: { path: resolve(file) } } : {}),
    ...(flags.exclude?.length ? { exclude: flags.exclude } : {}),
  };
  let plan = await core.invoke('import.preview', request);
  const columns = applyMapping(plan, flags.map ?? []);
  if (columns) {
    request.csvColumns = columns;
    plan = await core.invoke('import.preview', request);
  }
  plan = await askKeyPassphrases(core, request, plan);
  checkExcludes(plan, flags.exclude ?? []);
  if (!flags.json || flags.dryRun) {
    if (flags.json) return printJson(plan);
    process.stdout.write(formatPlan(plan));
  }
  if (flags.dryRun) return;
  if (plan.counts.add + plan.counts.update === 0) {
    if (flags.json) printJson({ batch: null, plan });
    else process.stdout.write('Nothing to import.\n');
    return;
  }
  if (process.stdin.isTTY && !flags.yes && !flags.json) {
    const answer = await ask('Apply these changes? [y/N] ');
    if (!/^y(es)?$/i.test(answer.trim())) {
      process.stdout.write('Nothing was imported.\n');
      return;
    }
  }
  const result = await core.invoke('import.apply', { ...request, fingerprint: plan.fingerprint });
  if (flags.json) return printJson(result);
  const c = result.plan.counts;
  process.stdout.write(`Imported: ${c.add} added, ${c.update} updated, ${c.skip} skipped. Undo with \`opsdeck import undo\`.\n`);
}

function writeOut(out: string | undefined, content: string, force: boolean | undefined, secretish: boolean): void {
  if (!out) {
    process.stdout.write(content.endsWith('\n') ? content : `${content}\n`);
    return;
  }
  const path = resolve(out);
  if (existsSync(path) && !force) throw new OpsError('VALIDATION', `${path} already exists (use --force to overwrite).`, 'out');
  try {
    writeFileSync(path, content, { mode: secretish ? 0o600 : 0o644 });
  } catch (e) {
    throw new OpsError('VALIDATION', `Cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, 'out');
  }
  process.stderr.write(`Wrote ${path}.\n`);
}

export function registerTransferCommands(program: Command, global: () => GlobalOptions): void {
  const imp = program
    .command('import')
    .description('bring hosts in from ~/.ssh/config, known_hosts, Ansible inventories or CSV (preview first)');
  const kinds: Array<[ImportKind, string, string]> = [
    ['ssh-config', '[file]', 'OpenSSH client config (default ~/.ssh/config): hosts, users, ports, keys, ProxyJump, Include'],
    ['known-hosts', '[file]', 'host keys from a known_hosts file (default ~/.ssh/known_hosts)'],
    ['ansible', '<file>', 'an Ansible inventory, INI or YAML: hosts, groups, ansible_* variables, ranges'],
    ['csv', '<file>', 'a CSV file with a header row (name, address, port, user, tags, groups, ...)'],
  ];
  for (const [kind, arg, description] of kinds) {
    const cmd = imp
      .command(`${kind} ${arg}`)
      .description(description)
      .option('--dry-run', 'show what would be imported, change nothing')
      .option('--json', 'print the plan (and the result) as JSON')
      .option('-y, --yes', 'apply without asking on a terminal')
      .option(
        '--exclude <name>',
        `leave an item out (repeatable): ${kind === 'known-hosts' ? 'HOST:PORT as the preview shows it' : 'a host name as the preview shows it'}`,
        collect,
      );
    if (kind === 'csv')
      cmd.option('--map <field=column>', `map a column to a field (repeatable; fields: ${CsvField.options.join(', ')})`, collect);
    cmd.action(async (file: string | undefined, flags: ImportFlags) => {
      await withUnlocked(global(), (core) => runImport(core, kind, file, flags));
    });
  }

  imp
    .command('undo [id]')
    .description('undo an import as one step (default: the latest one not undone yet)')
    .action(async (id: string | undefined) => {
      await withUnlocked(global(), async (core) => {
        const batches = await core.invoke('import.history', {});
        const batch = id ? batches.find((b) => b.id === id || b.id.startsWith(id)) : batches.find((b) => !b.undoneAt);
        if (!batch) throw new OpsError('NOT_FOUND', id ? `No import with id ${id}.` : 'No import to undo.', 'id');
        const undone = await core.invoke('import.undo', { batchId: batch.id });
        process.stdout.write(`Undid the ${undone.kind} import of ${undone.source} from ${undone.createdAt}.\n`);
      });
    });

  imp
    .command('history')
    .description('recent imports')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      await withUnlocked(global(), async (core) => {
        const batches = await core.invoke('import.history', {});
        if (flags.json) return printJson(batches);
        if (batches.length === 0) return void process.stdout.write('No imports yet.\n');
        printTable(
          ['ID', 'WHEN', 'KIND', 'SOURCE', 'ADDED', 'UPDATED', 'UNDONE'],
          batches.map((b) => [
            b.id.slice(0, 8),
            b.createdAt,
            b.kind,
            b.source,
            String(b.counts.add),
            String(b.counts.update),
            b.undoneAt ?? '-',
          ]),
        );
      });
    });

  const exp = program.command('export').description('export the inventory (Ansible YAML, ssh_config, CSV) or scans (JSON); never secrets');
  for (const format of ['ansible', 'ssh-config', 'csv', 'scans'] as const) {
    exp
      .command(format)
      .description(
        format === 'scans'
          ? 'stored deep-check scans as JSON'
          : `every host as ${format === 'ansible' ? 'an Ansible YAML inventory' : format === 'csv' ? 'CSV' : 'an OpenSSH config snippet'}`,
      )
      .option('--out <file>', 'write to a file instead of standard output')
      .option('--force', 'overwrite --out if it exists')
      .option('--latest', format === 'scans' ? 'only the newest scan of each host' : 'unused')
      .action(async (flags: { out?: string; force?: boolean; latest?: boolean }) => {
        await withUnlocked(global(), async (core) => {
          const file =
            format === 'scans'
              ? await core.invoke('export.scans', { latestOnly: flags.latest === true })
              : await core.invoke('export.inventory', { format });
          writeOut(flags.out, file.content, flags.force, format === 'scans');
        });
      });
  }

  program
    .command('backup <file>')
    .description('write an encrypted backup of the whole vault to FILE (restore it with the current passphrase)')
    .option('--force', 'overwrite FILE if it exists')
    .action(async (file: string, flags: { force?: boolean }) => {
      await withUnlocked(global(), async (core) => {
        const b = await core.invoke('backup.create', { path: resolve(file), overwrite: flags.force === true });
        process.stdout.write(
          `Wrote an encrypted backup to ${b.path ?? file} (${b.bytes} bytes). It opens with the vault passphrase in force now: \`opsdeck restore ${file}\`.\n`,
        );
      });
    });

  program
    .command('restore <file>')
    .description('restore an encrypted backup as the vault (asks for the passphrase the backup was made with)')
    .option('--force', 'replace an existing vault (it is kept beside, renamed, never deleted)')
    .action(async (file: string, flags: { force?: boolean }) => {
      const core = openCore(global());
      try {
        const passphrase = await secretFrom('OPSDECK_PASSPHRASE', `Passphrase of the backup ${file}: `);
        const r = await core
          .invoke('backup.restore', { source: { path: resolve(file) }, passphrase, replace: flags.force === true })
          .catch((e: unknown) => {
            if (e instanceof OpsError && e.code === 'VAULT_EXISTS')
              throw new OpsError('VAULT_EXISTS', `${e.message} Run again with --force to do that.`);
            throw e;
          });
        const c = r.counts;
        process.stdout.write(
          `Restored the backup from ${r.createdAt} into ${r.status.path}: ${c.hosts} hosts, ${c.credentials} credentials, ${c.groups} groups, ${c.scans} scans.\n` +
            (r.setAside ? `The vault that was there is kept at ${r.setAside}.\n` : '') +
            'It opens with the backup passphrase; change it with `opsdeck vault passwd`.\n',
        );
      } finally {
        core.close();
      }
    });
}
