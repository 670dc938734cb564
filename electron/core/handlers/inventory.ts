/** Handlers for the vault and the inventory (shared/contract/inventory.ts). */
import type { inventoryContract } from '../../../shared/contract/inventory';
import type { Core } from '../api';
import type { SectionHandlers } from './types';

export function inventoryHandlers(core: Core): SectionHandlers<typeof inventoryContract> {
  const ok = { ok: true as const };
  return {
    'vault.status': () => core.status(),
    'vault.create': async ({ passphrase }) => {
      await core.vault.create(passphrase);
      return core.afterUnlock();
    },
    'vault.unlock': async ({ passphrase }) => {
      await core.vault.unlock(passphrase);
      return core.afterUnlock();
    },
    'vault.lock': () => {
      core.lock('manual');
      return core.status();
    },
    'vault.changePassphrase': async ({ current, next }) => {
      await core.vault.changePassphrase(current, next);
      return core.status();
    },
    'settings.get': () => core.settings.get(),
    'settings.update': (patch) => {
      const s = core.settings.update(patch);
      core.idleMinutes = s.idleLockMinutes;
      core.changed('settings');
      return s;
    },
    'hosts.list': () => core.hosts.list(),
    'hosts.get': ({ name }) => core.hosts.get(name),
    'hosts.add': (input) => core.changed('hosts', core.hosts.add(input)),
    'hosts.update': ({ name, patch }) => core.changed('hosts', core.hosts.update(name, patch)),
    'hosts.bulk': ({ names, change }) => core.changed('hosts', { changed: core.hosts.bulk(names, change) }),
    'hosts.remove': ({ name }) => {
      core.hosts.remove(name);
      return core.changed('hosts', ok);
    },
    'credentials.list': () => core.credentials.list(),
    'credentials.add': (input) => core.changed('credentials', core.credentials.add(input)),
    'credentials.remove': ({ name }) => {
      core.credentials.remove(name);
      return core.changed('credentials', ok);
    },
    'groups.list': () => core.groups.list(),
    'groups.add': ({ name, description }) => core.changed('groups', core.groups.add(name, description)),
    'groups.remove': ({ name }) => {
      core.groups.remove(name);
      return core.changed('groups', ok);
    },
  };
}
