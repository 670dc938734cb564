/** Text on the canvas: fonts, and labels cut to a width with an ellipsis (measured once, then cached). */

export const FONT_UI = 'system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, Cantarell, "Noto Sans", Arial, sans-serif';
export const FONT_MONO = 'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace';

export function font(size: number, weight: 400 | 500 | 600 = 400, family = FONT_UI): string {
  return `${weight} ${size}px ${family}`;
}

const fitted = new Map<string, string>();
const MAX_CACHE = 20_000;

/** `text` as it fits in `maxWidth` with the context's current font, ending in "…" when cut. */
export function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (maxWidth <= 0) return '';
  const key = `${ctx.font}|${Math.round(maxWidth)}|${text}`;
  const hit = fitted.get(key);
  if (hit !== undefined) return hit;
  let out = text;
  if (ctx.measureText(text).width > maxWidth) {
    // Binary search on the cut point: labels are short, but there can be thousands of them.
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (ctx.measureText(`${text.slice(0, mid)}…`).width <= maxWidth) lo = mid;
      else hi = mid - 1;
    }
    out = lo > 0 ? `${text.slice(0, lo)}…` : '';
  }
  if (fitted.size > MAX_CACHE) fitted.clear();
  fitted.set(key, out);
  return out;
}
