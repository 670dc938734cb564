/** One quiet line at the bottom: which vault is open and when it will lock itself. */
import { useStore } from '../store';
import { Icon } from '../../ui/Icon';

function idleText(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '';
  if (minutes === 0) return 'Idle lock off';
  return `Locks after ${minutes} min idle`;
}

export function StatusBar() {
  const vault = useStore((s) => s.vault);
  const idle = useStore((s) => s.settings?.idleLockMinutes ?? s.vault?.idleLockMinutes);
  const hostCount = useStore((s) => s.hosts.length);
  const credentialCount = useStore((s) => s.credentials.length);

  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-item status-vault" title={vault?.path}>
        <Icon name="lock" size={12} />
        <span className="mono">{vault?.path}</span>
      </span>
      <span className="status-spacer" />
      <span className="status-item">
        {hostCount} {hostCount === 1 ? 'host' : 'hosts'} · {credentialCount} {credentialCount === 1 ? 'credential' : 'credentials'}
      </span>
      <span className="status-item">{idleText(idle)}</span>
    </footer>
  );
}
