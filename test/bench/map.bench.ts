// The topology map at 2,000 services on 250 hosts with 4,000 edges, in headless Chromium: layout
// time (in the worker), time to first render, frame times while panning and zooming, and whether
// the drawing is readable. The baseline is the same pipeline with a naive grid layout, in the same run.
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { median, result, type Bench } from './types';
import { buildPage, openBrowser, servePage } from './map/harness';
import type { PageResult } from './map/page/protocol';

const RUNS = 3;
const GOALS = { layoutMs: 2000, firstRenderMs: 1000, frameMs: 33 };
const shots = fileURLToPath(new URL('../../test-results/bench', import.meta.url));

function summarize(runs: PageResult[]) {
  const m = (f: (r: PageResult) => number) => Number(median(runs.map(f)).toFixed(1));
  return {
    layoutMs: m((r) => r.layoutMs),
    workerMs: m((r) => r.workerMs),
    firstRenderMs: m((r) => r.firstRenderMs),
    frame: m((r) => r.frames.median),
    frameP95: m((r) => r.frames.p95),
    frameFull: m((r) => r.framesFull.median),
    frameFullP95: m((r) => r.framesFull.p95),
    paints: m((r) => r.frames.paints),
    meanLink: Math.round(m((r) => r.meanLink)),
  };
}

export const mapRender: Bench = {
  name: 'map',
  description: 'topology map, 2,000 services / 250 hosts / 4,000 edges: layout + first render + pan/zoom frames vs a naive grid layout',
  async run() {
    const dir = await buildPage();
    const server = await servePage(dir);
    const browser = await openBrowser();
    try {
      const runs: Record<'tiers' | 'grid', PageResult[]> = { tiers: [], grid: [] };
      for (let i = 0; i < RUNS; i++)
        for (const strategy of ['tiers', 'grid'] as const) {
          const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
          await page.goto(server.url);
          runs[strategy].push(
            await page.evaluate(
              (s) => (window as unknown as { mapBench: { run(s: string): Promise<PageResult> } }).mapBench.run(s),
              strategy,
            ),
          );
          if (i === 0) {
            mkdirSync(shots, { recursive: true });
            await page.screenshot({ path: join(shots, `map-${strategy}.png`) });
            await page.evaluate(() => (window as unknown as { mapBench: { zoom(f: number): Promise<void> } }).mapBench.zoom(5));
            await page.screenshot({ path: join(shots, `map-${strategy}-zoom.png`) });
          }
          await page.close();
        }
      const ours = summarize(runs.tiers);
      const grid = summarize(runs.grid);
      const checks = runs.tiers.map((r) => r.checks);
      const readable = checks.every((c) => c.ok);
      const worst = {
        overlappingPairs: Math.max(...checks.map((c) => c.overlappingPairs)),
        servicesOutside: Math.max(...checks.map((c) => c.servicesOutside)),
        aspect: Math.max(...checks.map((c) => c.aspect)),
      };
      const counts = runs.tiers[0]!.counts;
      const inWorker = runs.tiers.every((r) => r.inWorker);
      const ok =
        readable && inWorker && ours.layoutMs < GOALS.layoutMs && ours.firstRenderMs < GOALS.firstRenderMs && ours.frame < GOALS.frameMs;
      const value = ours.layoutMs + ours.firstRenderMs;
      const baseline = grid.layoutMs + grid.firstRenderMs;
      return result({
        name: this.name,
        value: Number(value.toFixed(1)),
        unit: 'ms',
        baseline: Number(baseline.toFixed(1)),
        goal: `layout < ${GOALS.layoutMs} ms, first render < ${GOALS.firstRenderMs} ms, median frame < ${GOALS.frameMs} ms, no overlap, services inside hosts, aspect <= 3:1`,
        ok,
        note: [
          `graph: ${counts.hosts} hosts, ${counts.services} services, ${counts.edges} edges, ${counts.externals} externals; medians of ${RUNS} runs; value = layout + first render`,
          `layout ${ours.layoutMs} ms (${inWorker ? 'in the Web Worker' : 'NOT in the worker'}: ${ours.workerMs} ms inside it) | grid ${grid.layoutMs} ms (${grid.workerMs} ms)`,
          `first render ${ours.firstRenderMs} ms | grid ${grid.firstRenderMs} ms`,
          `pan/zoom frames median ${ours.frame} ms, p95 ${ours.frameP95} ms (${ours.paints} paints in 3 s) | grid ${grid.frame} / ${grid.frameP95} ms`,
          `same motion, full detail every frame: median ${ours.frameFull} ms, p95 ${ours.frameFullP95} ms | grid ${grid.frameFull} / ${grid.frameFullP95} ms`,
          `checks: overlapping host pairs ${worst.overlappingPairs}, services outside their host ${worst.servicesOutside}, aspect ${worst.aspect.toFixed(2)}:1 -> ${readable ? 'readable' : 'NOT readable'}`,
          `mean link length ${ours.meanLink} px | grid ${grid.meanLink} px; screenshots in test-results/bench/map-*.png`,
        ].join('\n     '),
      });
    } finally {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
