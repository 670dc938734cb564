/** System / Light / Dark, applied immediately and saved in the vault's settings. */
import type { Settings } from '../../../shared/model';
import { useStore } from '../store';

const OPTIONS: [Settings['theme'], string][] = [
  ['system', 'System'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

export function ThemePicker() {
  const theme = useStore((s) => s.settings?.theme ?? 'system');
  const updateSettings = useStore((s) => s.updateSettings);
  return (
    <div className="segmented" role="radiogroup" aria-label="Theme" data-testid="theme-picker">
      {OPTIONS.map(([value, label]) => (
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={theme === value}
          onClick={() => void updateSettings({ theme: value }).catch(() => undefined)}
          data-value={value}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
