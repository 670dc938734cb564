/** Hands a file to the user: a temporary object URL on a download link (works in Electron and browsers). */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some engines start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** opsdeck-map-2026-01-31-1405.png: sortable, and never clobbers the previous export. */
export function exportName(ext: string, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `opsdeck-map-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.${ext}`;
}
