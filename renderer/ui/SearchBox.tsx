/**
 * The search field every list screen has, with the same keys everywhere: Esc clears it (and, when
 * already empty, leaves it for the list), Arrow down moves into the list. Shows its `/` hotkey while
 * empty when the screen binds one.
 */
import type { Ref } from 'react';
import { Icon } from './Icon';

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  /** Read by screen readers; the placeholder when omitted. */
  label?: string;
  /** Arrow down, or Esc on an empty field: focus goes to the list. */
  onLeave?: () => void;
  /** The screen focuses it with `/`: show the key. */
  slashHint?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  testId?: string;
}

export function SearchBox({ value, onChange, placeholder, label, onLeave, slashHint = false, inputRef, testId }: SearchBoxProps) {
  return (
    <div className="search-box">
      <Icon name="search" size={14} />
      <input
        ref={inputRef}
        type="search"
        className="input"
        placeholder={placeholder}
        aria-label={label ?? placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            onChange('');
          } else if (onLeave && (e.key === 'ArrowDown' || e.key === 'Escape')) {
            e.preventDefault();
            onLeave();
          }
        }}
        spellCheck={false}
        data-testid={testId}
      />
      {slashHint && !value && <kbd aria-hidden="true">/</kbd>}
    </div>
  );
}
