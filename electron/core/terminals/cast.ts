/**
 * Session recordings in asciicast v2 (https://docs.asciinema.org/manual/asciicast/v2/): a JSON
 * header line, then one JSON array per event, [seconds, code, data], with "o" output, "i" input and
 * "r" resize ("COLSxROWS"). A standard format means a recording can be exported and played with
 * asciinema, or turned into a script later, without OpsDeck.
 */
import type { CastEvent } from '../../../shared/contract/terminals';

export { parseCastEvents, type CastEvent } from '../../../shared/contract/terminals';

export type CastCode = CastEvent['code'];

export interface CastHeader {
  version: 2;
  width: number;
  height: number;
  /** Unix time in seconds. */
  timestamp: number;
  title: string;
  env: Record<string, string>;
}

export function castHeader(h: Omit<CastHeader, 'version'>): string {
  return JSON.stringify({ version: 2, ...h } satisfies CastHeader);
}

/** One event line (without the newline). Times keep microseconds, as asciinema writes them. */
export function castLine(seconds: number, code: CastCode, data: string): string {
  return JSON.stringify([Math.round(seconds * 1e6) / 1e6, code, data]);
}

export function parseCastHeader(text: string): CastHeader | null {
  try {
    const v = JSON.parse(text) as Partial<CastHeader>;
    if (v.version !== 2 || typeof v.width !== 'number' || typeof v.height !== 'number') return null;
    return { version: 2, width: v.width, height: v.height, timestamp: v.timestamp ?? 0, title: v.title ?? '', env: v.env ?? {} };
  } catch {
    return null;
  }
}
