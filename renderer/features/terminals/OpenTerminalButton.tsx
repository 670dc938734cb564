/** "Open terminal" for other screens (host page, map): one button, the host's name, done. */
import { Icon } from '../../ui/Icon';
import { openTerminal } from './actions';

export function OpenTerminalButton({ host, compact = false }: { host: string; compact?: boolean }) {
  return (
    <button
      type="button"
      className={compact ? 'btn btn-ghost btn-sm btn-icon' : 'btn btn-sm'}
      onClick={() => openTerminal(host)}
      title={`Open a terminal on ${host}`}
      aria-label={compact ? `Open a terminal on ${host}` : undefined}
      data-testid="open-terminal"
    >
      <Icon name="terminal" size={14} />
      {!compact && 'Terminal'}
    </button>
  );
}
