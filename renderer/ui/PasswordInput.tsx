/** A secret field with a show/hide toggle; the toggle is not a tab stop so Tab goes field to field. */
import { useState, type InputHTMLAttributes, type Ref } from 'react';
import { Icon } from './Icon';
import './field.css';

type PasswordInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { inputRef?: Ref<HTMLInputElement> };

export function PasswordInput({ inputRef, className, ...props }: PasswordInputProps) {
  const [shown, setShown] = useState(false);
  return (
    <div className="password-input">
      <input
        {...props}
        ref={inputRef}
        type={shown ? 'text' : 'password'}
        className={`input ${className ?? ''}`}
        spellCheck={false}
        autoComplete="off"
      />
      <button
        type="button"
        tabIndex={-1}
        className="password-toggle"
        aria-label={shown ? 'Hide' : 'Show'}
        title={shown ? 'Hide' : 'Show'}
        onMouseDown={(e) => e.preventDefault() /* keep focus (and the caret) in the field */}
        onClick={() => setShown((s) => !s)}
      >
        <Icon name={shown ? 'eyeOff' : 'eye'} />
      </button>
    </div>
  );
}
