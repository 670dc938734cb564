/** "Open terminal" for other screens (host page, map, hosts list): one button, the host's name, done. */
import { Icon } from '../../ui/Icon';
import { openTerminal } from './actions';

export function OpenTerminalButton({ host, variant = 'small' }: { host: string; variant?: 'small' | 'regular' | 'icon' }) {
  const icon = variant === 'icon';
  const className = { small: 'btn btn-sm', regular: 'btn', icon: 'btn btn-ghost btn-icon btn-sm' }[variant];
  return (
    <button
      type="button"
      tabIndex={icon ? -1 : undefined}
      className={className}
      onClick={() => openTerminal(host)}
      title={`Open a terminal on ${host}${icon ? ' (T)' : ''}`}
      aria-label={icon ? `Open a terminal on ${host}` : undefined}
      data-testid="open-terminal"
    >
      <Icon name="terminal" size={14} />
      {!icon && 'Terminal'}
    </button>
  );
}
