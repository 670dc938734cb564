/**
 * The benchmark page: the map's real pipeline (graph, layout worker, scene, canvas view) on the
 * synthetic fleet, timed from inside the page. map.bench.ts builds it with Vite and drives it.
 */
import { buildGraph } from '../../../../renderer/features/map/model/buildGraph';
import { checkLayout, meanLinkLength } from '../../../../renderer/features/map/layout/checks';
import { LayoutClient } from '../../../../renderer/features/map/layout/layoutClient';
import { layoutInputOf } from '../../../../renderer/features/map/layout/layoutInput';
import type { LayoutStrategy } from '../../../../renderer/features/map/layout/types';
import { MapView } from '../../../../renderer/features/map/render/MapView';
import { createScene, sceneBounds } from '../../../../renderer/features/map/render/scene';
import { centerOn, zoomAt } from '../../../../renderer/features/map/render/viewport';
import { syntheticFleetMap } from '../synthetic';
import { frameStats, type PageResult } from './protocol';

/** Resolves after the next frame has been rendered (a task queued from rAF runs after paint). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(0);
    }),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Pans and zooms for `ms` like the library measurements did: 1x -> 3x of fit twice, centre circling. */
async function panZoom(view: MapView, ms: number, interacting: boolean): Promise<{ deltas: number[]; paints: number }> {
  const fit = view.viewport;
  const { width, height } = view.size();
  const centre = { x: (width / 2 - fit.tx) / fit.scale, y: (height / 2 - fit.ty) / fit.scale };
  const extent = { w: width / fit.scale, h: height / fit.scale };
  const deltas: number[] = [];
  const paints = view.stats.frames;
  await new Promise<void>((resolve) => {
    let start = 0;
    let last = 0;
    const step = (t: number) => {
      if (!start) start = last = t;
      else deltas.push(t - last);
      last = t;
      const f = (t - start) / ms;
      if (f >= 1) return resolve();
      const zoom = fit.scale * (1 + 2 * (0.5 - 0.5 * Math.cos(4 * Math.PI * f)));
      const x = centre.x + 0.25 * extent.w * Math.cos(2 * Math.PI * f);
      const y = centre.y + 0.25 * extent.h * Math.sin(2 * Math.PI * f);
      // As a wheel or drag handler does: the view paints on its own next animation frame.
      view.setViewport(centerOn(x, y, zoom, width, height), interacting);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  return { deltas, paints: view.stats.frames - paints };
}

async function run(strategy: LayoutStrategy): Promise<PageResult> {
  const canvas = document.getElementById('map') as HTMLCanvasElement;
  const t0 = performance.now();
  const graph = buildGraph(syntheticFleetMap());
  const graphMs = performance.now() - t0;
  const client = new LayoutClient();
  // Boot the worker first, as the measurements in research/map-measured.md did.
  await client.layout({ hosts: [], externals: [], links: [], saved: [], strategy });

  const input = layoutInputOf(graph, [], strategy);
  const t1 = performance.now();
  const layout = await client.layout(input);
  const layoutMs = performance.now() - t1;
  const inWorker = client.offMainThread;

  const t2 = performance.now();
  const view = new MapView(canvas);
  view.setScene(createScene(graph, layout), true);
  view.renderNow();
  await afterNextPaint();
  const firstRenderMs = performance.now() - t2;

  await sleep(700);
  const fast = await panZoom(view, 3000, true);
  view.fit();
  await sleep(300);
  const full = await panZoom(view, 3000, false);
  view.fit();
  view.renderNow();
  client.dispose();
  lastView = view;
  return {
    strategy,
    inWorker,
    graphMs,
    layoutMs,
    workerMs: layout.ms,
    firstRenderMs,
    frames: frameStats(fast.deltas, fast.paints),
    framesFull: frameStats(full.deltas, full.paints),
    checks: checkLayout(input, layout),
    meanLink: meanLinkLength(input, layout),
    bounds: layout.bounds,
    counts: { hosts: graph.hosts.length, services: graph.services.length, edges: graph.edges.length, externals: graph.externals.length },
    sceneBounds: sceneBounds(createScene(graph, layout)),
  };
}

let lastView: MapView | null = null;

/** Zooms the last run's view by `factor` around the centre and paints in full detail (for screenshots). */
async function zoom(factor: number): Promise<void> {
  const view = lastView;
  if (!view) return;
  const { width, height } = view.size();
  view.fit();
  view.setViewport(zoomAt(view.viewport, factor, width / 2, height / 2));
  view.renderNow();
  await afterNextPaint();
}

(window as unknown as { mapBench: { run: typeof run; zoom: typeof zoom } }).mapBench = { run, zoom };
