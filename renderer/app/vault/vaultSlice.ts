/**
 * The vault's state as the core reports it. Create/unlock/changePassphrase rethrow ApiFailure so
 * the form that asked can show the error inline (WRONG_PASSPHRASE under the field, for instance).
 */
import type { StateCreator } from 'zustand';
import type { VaultStatus } from '../../../shared/model';
import { api } from '../../platform/api';
import { messageOf } from '../../ui/formErrors';
import type { AppState } from '../store';

export interface VaultSlice {
  /** null until the first vault.status answer. */
  vault: VaultStatus | null;
  /** Set when the core cannot be reached at all (browser host stopped, say). */
  vaultError: string | null;
  refreshVault: () => Promise<void>;
  createVault: (passphrase: string) => Promise<void>;
  unlockVault: (passphrase: string) => Promise<void>;
  lockVault: () => Promise<void>;
  changePassphrase: (current: string, next: string) => Promise<void>;
  /** The core locked the vault (idle timeout, another client): forget everything. */
  vaultLocked: () => void;
}

export const createVaultSlice: StateCreator<AppState, [], [], VaultSlice> = (set, get) => {
  const opened = async (status: VaultStatus) => {
    set({ vault: status, vaultError: null });
    if (status.state === 'unlocked') await get().loadInventory();
  };

  return {
    vault: null,
    vaultError: null,

    async refreshVault() {
      try {
        await opened(await api.call('vault.status', {}));
      } catch (e) {
        set({ vaultError: messageOf(e) });
      }
    },
    async createVault(passphrase) {
      await opened(await api.call('vault.create', { passphrase }));
    },
    async unlockVault(passphrase) {
      await opened(await api.call('vault.unlock', { passphrase }));
    },
    async lockVault() {
      const status = await api.call('vault.lock', {});
      get().clearInventory();
      set({ vault: status });
    },
    async changePassphrase(current, next) {
      set({ vault: await api.call('vault.changePassphrase', { current, next }) });
    },
    vaultLocked() {
      get().clearInventory();
      const vault = get().vault;
      set({ vault: vault ? { ...vault, state: 'locked' } : vault });
    },
  };
};
