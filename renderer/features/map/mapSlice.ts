/**
 * The topology map's data and view state: the fleet map from the latest scans, the drift not yet
 * acknowledged, saved node positions, filters, the search text and the selection (plus the other
 * end of a path). The graph, its layout and the canvas scene are derived in the screen, not stored.
 */
import type { StateCreator } from 'zustand';
import type { FleetMap } from '../../../shared/contract/checks';
import type { MapDrift, MapPosition } from '../../../shared/contract/map';
import type { AppState } from '../../app/store';
import { api } from '../../platform/api';
import { messageOf } from '../../ui/formErrors';
import { NO_FILTERS, type MapFilters } from './model/filters';

export interface MapSlice {
  mapData: FleetMap | null;
  mapDrift: MapDrift[];
  mapPositions: MapPosition[];
  mapLoaded: boolean;
  mapError: string | null;
  mapFilters: MapFilters;
  mapQuery: string;
  /** Selected node or edge id. */
  mapSelected: string | null;
  /** Shift-clicked second node: the map shows the path between the two. */
  mapPathTo: string | null;
  /** Bumped by "re-arrange" so the layout runs afresh. */
  mapLayoutEpoch: number;
  loadMap: () => Promise<void>;
  setMapFilters: (patch: Partial<MapFilters>) => void;
  setMapQuery: (query: string) => void;
  selectMapNode: (id: string | null, extend?: boolean) => void;
  saveMapPositions: (positions: MapPosition[]) => Promise<void>;
  rearrangeMap: () => Promise<void>;
  ackMapDrift: (hosts?: string[]) => Promise<void>;
}

export const mapInitial = {
  mapData: null,
  mapDrift: [],
  mapPositions: [],
  mapLoaded: false,
  mapError: null,
  mapQuery: '',
  mapSelected: null,
  mapPathTo: null,
} satisfies Partial<MapSlice>;

export const createMapSlice: StateCreator<AppState, [], [], MapSlice> = (set, get) => ({
  ...mapInitial,
  // sshd and cron on every box say nothing about the architecture: hidden until asked for.
  mapFilters: { ...NO_FILTERS, hideSystem: true },
  mapLayoutEpoch: 0,

  async loadMap() {
    try {
      const [mapData, mapDrift, mapPositions] = await Promise.all([
        api.call('map.get', {}),
        api.call('map.drift.get', {}),
        api.call('map.positions.get', {}),
      ]);
      // The selection is kept across reloads (a rescan); the screen ignores it if its node went away.
      set({ mapData, mapDrift, mapPositions, mapLoaded: true, mapError: null });
    } catch (e) {
      set({ mapError: messageOf(e), mapLoaded: true });
    }
  },

  setMapFilters: (patch) => set({ mapFilters: { ...get().mapFilters, ...patch } }),
  setMapQuery: (mapQuery) => set({ mapQuery }),

  selectMapNode(id, extend = false) {
    const { mapSelected } = get();
    if (extend && id && mapSelected && id !== mapSelected) set({ mapPathTo: id });
    else set({ mapSelected: id, mapPathTo: null });
  },

  async saveMapPositions(positions) {
    if (positions.length === 0) return;
    const byNode = new Map(get().mapPositions.map((p) => [p.node, p]));
    for (const p of positions) byNode.set(p.node, p);
    set({ mapPositions: [...byNode.values()] });
    try {
      await api.call('map.positions.save', { positions });
    } catch (e) {
      set({ mapError: messageOf(e) });
    }
  },

  async rearrangeMap() {
    try {
      await api.call('map.positions.reset', { keepPinned: false });
      set({ mapPositions: [], mapLayoutEpoch: get().mapLayoutEpoch + 1 });
    } catch (e) {
      set({ mapError: messageOf(e) });
    }
  },

  async ackMapDrift(hosts = []) {
    try {
      await api.call('map.drift.ack', { hosts });
      set({ mapDrift: hosts.length === 0 ? [] : get().mapDrift.filter((d) => !hosts.includes(d.host)) });
    } catch (e) {
      set({ mapError: messageOf(e) });
    }
  },
});
