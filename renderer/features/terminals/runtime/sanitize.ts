/** Text that comes from the remote side and is shown outside the terminal (titles, link targets). */

const TITLE_MAX = 120;
const URL_MAX = 2048;

/** Window titles (OSC 0/2) end up in tab labels: printable, bidi-safe, short. */
export function cleanTitle(title: string): string {
  // eslint-disable-next-line no-control-regex
  const printable = title.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
  return printable.length > TITLE_MAX ? `${printable.slice(0, TITLE_MAX)}…` : printable;
}

/**
 * A link from terminal output may be opened only if it is plain http(s), without credentials in it
 * (https://user:pass@host is a classic way to disguise where a link goes), and not absurdly long.
 * Returns the normalised URL to show and open, or null.
 */
export function safeLink(uri: string): string | null {
  if (uri.length > URL_MAX) return null;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return url.href;
}
