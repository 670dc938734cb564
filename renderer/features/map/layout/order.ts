/**
 * Order inside each column: the barycenter heuristic of layered drawing (Sugiyama). Each item moves
 * towards the mean position of what it talks to in the columns already placed, sweeping left to
 * right then right to left, so hosts that talk to each other line up and edges stay short and
 * mostly horizontal. Deterministic: ties keep the previous order, which starts from the ids.
 */

export interface Adjacency {
  /** id -> [neighbour id, weight] in other columns. */
  get(id: string): ReadonlyArray<readonly [string, number]> | undefined;
}

export function buildAdjacency(links: ReadonlyArray<readonly [string, string, number]>): Map<string, Array<[string, number]>> {
  const adj = new Map<string, Array<[string, number]>>();
  const add = (a: string, b: string, w: number) => {
    let list = adj.get(a);
    if (!list) adj.set(a, (list = []));
    list.push([b, w]);
  };
  for (const [a, b, w] of links) {
    if (a === b) continue;
    add(a, b, w);
    add(b, a, w);
  }
  return adj;
}

const SWEEPS = 4;

/** Reorders `columns` in place. Each column is a list of ids; `columnOf` maps an id to its column index. */
export function orderColumns(columns: string[][], adj: Adjacency): void {
  const columnOf = new Map<string, number>();
  const position = new Map<string, number>();
  columns.forEach((col, c) => col.forEach((id) => columnOf.set(id, c)));
  const remember = (col: readonly string[]) => col.forEach((id, i) => position.set(id, (i + 0.5) / col.length));
  columns.forEach(remember);

  const reorder = (c: number, useLeft: boolean) => {
    const col = columns[c]!;
    const keyed = col.map((id, i) => {
      let sum = 0;
      let weight = 0;
      for (const [other, w] of adj.get(id) ?? []) {
        const oc = columnOf.get(other);
        if (oc === undefined || oc === c || oc < c !== useLeft) continue;
        sum += (position.get(other) ?? 0.5) * w;
        weight += w;
      }
      // Nothing on that side: stay where the previous sweep put it.
      return { id, i, key: weight > 0 ? sum / weight : (position.get(id) ?? 0.5) };
    });
    keyed.sort((a, b) => a.key - b.key || a.i - b.i);
    columns[c] = keyed.map((k) => k.id);
    remember(columns[c]);
  };

  for (let s = 0; s < SWEEPS; s++) {
    for (let c = 1; c < columns.length; c++) reorder(c, true);
    for (let c = columns.length - 2; c >= 0; c--) reorder(c, false);
  }
}
