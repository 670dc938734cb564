/** `opsdeck host ...` */
import type { Command } from 'commander';
import { OpsError, type Credential, type Host } from '../../shared/model';
import type { Core } from '../core/api';
import { printFields, printJson, printTable } from './output';
import { secretFrom } from './prompt';
import { withUnlocked, type GlobalOptions } from './session';

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface HostFlags {
  address?: string;
  port?: string;
  user?: string;
  key?: string;
  credential?: string;
  auth?: string;
  jump?: string;
  tag?: string[];
  group?: string[];
  notes?: string;
  json?: boolean;
}

/** Host names from arguments: names as they are, `@TAG` for every host with that tag (it must match one). */
async function resolveHosts(core: Core, args: string[]): Promise<string[]> {
  const tags = args.filter((a) => a.startsWith('@')).map((a) => a.slice(1));
  const names = args.filter((a) => !a.startsWith('@'));
  if (tags.length === 0) return names;
  const hosts = await core.invoke('hosts.list', {});
  for (const t of tags) {
    const tagged = hosts.filter((h) => h.tags.includes(t)).map((h) => h.name);
    if (tagged.length === 0) throw new OpsError('NOT_FOUND', `No host has the tag "${t}".`, 'hosts');
    names.push(...tagged);
  }
  return [...new Set(names)];
}

/** Stores a key file as a credential, reusing an existing one with the same fingerprint. */
async function credentialForKeyFile(core: Core, hostName: string, path: string): Promise<{ name: string; created: boolean }> {
  const existing = await core.invoke('credentials.list', {});
  const name = uniqueName(`${hostName}-key`, existing);
  const add = (passphrase?: string) =>
    core.invoke('credentials.add', { kind: 'private-key', name, path, ...(passphrase ? { passphrase } : {}) });
  let cred: Credential;
  try {
    cred = await add(process.env['OPSDECK_KEY_PASSPHRASE'] || undefined);
  } catch (e) {
    if (!(e instanceof OpsError && e.code === 'KEY_FILE' && e.field === 'passphrase')) throw e;
    cred = await add(await secretFrom('OPSDECK_KEY_PASSPHRASE', `Passphrase for key ${path}: `));
  }
  const same = existing.find((c) => c.fingerprint && c.fingerprint === cred.fingerprint);
  if (same) {
    await core.invoke('credentials.remove', { name: cred.name });
    return { name: same.name, created: false };
  }
  return { name: cred.name, created: true };
}

function uniqueName(base: string, existing: Credential[]): string {
  const taken = new Set(existing.map((c) => c.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`.toLowerCase())) return `${base}-${i}`;
}

function describe(h: Host): Array<[string, string]> {
  return [
    ['Name', h.name],
    ['Address', `${h.address}:${h.port}`],
    ['User', h.user],
    ['Auth', h.auth + (h.credential ? ` (${h.credential})` : '')],
    ['Jump host', h.jumpHost ?? '-'],
    ['Tags', h.tags.join(', ') || '-'],
    ['Groups', h.groups.join(', ') || '-'],
    ['Notes', h.notes || '-'],
    ['Updated', h.updatedAt],
  ];
}

function hostFields(flags: HostFlags) {
  return {
    ...(flags.address !== undefined ? { address: flags.address } : {}),
    ...(flags.port !== undefined ? { port: flags.port } : {}),
    ...(flags.user !== undefined ? { user: flags.user } : {}),
    ...(flags.auth !== undefined ? { auth: flags.auth } : {}),
    ...(flags.jump !== undefined ? { jumpHost: flags.jump === '' ? null : flags.jump } : {}),
    ...(flags.tag !== undefined ? { tags: flags.tag } : {}),
    ...(flags.group !== undefined ? { groups: flags.group } : {}),
    ...(flags.notes !== undefined ? { notes: flags.notes } : {}),
  };
}

export function registerHostCommands(program: Command, global: () => GlobalOptions): void {
  const host = program.command('host').description('manage hosts in the vault');

  const withHostOptions = (cmd: Command) =>
    cmd
      .option('--port <port>', 'SSH port (default 22)')
      .option('--user <user>', 'login user (default: your local user name)')
      .option('--key <file>', 'private key file to store in the vault and use for this host')
      .option('--credential <name>', 'use a credential already in the vault')
      .option('--auth <method>', 'key | password | agent | keyboard-interactive')
      .option('--jump <host>', 'reach this host through another host in the vault (ProxyJump)')
      .option('--tag <tag>', 'tag (repeatable)', collect)
      .option('--group <group>', 'group (repeatable; created if new)', collect)
      .option('--notes <text>', 'free-form notes')
      .option('--json', 'print the host as JSON');

  withHostOptions(
    host.command('add <name>').description('add a host').requiredOption('--address <address>', 'DNS name or IP address'),
  ).action(async (name: string, flags: HostFlags) => {
    await withUnlocked(global(), async (core) => {
      let created: string | null = null;
      let credential = flags.credential;
      if (flags.key) {
        if (credential) throw new OpsError('VALIDATION', 'Use either --key or --credential, not both.', 'credential');
        const c = await credentialForKeyFile(core, name, flags.key);
        credential = c.name;
        if (c.created) created = c.name;
      }
      try {
        const h = await core.invoke('hosts.add', { name, ...hostFields(flags), ...(credential ? { credential } : {}) });
        if (flags.json) printJson(h);
        else
          process.stdout.write(
            `Added ${h.name} (${h.user}@${h.address}:${h.port}, ${h.auth}${h.credential ? ` with ${h.credential}` : ''}).\n`,
          );
      } catch (e) {
        // Do not leave a credential behind for a host that was not added.
        if (created) await core.invoke('credentials.remove', { name: created }).catch(() => undefined);
        throw e;
      }
    });
  });

  withHostOptions(
    host
      .command('edit <name>')
      .description('change a host')
      .option('--address <address>', 'DNS name or IP address')
      .option('--rename <newName>', 'new name'),
  ).action(async (name: string, flags: HostFlags & { rename?: string }) => {
    await withUnlocked(global(), async (core) => {
      let credential = flags.credential;
      if (flags.key) credential = (await credentialForKeyFile(core, name, flags.key)).name;
      const patch = {
        ...hostFields(flags),
        ...(flags.rename ? { name: flags.rename } : {}),
        ...(credential !== undefined ? { credential } : {}),
      };
      const h = await core.invoke('hosts.update', { name, patch });
      if (flags.json) printJson(h);
      else process.stdout.write(`Updated ${h.name}.\n`);
    });
  });

  host
    .command('list')
    .alias('ls')
    .description('list hosts')
    .option('--tag <tag>', 'only hosts with this tag (repeatable: all must match)', collect)
    .option('--group <group>', 'only hosts in this group')
    .option('--json', 'print JSON (an array of hosts)')
    .action(async (flags: { tag?: string[]; group?: string; json?: boolean }) => {
      await withUnlocked(global(), async (core) => {
        const hosts = (await core.invoke('hosts.list', {})).filter(
          (h) =>
            (flags.tag ?? []).every((t) => h.tags.includes(t)) &&
            (!flags.group || h.groups.some((g) => g.toLowerCase() === flags.group?.toLowerCase())),
        );
        if (flags.json) return printJson(hosts);
        if (hosts.length === 0) return void process.stdout.write('No hosts yet. Add one with `opsdeck host add NAME --address A`.\n');
        printTable(
          ['NAME', 'ADDRESS', 'USER', 'AUTH', 'JUMP', 'TAGS', 'GROUPS'],
          hosts.map((h) => [
            h.name,
            `${h.address}:${h.port}`,
            h.user,
            h.auth,
            h.jumpHost ?? '-',
            h.tags.join(',') || '-',
            h.groups.join(',') || '-',
          ]),
        );
      });
    });

  host
    .command('show <name>')
    .description('show one host')
    .option('--json', 'print JSON')
    .action(async (name: string, flags: { json?: boolean }) => {
      await withUnlocked(global(), async (core) => {
        const h = await core.invoke('hosts.get', { name });
        if (flags.json) printJson(h);
        else printFields(describe(h));
      });
    });

  host
    .command('rm <hosts...>')
    .alias('remove')
    .description('delete hosts (names, or @TAG for every host with that tag): all of them, or none if one is refused')
    .action(async (args: string[]) => {
      await withUnlocked(global(), async (core) => {
        const names = await resolveHosts(core, args);
        const { changed } = await core.invoke('hosts.bulk', { names, change: { kind: 'delete' } });
        process.stdout.write(changed === 1 ? `Removed ${names[0]}.\n` : `Removed ${changed} hosts.\n`);
      });
    });

  for (const [what, itemArg] of [
    ['tag', 'TAG'],
    ['group', 'GROUP'],
  ] as const) {
    host
      .command(`${what} <hosts...>`)
      .description(`add or remove ${what}s on hosts (names, or @TAG for every host with that tag)`)
      .option(`--add <${itemArg}>`, `${what} to add (repeatable)`, collect)
      .option(`--remove <${itemArg}>`, `${what} to remove (repeatable)`, collect)
      .action(async (args: string[], flags: { add?: string[]; remove?: string[] }) => {
        if (!flags.add?.length && !flags.remove?.length) throw new OpsError('VALIDATION', `Give --add or --remove (or both).`, 'add');
        await withUnlocked(global(), async (core) => {
          const names = await resolveHosts(core, args);
          const change = { kind: `${what}s` as const, add: flags.add ?? [], remove: flags.remove ?? [] };
          const { changed } = await core.invoke('hosts.bulk', { names, change });
          process.stdout.write(`Changed ${changed} of ${names.length} host${names.length === 1 ? '' : 's'}.\n`);
        });
      });
  }
}
