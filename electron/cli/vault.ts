/** `opsdeck vault ...` */
import type { Command } from 'commander';
import { OpsError } from '../../shared/model';
import { printJson } from './output';
import { newPassphrase, secretFrom } from './prompt';
import { openCore, withUnlocked, type GlobalOptions } from './session';

export function registerVaultCommands(program: Command, global: () => GlobalOptions): void {
  const vault = program.command('vault').description('create the vault, change its passphrase, see where it is');

  vault
    .command('init')
    .description('create a new vault (passphrase from OPSDECK_PASSPHRASE or a prompt)')
    .action(async () => {
      const core = openCore(global());
      try {
        if (core.vault.state() !== 'missing') throw new OpsError('VAULT_EXISTS', `A vault already exists at ${core.vault.path}.`);
        await core.invoke('vault.create', { passphrase: await newPassphrase('OPSDECK_PASSPHRASE') });
        process.stdout.write(`Created an encrypted vault at ${core.vault.path}.\n`);
      } finally {
        core.close();
      }
    });

  vault
    .command('passwd')
    .description('change the passphrase (current from OPSDECK_PASSPHRASE, new from OPSDECK_NEW_PASSPHRASE, or prompts)')
    .action(async () => {
      const core = openCore(global());
      try {
        if (core.vault.state() === 'missing') throw new OpsError('VAULT_MISSING', `There is no vault at ${core.vault.path}.`);
        const current = await secretFrom('OPSDECK_PASSPHRASE', 'Current passphrase: ');
        const next = await newPassphrase('OPSDECK_NEW_PASSPHRASE');
        await core.invoke('vault.changePassphrase', { current, next });
        process.stdout.write('Passphrase changed. The old passphrase no longer opens the vault.\n');
      } finally {
        core.close();
      }
    });

  vault
    .command('status')
    .description('where the vault is and whether it exists')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const core = openCore(global());
      try {
        const s = await core.invoke('vault.status', {});
        if (flags.json) printJson({ state: s.state, path: s.path });
        else process.stdout.write(`${s.state === 'missing' ? 'No vault' : 'Vault (encrypted)'} at ${s.path}\n`);
      } finally {
        core.close();
      }
    });

  vault
    .command('check')
    .description('unlock the vault to prove the passphrase, then lock it again')
    .action(async () => {
      await withUnlocked(global(), async (core) => {
        const hosts = await core.invoke('hosts.list', {});
        process.stdout.write(`Unlocked ${core.vault.path}: ${hosts.length} host(s).\n`);
      });
    });
}
