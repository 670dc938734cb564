/**
 * The canvas cannot use CSS variables, so the theme's colours are read from them once per theme
 * (map.css defines the map's own kind colours next to the app's tokens) and handed to the painter.
 */
import type { ServiceKind } from '../../../../shared/model';

export interface Palette {
  bg: string;
  text: string;
  muted: string;
  faint: string;
  border: string;
  borderStrong: string;
  hostFill: string;
  card: string;
  accent: string;
  danger: string;
  dangerSoft: string;
  warning: string;
  success: string;
  edge: string;
  kinds: Record<ServiceKind, string>;
}

const KINDS: readonly ServiceKind[] = ['web', 'app', 'database', 'cache', 'queue', 'mail', 'ssh', 'dns', 'monitoring', 'other'];

/** Fixed colours for exports made without a DOM (tests) and as a fallback for a missing variable. */
export const LIGHT_PALETTE: Palette = {
  bg: '#ffffff',
  text: '#18181b',
  muted: '#56565f',
  faint: '#6e6e78',
  border: '#e3e3e6',
  borderStrong: '#cdcdd3',
  hostFill: '#f6f6f7',
  card: '#ffffff',
  accent: '#2257d6',
  danger: '#c4281c',
  dangerSoft: '#fdecea',
  warning: '#9a6100',
  success: '#1d7a3a',
  edge: '#8d8d99',
  kinds: {
    web: '#2f6fdb',
    app: '#7a4fd0',
    database: '#c96a12',
    cache: '#cc3355',
    queue: '#14887a',
    mail: '#a07a00',
    ssh: '#6e6e78',
    dns: '#3f8a22',
    monitoring: '#b8388f',
    other: '#7d7d88',
  },
};

export function readPalette(el: Element): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const kinds = Object.fromEntries(KINDS.map((k) => [k, v(`--map-kind-${k}`, LIGHT_PALETTE.kinds[k])])) as Record<ServiceKind, string>;
  return {
    bg: v('--map-bg', LIGHT_PALETTE.bg),
    text: v('--text', LIGHT_PALETTE.text),
    muted: v('--text-muted', LIGHT_PALETTE.muted),
    faint: v('--text-faint', LIGHT_PALETTE.faint),
    border: v('--border', LIGHT_PALETTE.border),
    borderStrong: v('--border-strong', LIGHT_PALETTE.borderStrong),
    hostFill: v('--map-host', LIGHT_PALETTE.hostFill),
    card: v('--map-card', LIGHT_PALETTE.card),
    accent: v('--accent', LIGHT_PALETTE.accent),
    danger: v('--danger', LIGHT_PALETTE.danger),
    dangerSoft: v('--danger-soft', LIGHT_PALETTE.dangerSoft),
    warning: v('--warning', LIGHT_PALETTE.warning),
    success: v('--success', LIGHT_PALETTE.success),
    edge: v('--map-edge', LIGHT_PALETTE.edge),
    kinds,
  };
}
