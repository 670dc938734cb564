/** Credentials as the core shows them: names, kinds and fingerprints, never the secrets. */
import type { StateCreator } from 'zustand';
import type { Input } from '../../../shared/api';
import type { Credential } from '../../../shared/model';
import type { AppState } from '../../app/store';
import { api } from '../../platform/api';
import { messageOf } from '../../ui/formErrors';

export interface CredentialsSlice {
  credentials: Credential[];
  credentialsLoaded: boolean;
  credentialsError: string | null;
  selectedCredential: string | null;
  loadCredentials: () => Promise<void>;
  addCredential: (input: Input<'credentials.add'>) => Promise<Credential>;
  /** Rejects with the core's message when hosts still use it; the confirm dialog shows that. */
  removeCredential: (name: string) => Promise<void>;
  selectCredential: (name: string | null) => void;
}

export const credentialsInitial = {
  credentials: [],
  credentialsLoaded: false,
  credentialsError: null,
  selectedCredential: null,
} satisfies Partial<CredentialsSlice>;

export const createCredentialsSlice: StateCreator<AppState, [], [], CredentialsSlice> = (set, get) => ({
  ...credentialsInitial,
  async loadCredentials() {
    try {
      set({ credentials: await api.call('credentials.list', {}), credentialsLoaded: true, credentialsError: null });
    } catch (e) {
      set({ credentialsError: messageOf(e), credentialsLoaded: true });
    }
  },
  async addCredential(input) {
    const credential = await api.call('credentials.add', input);
    await get().loadCredentials();
    set({ selectedCredential: credential.name });
    return credential;
  },
  async removeCredential(name) {
    await api.call('credentials.remove', { name });
    await get().loadCredentials();
  },
  selectCredential: (selectedCredential) => set({ selectedCredential }),
});
