/** Groups with their host counts. Removing a group keeps its hosts, so hosts are re-read after. */
import type { StateCreator } from 'zustand';
import type { Input } from '../../../shared/api';
import type { Group } from '../../../shared/model';
import type { AppState } from '../../app/store';
import { api } from '../../platform/api';
import { messageOf } from '../../ui/formErrors';

export interface GroupsSlice {
  groups: Group[];
  groupsLoaded: boolean;
  groupsError: string | null;
  selectedGroup: string | null;
  loadGroups: () => Promise<void>;
  addGroup: (input: Input<'groups.add'>) => Promise<Group>;
  removeGroup: (name: string) => Promise<void>;
  selectGroup: (name: string | null) => void;
}

export const groupsInitial = {
  groups: [],
  groupsLoaded: false,
  groupsError: null,
  selectedGroup: null,
} satisfies Partial<GroupsSlice>;

export const createGroupsSlice: StateCreator<AppState, [], [], GroupsSlice> = (set, get) => ({
  ...groupsInitial,
  async loadGroups() {
    try {
      set({ groups: await api.call('groups.list', {}), groupsLoaded: true, groupsError: null });
    } catch (e) {
      set({ groupsError: messageOf(e), groupsLoaded: true });
    }
  },
  async addGroup(input) {
    const group = await api.call('groups.add', input);
    await get().loadGroups();
    set({ selectedGroup: group.name });
    return group;
  },
  async removeGroup(name) {
    await api.call('groups.remove', { name });
    const s = get();
    if (s.groupFilter === name) s.setGroupFilter(null);
    await Promise.all([s.loadGroups(), s.loadHosts()]);
  },
  selectGroup: (selectedGroup) => set({ selectedGroup }),
});
