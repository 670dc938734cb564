/**
 * The primary "add one" button of a list screen. Its hotkey is N on every such screen (each screen
 * binds it with useHotkeys); the button shows the key so it can be learned by looking.
 */
import { Icon } from './Icon';

export function NewButton({ label, onClick, testId }: { label: string; onClick: () => void; testId: string }) {
  return (
    <button type="button" className="btn btn-primary" onClick={onClick} title={`${label} (N)`} data-testid={testId}>
      <Icon name="plus" size={14} />
      {label}
      <kbd aria-hidden="true">N</kbd>
    </button>
  );
}
