/** Which screen the shell shows. Kept in the store so any feature can send the user elsewhere. */
import type { StateCreator } from 'zustand';
import type { AppState } from '../store';
import type { ScreenId } from './screens';

export interface NavSlice {
  screen: ScreenId;
  go: (screen: ScreenId) => void;
}

export const createNavSlice: StateCreator<AppState, [], [], NavSlice> = (set) => ({
  screen: 'hosts',
  go: (screen) => set({ screen }),
});
