/**
 * The main thread's side of the layout worker: a promise per request. The worker is started once
 * and kept (starting one costs tens of milliseconds); a newer request does not cancel an older one,
 * callers drop answers they no longer need.
 */
import type { LayoutRequest, LayoutResponse } from './layout.worker';
import type { LayoutInput, LayoutResult } from './types';

export class LayoutClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: LayoutResult) => void; reject: (e: Error) => void }>();

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'map-layout' });
    worker.onmessage = (e: MessageEvent<LayoutResponse>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if ('error' in e.data) p.reject(new Error(`The map layout failed: ${e.data.error}`));
      else p.resolve(e.data.result);
    };
    worker.onerror = (e) => {
      // A worker that cannot even load fails every request now and is started afresh next time.
      for (const p of this.pending.values()) p.reject(new Error(`The map layout worker stopped: ${e.message || 'unknown error'}`));
      this.pending.clear();
      worker.terminate();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }

  /** Starts the worker ahead of the first request (the benchmark excludes boot time this way). */
  warm(): void {
    this.start();
  }

  layout(input: LayoutInput): Promise<LayoutResult> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<LayoutResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: LayoutRequest = { id, input };
      worker.postMessage(request);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new Error('The map was closed.'));
    this.pending.clear();
  }
}
