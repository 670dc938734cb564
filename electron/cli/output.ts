/** Plain-text tables for people, stable JSON for scripts. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [line(headers), ...rows.map(line)];
  process.stdout.write(out.join('\n') + '\n');
}

export function printFields(fields: Array<[string, string]>): void {
  const w = Math.max(...fields.map(([k]) => k.length));
  process.stdout.write(fields.map(([k, v]) => `${(k + ':').padEnd(w + 1)} ${v}`).join('\n') + '\n');
}
