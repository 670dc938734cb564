/**
 * Terminal output arrives as base64 (see the terminal.data event). Chromium's native decoder
 * (Uint8Array.fromBase64) runs at ~900 MB/s here; older engines (Electron builds before it
 * shipped) take atob and a copy loop, still faster than parsing escaped JSON text.
 */
type FromBase64 = (this: typeof Uint8Array, s: string) => Uint8Array;
const native = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64;

export function fromBase64(s: string): Uint8Array {
  if (native) return native.call(Uint8Array, s);
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
