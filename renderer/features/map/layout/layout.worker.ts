/**
 * The layout, off the main thread: the page stays responsive however large the fleet. One request
 * in, one answer out; requests carry an id so a stale answer can be told apart.
 */
import { computeLayout } from './computeLayout';
import type { LayoutInput, LayoutResult } from './types';

export type LayoutRequest = { id: number; input: LayoutInput };
export type LayoutResponse = { id: number; result: LayoutResult } | { id: number; error: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null; postMessage(m: LayoutResponse): void };

scope.onmessage = (e) => {
  const { id, input } = e.data;
  try {
    scope.postMessage({ id, result: computeLayout(input) });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
