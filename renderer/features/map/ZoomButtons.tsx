/** Zoom in and out for those without a wheel or trackpad (keys + and - do the same on the canvas). */
import { Icon } from '../../ui/Icon';

export function ZoomButtons({ onZoom }: { onZoom: (factor: number) => void }) {
  return (
    <div className="map-zoom" role="group" aria-label="Zoom">
      <button type="button" className="btn btn-icon" onClick={() => onZoom(1.25)} aria-label="Zoom in" title="Zoom in (+)">
        <Icon name="plus" size={14} />
      </button>
      <button type="button" className="btn btn-icon" onClick={() => onZoom(0.8)} aria-label="Zoom out" title="Zoom out (-)">
        <span aria-hidden="true" className="map-minus" />
      </button>
    </div>
  );
}
