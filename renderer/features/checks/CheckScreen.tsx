/**
 * Deep check: pick hosts (ticks, a tag, a group, all), run, and watch each host go through
 * connecting → collecting → parsing → done. The run lives in the store, so leaving this screen
 * does not stop it and coming back shows where it is.
 */
import { useStore } from '../../app/store';
import { CheckPicker } from './CheckPicker';
import { CheckRunView } from './CheckRunView';
import './checks.css';

export function CheckScreen() {
  const picking = useStore((s) => s.checkPicking || s.check === null);
  return picking ? <CheckPicker /> : <CheckRunView />;
}
