/**
 * A list of short tokens (tags, group names) typed as chips. Enter, comma or space commits the
 * current text; Backspace on an empty input removes the last chip; Enter on an empty input falls
 * through to the form, so a keyboard user can still submit from here.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { Icon } from './Icon';
import './chip-input.css';

interface ChipInputProps {
  id: string;
  value: string[];
  onChange: (next: string[]) => void;
  /** Returns an error message for a token that must not be added. */
  validate: (token: string) => string | null;
  onError: (message: string | null) => void;
  suggestions?: string[];
  placeholder?: string;
  invalid?: boolean;
  chipClassName?: string;
  testId?: string;
}

export function ChipInput({
  id,
  value,
  onChange,
  validate,
  onError,
  suggestions = [],
  placeholder,
  invalid,
  chipClassName,
  testId,
}: ChipInputProps) {
  const [text, setText] = useState('');
  const listId = useId();

  const commit = (): boolean => {
    const token = text.trim();
    if (!token) return false;
    const problem = validate(token);
    if (problem) {
      onError(problem);
      return true;
    }
    onError(null);
    if (!value.includes(token)) onChange([...value, token]);
    setText('');
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',' || (e.key === ' ' && text.trim())) {
      if (commit() || e.key !== 'Enter') e.preventDefault();
    } else if (e.key === 'Backspace' && !text && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  const remaining = suggestions.filter((s) => !value.includes(s));

  return (
    <div className="chip-input" aria-invalid={invalid || undefined} data-testid={testId}>
      {value.map((token) => (
        <span key={token} className={`chip ${chipClassName ?? ''}`}>
          {token}
          <button
            type="button"
            className="chip-remove"
            aria-label={`Remove ${token}`}
            onClick={() => onChange(value.filter((t) => t !== token))}
          >
            <Icon name="close" size={10} />
          </button>
        </span>
      ))}
      <input
        id={id}
        className="chip-input-text"
        value={text}
        placeholder={value.length === 0 ? placeholder : ''}
        list={remaining.length > 0 ? listId : undefined}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          onError(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
      {remaining.length > 0 && (
        <datalist id={listId}>
          {remaining.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </div>
  );
}
