/** Opens the core for one CLI command: resolves the vault path and unlocks it when needed. */
import { OpsError } from '../../shared/model';
import { Core } from '../core/api';
import { resolveVaultPath } from '../core/paths';
import { secretFrom } from './prompt';

export interface GlobalOptions {
  vault?: string;
}

export function openCore(opts: GlobalOptions): Core {
  return new Core({
    path: resolveVaultPath(opts.vault),
    holderName: 'the opsdeck command',
    log: (m) => process.stderr.write(`opsdeck: ${m}\n`),
  });
}

export async function withUnlocked<T>(opts: GlobalOptions, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = openCore(opts);
  try {
    const state = core.vault.state();
    if (state === 'missing')
      throw new OpsError('VAULT_MISSING', `There is no vault at ${core.vault.path}. Create one with \`opsdeck vault init\`.`);
    const passphrase = await secretFrom('OPSDECK_PASSPHRASE', `Passphrase for ${core.vault.path}: `);
    await core.invoke('vault.unlock', { passphrase });
    return await fn(core);
  } finally {
    core.close();
  }
}
