/**
 * Minutes before the idle lock, saved when the field is left or Enter is pressed (not per
 * keystroke, so typing "30" never briefly saves "3"). Out-of-range values are refused inline.
 */
import { useState } from 'react';
import { Settings } from '../../../shared/model';
import { messageOf } from '../../ui/formErrors';
import { useStore } from '../store';

export function IdleLockField({ value }: { value: number | null }) {
  const updateSettings = useStore((s) => s.updateSettings);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const shown = text ?? (value === null ? '' : String(value));

  const commit = async () => {
    if (text === null) return;
    const parsed = Settings.shape.idleLockMinutes.safeParse(Number(text.trim()));
    if (text.trim() === '' || !parsed.success) {
      setError('Enter whole minutes from 0 to 1440.');
      return;
    }
    try {
      await updateSettings({ idleLockMinutes: parsed.data });
      setText(null);
      setError(null);
      setSaved(true);
      setTimeout(() => setSaved(false), 1500);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <div className="idle-lock">
      <div className="idle-lock-input">
        <input
          className="input"
          inputMode="numeric"
          aria-label="Idle lock minutes"
          aria-invalid={error ? true : undefined}
          value={shown}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void commit();
          }}
          data-testid="idle-lock-minutes"
        />
        <span className="muted">min</span>
        {saved && <span className="saved">Saved</span>}
      </div>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
