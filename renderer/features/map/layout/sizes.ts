/**
 * Geometry of the boxes: service cards packed in a grid inside their host group, and the sizes of
 * groups that follow from it. Shared by the layout (worker), the renderer and the exporters so a
 * card is drawn exactly where the layout put it.
 */
import type { LayoutHost, Rect } from './types';

export const SERVICE_W = 156;
export const SERVICE_H = 30;
export const SERVICE_GAP = 8;
export const HOST_PAD = 10;
/** Room for the host's name and status above its services. */
export const HOST_HEADER = 34;
export const EMPTY_HOST_W = 220;
export const EMPTY_HOST_BODY = 30;
export const EXTERNAL_W = 170;
export const EXTERNAL_H = 40;

/** Few columns keep a host readable; more only when it runs many services. */
export function serviceColumns(n: number): number {
  if (n <= 3) return 1;
  if (n <= 10) return 2;
  if (n <= 24) return 3;
  return 4;
}

export function hostSize(h: Pick<LayoutHost, 'services'>): { w: number; h: number } {
  const n = h.services.length;
  if (n === 0) return { w: EMPTY_HOST_W, h: HOST_HEADER + EMPTY_HOST_BODY + HOST_PAD };
  const cols = serviceColumns(n);
  const rows = Math.ceil(n / cols);
  return {
    w: HOST_PAD * 2 + cols * SERVICE_W + (cols - 1) * SERVICE_GAP,
    h: HOST_HEADER + rows * SERVICE_H + (rows - 1) * SERVICE_GAP + HOST_PAD,
  };
}

/** Service cards of a host placed at `at`, row by row in the host's drawing order. */
export function packServices(at: Rect, services: readonly string[], out: Record<string, Rect>): void {
  const cols = serviceColumns(services.length);
  services.forEach((id, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    out[id] = {
      x: at.x + HOST_PAD + col * (SERVICE_W + SERVICE_GAP),
      y: at.y + HOST_HEADER + row * (SERVICE_H + SERVICE_GAP),
      w: SERVICE_W,
      h: SERVICE_H,
    };
  });
}
