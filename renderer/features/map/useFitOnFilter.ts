/** When the filters change, fit what is left on screen: "show me the databases" should show them. */
import { useEffect, useRef, type RefObject } from 'react';
import { useStore } from '../../app/store';
import type { MapCanvasHandle } from './MapCanvas';

export function useFitOnFilter(canvas: RefObject<MapCanvasHandle | null>): void {
  const filters = useStore((s) => s.mapFilters);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // After the new style reached the view (same commit, effects run in order), on the next frame.
    const id = requestAnimationFrame(() => canvas.current?.fit());
    return () => cancelAnimationFrame(id);
  }, [filters, canvas]);
}
