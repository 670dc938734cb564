/** "Open terminal" for other screens (host page, map, hosts list): one button, the host's name, done. */
import { Icon } from '../../ui/Icon';
import { RowAction } from '../../ui/RowAction';
import { openTerminal } from './actions';

export function OpenTerminalButton({ host, variant = 'small' }: { host: string; variant?: 'small' | 'regular' | 'row' }) {
  const open = () => openTerminal(host);
  if (variant === 'row') {
    return (
      <RowAction icon="terminal" label={`Open a terminal on ${host}`} title="Open a terminal (T)" onClick={open} testId="open-terminal" />
    );
  }
  return (
    <button
      type="button"
      className={variant === 'small' ? 'btn btn-sm' : 'btn'}
      onClick={open}
      title={`Open a terminal on ${host}`}
      data-testid="open-terminal"
    >
      <Icon name="terminal" size={14} />
      Terminal
    </button>
  );
}
