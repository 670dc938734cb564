/**
 * The main thread's side of the layout worker: a promise per request. The worker is started once
 * and kept (starting one costs tens of milliseconds); a newer request does not cancel an older one,
 * callers drop answers they no longer need.
 *
 * Should the worker be unable to start at all (a policy or packaging problem), the layout runs on
 * the main thread instead, with a warning: it takes well under a tenth of a second for 2,000
 * services, and a map that shows beats one that does not.
 */
import { computeLayout } from './computeLayout';
import type { LayoutRequest, LayoutResponse } from './layout.worker';
import type { LayoutInput, LayoutResult } from './types';

interface Pending {
  input: LayoutInput;
  resolve: (r: LayoutResult) => void;
  reject: (e: Error) => void;
}

export class LayoutClient {
  private worker: Worker | null = null;
  /** Set once the worker failed to start; from then on layouts run here. */
  private inline = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private start(): Worker | null {
    if (this.worker || this.inline) return this.worker;
    try {
      const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'map-layout' });
      worker.onmessage = (e: MessageEvent<LayoutResponse>) => {
        const p = this.pending.get(e.data.id);
        if (!p) return;
        this.pending.delete(e.data.id);
        if ('error' in e.data) p.reject(new Error(`The map layout failed: ${e.data.error}`));
        else p.resolve(e.data.result);
      };
      worker.onerror = (e) => this.fallBack(e.message || 'the layout worker did not start');
      this.worker = worker;
    } catch (e) {
      this.fallBack(e instanceof Error ? e.message : String(e));
    }
    return this.worker;
  }

  private fallBack(reason: string): void {
    console.warn(`Map layout: running on the main thread (${reason}).`);
    this.worker?.terminate();
    this.worker = null;
    this.inline = true;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) this.runInline(p);
  }

  private runInline(p: Pending): void {
    try {
      p.resolve(computeLayout(p.input));
    } catch (e) {
      p.reject(new Error(`The map layout failed: ${e instanceof Error ? e.message : String(e)}`));
    }
  }

  /** Whether layouts run in the worker (false after a fall-back to the main thread). */
  get offMainThread(): boolean {
    return this.worker !== null && !this.inline;
  }

  /** Starts the worker ahead of the first request (the benchmark excludes boot time this way). */
  warm(): void {
    this.start();
  }

  layout(input: LayoutInput): Promise<LayoutResult> {
    return new Promise<LayoutResult>((resolve, reject) => {
      const p: Pending = { input, resolve, reject };
      const worker = this.start();
      if (!worker) return this.runInline(p);
      const id = this.nextId++;
      this.pending.set(id, p);
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
