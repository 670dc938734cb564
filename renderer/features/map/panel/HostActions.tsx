/** What the user can do from the panel about a host: open its page or a terminal, check it again, acknowledge its drift. */
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../../app/store';
import { Icon } from '../../../ui/Icon';
import { OpenTerminalButton } from '../../terminals/openTerminal';

export function HostActions({ host }: { host: string }) {
  const { openHost, startCheck, check, drift, ackMapDrift } = useStore(
    useShallow((s) => ({ openHost: s.openHost, startCheck: s.startCheck, check: s.check, drift: s.mapDrift, ackMapDrift: s.ackMapDrift })),
  );
  const running = check?.state === 'running';
  const checkingThis = running && check.hosts.includes(host);
  const hasDrift = drift.some((d) => d.host === host);
  return (
    <div className="map-actions">
      <button type="button" className="btn btn-sm btn-primary" onClick={() => openHost(host)} data-testid="map-open-host">
        <Icon name="chevronRight" size={13} />
        Open host
      </button>
      <OpenTerminalButton host={host} />
      <button
        type="button"
        className="btn btn-sm"
        disabled={running}
        title={running && !checkingThis ? 'Another deep check is running' : undefined}
        onClick={() => void startCheck([host])}
        data-testid="map-recheck"
      >
        <Icon name="refresh" size={13} />
        {checkingThis ? 'Checking…' : 'Deep check again'}
      </button>
      {hasDrift && (
        <button type="button" className="btn btn-sm" onClick={() => void ackMapDrift([host])} data-testid="map-ack-host">
          <Icon name="check" size={13} />
          Acknowledge changes
        </button>
      )}
    </div>
  );
}
