/** What the map has to say above the drawing: errors, drift to acknowledge, or "nothing checked yet". */
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../app/store';
import { ScreenError } from '../../ui/ScreenError';
import { DriftBanner } from './DriftBanner';
import type { MapGraph } from './model/types';

export function MapBanners({ graph, layoutError }: { graph: MapGraph | null; layoutError: string | null }) {
  const { error, drift, ack, go } = useStore(useShallow((s) => ({ error: s.mapError, drift: s.mapDrift, ack: s.ackMapDrift, go: s.go })));
  const unchecked = graph !== null && graph.hosts.length > 0 && graph.hosts.every((h) => h.host.status === 'never');
  return (
    <>
      <ScreenError message={error} />
      <ScreenError message={layoutError} />
      <DriftBanner drift={drift} onAck={() => void ack()} />
      {unchecked && (
        <div className="map-hint" role="status">
          None of these hosts has had a deep check yet, so the map knows no services or connections.
          <button type="button" className="btn btn-sm btn-primary" onClick={() => go('check')}>
            Run a deep check
          </button>
        </div>
      )}
    </>
  );
}
