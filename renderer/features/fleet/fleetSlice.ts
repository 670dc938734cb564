/**
 * The fleet overview: one row per host from its latest scan (fleet.overview). Loaded when a screen
 * that shows it opens, and re-read whenever scans or hosts change (useCheckEvents).
 */
import type { StateCreator } from 'zustand';
import type { FleetRow } from '../../../shared/contract/checks';
import type { AppState } from '../../app/store';
import { api } from '../../platform/api';
import { messageOf } from '../../ui/formErrors';

export interface FleetSlice {
  fleet: FleetRow[];
  fleetLoaded: boolean;
  fleetError: string | null;
  fleetQuery: string;
  selectedFleetHost: string | null;
  loadFleet: () => Promise<void>;
  setFleetQuery: (query: string) => void;
  selectFleetHost: (name: string | null) => void;
}

export const fleetInitial = {
  fleet: [],
  fleetLoaded: false,
  fleetError: null,
  fleetQuery: '',
  selectedFleetHost: null,
} satisfies Partial<FleetSlice>;

export const createFleetSlice: StateCreator<AppState, [], [], FleetSlice> = (set) => ({
  ...fleetInitial,
  async loadFleet() {
    try {
      set({ fleet: await api.call('fleet.overview', {}), fleetLoaded: true, fleetError: null });
    } catch (e) {
      set({ fleetError: messageOf(e), fleetLoaded: true });
    }
  },
  setFleetQuery: (fleetQuery) => set({ fleetQuery }),
  selectFleetHost: (selectedFleetHost) => set({ selectedFleetHost }),
});
