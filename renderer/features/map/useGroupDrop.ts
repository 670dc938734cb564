/**
 * A dropped group: slid to the nearest free spot if it landed on another (groups never overlap),
 * then kept in the vault as pinned so it stays there across visits, rescans and re-layouts.
 */
import type { RefObject } from 'react';
import { useStore } from '../../app/store';
import { nearestFree } from './layout/saved';
import type { Rect } from './layout/types';
import type { MapCanvasHandle } from './MapCanvas';

export function useGroupDrop(canvas: RefObject<MapCanvasHandle | null>): (groupId: string, rect: Rect) => void {
  const save = useStore((s) => s.saveMapPositions);
  return (groupId, rect) => {
    const scene = canvas.current?.scene();
    if (!scene) return;
    const others = [...scene.graph.hosts, ...scene.graph.externals]
      .filter((g) => g.id !== groupId)
      .flatMap((g) => scene.rects.get(g.id) ?? []);
    const free = nearestFree(rect, others);
    if (free.x !== rect.x || free.y !== rect.y) canvas.current?.place(groupId, free.x, free.y);
    void save([{ node: groupId, x: free.x, y: free.y, pinned: true }]);
  };
}
