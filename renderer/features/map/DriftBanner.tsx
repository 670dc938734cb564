/** What changed since the previous scans, marked on the map until the user acknowledges it. */
import type { MapDrift } from '../../../shared/contract/map';
import { Icon } from '../../ui/Icon';
import { plural } from '../host/scanFormat';

export function DriftBanner({ drift, onAck }: { drift: MapDrift[]; onAck: () => void }) {
  if (drift.length === 0) return null;
  const sum = (f: (d: MapDrift) => number) => drift.reduce((a, d) => a + f(d), 0);
  const parts = [
    [sum((d) => d.addedServices.length), 'new service'],
    [sum((d) => d.removedServices.length), 'service gone', 'services gone'],
    [sum((d) => d.addedEdges.length), 'new connection'],
    [sum((d) => d.removedEdges.length), 'connection gone', 'connections gone'],
  ] as const;
  const text = parts
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => plural(n, one, many))
    .join(', ');
  const names = drift.length <= 3 ? drift.map((d) => d.host).join(', ') : `${drift.length} hosts`;
  return (
    <div className="map-drift-banner" role="status" data-testid="map-drift-banner">
      <Icon name="alert" size={14} />
      <span>
        Changes since the previous scan of {names}: {text}. New is marked green, gone red and dashed.
      </span>
      <button type="button" className="btn btn-sm" onClick={onAck} data-testid="map-ack-all">
        <Icon name="check" size={13} />
        Acknowledge
      </button>
    </div>
  );
}
