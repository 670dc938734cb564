/**
 * Service-kind glyphs for the canvas, drawn from the same 16-unit SVG paths as ui/Icon's kind icons
 * (Icon keeps its paths private; these must stay the same drawings). Path2D parses SVG path data.
 */
import type { ServiceKind } from '../../../../shared/model';

const PATHS: Record<ServiceKind, string> = {
  web: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM1.5 8h13M8 1.5c1.7 1.8 2.6 4 2.6 6.5S9.7 12.7 8 14.5C6.3 12.7 5.4 10.5 5.4 8S6.3 3.3 8 1.5z',
  app: 'M8 1.5l5.5 3v7L8 14.5l-5.5-3v-7zM2.5 4.5L8 7.5l5.5-3M8 7.5v7',
  database:
    'M2.5 3.5c0-1.1 2.5-2 5.5-2s5.5.9 5.5 2-2.5 2-5.5 2-5.5-.9-5.5-2zM2.5 3.5v9c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2v-9M2.5 8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2',
  cache: 'M9 1.5L3.5 9H8l-1 5.5L12.5 7H8z',
  queue: 'M8 2l6 3-6 3-6-3zM2 8l6 3 6-3M2 11l6 3 6-3',
  mail: 'M2 3.5h12a.5.5 0 0 1 .5.5v8a.5.5 0 0 1-.5.5H2a.5.5 0 0 1-.5-.5V4a.5.5 0 0 1 .5-.5zM1.5 4l6.5 5 6.5-5',
  dns: 'M8 1.5v13M3 3h8l2 2-2 2H3zM13 8.5H5l-2 2 2 2h8z',
  monitoring: 'M2 12a6 6 0 1 1 12 0M8 12l3-4M4 12h.01M12 12h.01',
  other: 'M8 13.5a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM8 8h.01',
  ssh: 'M2.5 3h11a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM4.5 6l2 2-2 2M8 10.5h3',
};

/** Globe-like mark for addresses outside the inventory. */
export const EXTERNAL_PATH = PATHS.web;

const cache = new Map<string, Path2D>();

/** The kind's glyph as a Path2D in a 16 x 16 box (created once per kind). */
export function glyph(kind: ServiceKind | 'external'): Path2D {
  const key = kind === 'external' ? 'external' : kind;
  let p = cache.get(key);
  if (!p) {
    p = new Path2D(kind === 'external' ? EXTERNAL_PATH : PATHS[kind]);
    cache.set(key, p);
  }
  return p;
}

export function glyphPath(kind: ServiceKind | 'external'): string {
  return kind === 'external' ? EXTERNAL_PATH : PATHS[kind];
}
