/**
 * Hosts and the list's view state (search, filters, selection). Writes go to the core and the
 * list is re-read afterwards, so what the user sees is always what the vault holds; credentials
 * and groups are refreshed too because their "used by" and host counts follow host edits.
 */
import type { StateCreator } from 'zustand';
import type { Host } from '../../../shared/model';
import type { Input } from '../../../shared/api';
import type { AppState } from '../../app/store';
import { api } from '../../platform/api';
import { messageOf } from '../../ui/formErrors';

export interface HostsSlice {
  hosts: Host[];
  hostsLoaded: boolean;
  hostsError: string | null;
  hostQuery: string;
  tagFilter: string | null;
  groupFilter: string | null;
  /** Name of the highlighted row; kept by name so it survives a reload of the list. */
  selectedHost: string | null;
  loadHosts: () => Promise<void>;
  addHost: (input: Input<'hosts.add'>) => Promise<Host>;
  updateHost: (name: string, patch: Input<'hosts.update'>['patch']) => Promise<Host>;
  removeHost: (name: string) => Promise<void>;
  /** One change to many hosts (all or none); returns how many changed. */
  bulkHosts: (names: string[], change: Input<'hosts.bulk'>['change']) => Promise<number>;
  setHostQuery: (query: string) => void;
  setTagFilter: (tag: string | null) => void;
  setGroupFilter: (group: string | null) => void;
  clearHostFilters: () => void;
  selectHost: (name: string | null) => void;
  /** Hosts ticked for a change to many, by name; kept while the user visits other screens. */
  pickedHosts: ReadonlySet<string>;
  setPickedHosts: (names: ReadonlySet<string>) => void;
}

export const hostsInitial = {
  hosts: [],
  hostsLoaded: false,
  hostsError: null,
  hostQuery: '',
  tagFilter: null,
  groupFilter: null,
  selectedHost: null,
  pickedHosts: new Set<string>() as ReadonlySet<string>,
} satisfies Partial<HostsSlice>;

export const createHostsSlice: StateCreator<AppState, [], [], HostsSlice> = (set, get) => {
  const afterWrite = async () => {
    await Promise.all([get().loadHosts(), get().loadCredentials(), get().loadGroups()]);
  };

  return {
    ...hostsInitial,

    async loadHosts() {
      try {
        set({ hosts: await api.call('hosts.list', {}), hostsLoaded: true, hostsError: null });
      } catch (e) {
        set({ hostsError: messageOf(e), hostsLoaded: true });
      }
    },
    async bulkHosts(names, change) {
      const { changed } = await api.call('hosts.bulk', { names, change });
      await afterWrite();
      return changed;
    },
    async addHost(input) {
      const host = await api.call('hosts.add', input);
      await afterWrite();
      set({ selectedHost: host.name });
      return host;
    },
    async updateHost(name, patch) {
      const host = await api.call('hosts.update', { name, patch });
      await afterWrite();
      set({ selectedHost: host.name });
      return host;
    },
    async removeHost(name) {
      // Keep the cursor in place: select the row that takes the deleted one's position.
      const hosts = get().hosts;
      const index = hosts.findIndex((h) => h.name === name);
      await api.call('hosts.remove', { name });
      const next = hosts[index + 1] ?? hosts[index - 1];
      set({ selectedHost: next?.name ?? null });
      await afterWrite();
    },
    setHostQuery: (hostQuery) => set({ hostQuery }),
    setTagFilter: (tagFilter) => set({ tagFilter }),
    setGroupFilter: (groupFilter) => set({ groupFilter }),
    clearHostFilters: () => set({ hostQuery: '', tagFilter: null, groupFilter: null }),
    selectHost: (selectedHost) => set({ selectedHost }),
    setPickedHosts: (pickedHosts) => set({ pickedHosts }),
  };
};
