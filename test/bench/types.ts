/** One benchmark result line: `npm run bench -- --json` prints one of these per line. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The same work done the plain way, measured in the same run on the same machine. */
  baseline: number;
  /** value / baseline (for times: lower is better). */
  ratio: number;
  /** Human-readable goal, e.g. "ratio <= 1.5". */
  goal: string;
  ok: boolean;
  note?: string;
}

export interface Bench {
  name: string;
  description: string;
  run(): Promise<BenchResult>;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function timeIt(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export function result(r: Omit<BenchResult, 'ratio'> & { ratio?: number }): BenchResult {
  return { ...r, ratio: r.ratio ?? Number((r.value / r.baseline).toFixed(3)) };
}
