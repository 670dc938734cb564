/** `opsdeck cred ...` and `opsdeck group ...` */
import type { Command } from 'commander';
import { OpsError } from '../../shared/model';
import { printJson, printTable } from './output';
import { secretFrom } from './prompt';
import { withUnlocked, type GlobalOptions } from './session';

export function registerCredentialCommands(program: Command, global: () => GlobalOptions): void {
  const cred = program.command('cred').alias('credential').description('manage credentials (private keys, passwords) in the vault');

  cred
    .command('list')
    .alias('ls')
    .option('--json', 'print JSON')
    .description('list credentials (never the secrets)')
    .action(async (flags: { json?: boolean }) => {
      await withUnlocked(global(), async (core) => {
        const list = await core.invoke('credentials.list', {});
        if (flags.json) return printJson(list);
        if (list.length === 0) return void process.stdout.write('No credentials yet. Add one with `opsdeck cred add NAME --key FILE`.\n');
        printTable(
          ['NAME', 'KIND', 'TYPE', 'FINGERPRINT', 'USED BY'],
          list.map((c) => [c.name, c.kind, c.keyType ?? '-', c.fingerprint ?? '-', c.usedBy.join(',') || '-']),
        );
      });
    });

  cred
    .command('add <name>')
    .description(
      'store a private key (--key FILE; its passphrase from OPSDECK_KEY_PASSPHRASE or a prompt) or a password (--password: from OPSDECK_SECRET or a prompt)',
    )
    .option('--key <file>', 'private key file')
    .option('--password', 'store a password')
    .option('--json', 'print JSON')
    .action(async (name: string, flags: { key?: string; password?: boolean; json?: boolean }) => {
      if (!flags.key === !flags.password) throw new OpsError('VALIDATION', 'Give exactly one of --key FILE or --password.');
      await withUnlocked(global(), async (core) => {
        let c;
        if (flags.key) {
          const path = flags.key;
          const add = (passphrase?: string) =>
            core.invoke('credentials.add', { kind: 'private-key', name, path, ...(passphrase ? { passphrase } : {}) });
          try {
            c = await add(process.env['OPSDECK_KEY_PASSPHRASE'] || undefined);
          } catch (e) {
            if (!(e instanceof OpsError && e.field === 'passphrase')) throw e;
            c = await add(await secretFrom('OPSDECK_KEY_PASSPHRASE', `Passphrase for key ${path}: `));
          }
        } else {
          c = await core.invoke('credentials.add', {
            kind: 'password',
            name,
            password: await secretFrom('OPSDECK_SECRET', `Password for ${name}: `),
          });
        }
        if (flags.json) printJson(c);
        else process.stdout.write(`Stored ${c.name} (${c.kind}${c.fingerprint ? `, ${c.keyType} ${c.fingerprint}` : ''}).\n`);
      });
    });

  cred
    .command('rm <name>')
    .alias('remove')
    .description('delete a credential no host uses')
    .action(async (name: string) => {
      await withUnlocked(global(), async (core) => {
        await core.invoke('credentials.remove', { name });
        process.stdout.write(`Removed ${name}.\n`);
      });
    });
}

export function registerGroupCommands(program: Command, global: () => GlobalOptions): void {
  const group = program.command('group').description('manage host groups');
  group
    .command('list')
    .alias('ls')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      await withUnlocked(global(), async (core) => {
        const list = await core.invoke('groups.list', {});
        if (flags.json) return printJson(list);
        if (list.length === 0) return void process.stdout.write('No groups yet.\n');
        printTable(
          ['NAME', 'HOSTS', 'DESCRIPTION'],
          list.map((g) => [g.name, String(g.hostCount), g.description || '-']),
        );
      });
    });
  group
    .command('add <name>')
    .option('--description <text>', 'what the group is for')
    .action(async (name: string, flags: { description?: string }) => {
      await withUnlocked(global(), async (core) => {
        await core.invoke('groups.add', { name, description: flags.description ?? '' });
        process.stdout.write(`Added group ${name}.\n`);
      });
    });
  group
    .command('rm <name>')
    .alias('remove')
    .description('delete a group (its hosts stay)')
    .action(async (name: string) => {
      await withUnlocked(global(), async (core) => {
        await core.invoke('groups.remove', { name });
        process.stdout.write(`Removed group ${name}.\n`);
      });
    });
}
