/**
 * Service-kind glyphs for the canvas: ui/Icon's own drawings (ui/iconPaths), as Path2D, which parses
 * SVG path data.
 */
import type { ServiceKind } from '../../../../shared/model';
import { ICON_PATHS } from '../../../ui/iconPaths';

const PATHS: Record<ServiceKind, string> = {
  web: ICON_PATHS.web,
  app: ICON_PATHS.app,
  database: ICON_PATHS.database,
  cache: ICON_PATHS.cache,
  queue: ICON_PATHS.queue,
  mail: ICON_PATHS.mail,
  dns: ICON_PATHS.dns,
  monitoring: ICON_PATHS.monitoring,
  other: ICON_PATHS.other,
  ssh: ICON_PATHS.terminal,
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
