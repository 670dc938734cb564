/**
 * Colour arithmetic for the painter. Translucent strokes over thousands of overlapping lines are
 * what software rasterisers do slowest (measured: 2x for the map's 4,000 edges), so faded looks are
 * pre-mixed with the background into opaque colours instead of drawn with globalAlpha.
 */

function parse(color: string): [number, number, number] | null {
  const c = color.trim();
  let m = /^#([0-9a-f]{3})$/i.exec(c);
  if (m) return [...m[1]!].map((h) => parseInt(h + h, 16)) as [number, number, number];
  m = /^#([0-9a-f]{6})$/i.exec(c);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1]!.slice(i, i + 2), 16)) as [number, number, number];
  m = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(c);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return null;
}

const cache = new Map<string, string>();

/** `fg` at opacity `t` over `bg`, as an opaque colour; `fg` itself when either cannot be read. */
export function mix(fg: string, bg: string, t: number): string {
  const key = `${fg}|${bg}|${t}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const a = parse(fg);
  const b = parse(bg);
  const out = a && b ? `rgb(${a.map((v, i) => Math.round(v * t + b[i]! * (1 - t))).join(', ')})` : fg;
  cache.set(key, out);
  return out;
}
