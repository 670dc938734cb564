/**
 * The host page: which host it shows, how the user got there (so Back returns along the same path,
 * peer to peer through connections), the open tab, and the host's scans, drift and trusted key.
 */
import type { StateCreator } from 'zustand';
import type { ScanSummary, StoredHostKey } from '../../../shared/contract/checks';
import type { Drift, HostScan } from '../../../shared/model';
import type { AppState } from '../../app/store';
import type { ScreenId } from '../../app/shell/screens';
import { api } from '../../platform/api';
import { messageOf } from '../../ui/formErrors';

export const HOST_TABS = [
  'overview',
  'services',
  'connections',
  'findings',
  'drift',
  'packages',
  'users',
  'cron',
  'certificates',
  'history',
] as const;
export type HostTab = (typeof HOST_TABS)[number];

export interface HostPageData {
  name: string;
  /** The newest scan, whatever its status; null when the host was never checked. */
  latest: HostScan | null;
  /** Changes between the last two usable scans; null with fewer than two. */
  drift: Drift | null;
  history: ScanSummary[];
  /** Keys trusted in the vault for this host's address and port. */
  hostKeys: StoredHostKey[];
  /** An older scan picked from the history; null shows the newest. */
  viewing: { id: string; scan: HostScan } | null;
}

export interface HostPageSlice {
  hostPage: string | null;
  /** Host pages visited since leaving another screen, newest last (Back walks it). */
  hostTrail: string[];
  hostOrigin: ScreenId;
  hostTab: HostTab;
  hostData: HostPageData | null;
  hostLoading: boolean;
  hostError: string | null;
  openHost: (name: string, tab?: HostTab) => void;
  backFromHost: () => void;
  setHostTab: (tab: HostTab) => void;
  loadHostPage: () => Promise<void>;
  viewScan: (id: string | null) => Promise<void>;
  forgetHostKey: () => Promise<void>;
}

export const hostPageInitial = {
  hostPage: null,
  hostTrail: [],
  hostData: null,
  hostLoading: false,
  hostError: null,
} satisfies Partial<HostPageSlice>;

export const createHostPageSlice: StateCreator<AppState, [], [], HostPageSlice> = (set, get) => ({
  ...hostPageInitial,
  hostOrigin: 'fleet',
  hostTab: 'overview',

  openHost(name, tab) {
    const s = get();
    const onHostPage = s.screen === 'host' && s.hostPage !== null;
    if (onHostPage && s.hostPage === name) {
      if (tab) set({ hostTab: tab });
      return;
    }
    set({
      hostPage: name,
      hostTrail: onHostPage ? [...s.hostTrail, name] : [name],
      hostOrigin: onHostPage ? s.hostOrigin : s.screen,
      hostData: null,
      hostError: null,
      ...(tab ? { hostTab: tab } : {}),
    });
    s.go('host');
    void get().loadHostPage();
  },

  backFromHost() {
    const s = get();
    const trail = s.hostTrail.slice(0, -1);
    const previous = trail[trail.length - 1];
    if (previous) {
      set({ hostPage: previous, hostTrail: trail, hostData: null, hostError: null });
      void get().loadHostPage();
    } else {
      set({ hostTrail: [] });
      s.go(s.hostOrigin === 'host' ? 'fleet' : s.hostOrigin);
    }
  },

  setHostTab: (hostTab) => set({ hostTab }),

  async loadHostPage() {
    const name = get().hostPage;
    if (!name) return;
    set({ hostLoading: true });
    try {
      const [latest, drift, history, keys] = await Promise.all([
        api.call('scans.latest', { host: name }),
        api.call('drift.get', { host: name }),
        api.call('scans.list', { host: name }),
        api.call('hostkeys.list', {}),
      ]);
      if (get().hostPage !== name) return;
      const host = get().hosts.find((h) => h.name === name);
      const previous = get().hostData;
      // Keep an older scan the user is reading, as long as it still exists.
      const viewing = previous?.name === name && history.some((h) => h.id === previous.viewing?.id) ? previous.viewing : null;
      set({
        hostData: {
          name,
          latest,
          drift,
          history,
          hostKeys: host ? keys.filter((k) => k.host === host.address && k.port === host.port) : [],
          viewing,
        },
        hostLoading: false,
        hostError: null,
      });
    } catch (e) {
      if (get().hostPage !== name) return;
      set({ hostError: messageOf(e), hostLoading: false });
    }
  },

  async viewScan(id) {
    const data = get().hostData;
    if (!data) return;
    if (id === null || id === data.history[0]?.id) {
      set({ hostData: { ...data, viewing: null } });
      return;
    }
    try {
      const scan = await api.call('scans.get', { id });
      const now = get().hostData;
      if (now?.name === data.name) set({ hostData: { ...now, viewing: { id, scan } } });
    } catch (e) {
      set({ hostError: messageOf(e) });
    }
  },

  async forgetHostKey() {
    const name = get().hostPage;
    if (!name) return;
    await api.call('hostkeys.forget', { host: name });
    await get().loadHostPage();
  },
});

/** The history entry id of whichever scan the page shows. */
export function shownScanId(data: HostPageData): string | undefined {
  return data.viewing ? data.viewing.id : data.history[0]?.id;
}

/** The scan the page shows: the one picked from the history, else the newest. */
export function shownScan(data: HostPageData): HostScan | null {
  return data.viewing ? data.viewing.scan : data.latest;
}
