// A typed OpsDeck API call made from inside a page served by the browser host: the e2e specs and
// the terminal benchmarks use it to set up state without clicking through forms.
import type { Page } from 'playwright-core';
import type { Input, Method, Output } from '../../shared/api';

/** One API call over the browser host's WebSocket, from inside the page (same origin and cookie). */
export async function apiCall<M extends Method>(page: Page, method: M, input: Input<M>): Promise<Output<M>> {
  return page.evaluate(
    async ({ method, input }) => {
      const ws = new WebSocket(`ws://${location.host}/api`);
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = () => reject(new Error('cannot open the API socket'));
      });
      const result = await new Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>((resolve) => {
        ws.addEventListener('message', (e: MessageEvent<string>) => {
          const msg = JSON.parse(e.data) as { id?: number; result?: { ok: boolean; value?: unknown; error?: { message: string } } };
          if (msg.id === 1 && msg.result) resolve(msg.result);
        });
        ws.send(JSON.stringify({ id: 1, method, input }));
      });
      ws.close();
      if (!result.ok) throw new Error(`${method} failed: ${result.error?.message ?? 'unknown error'}`);
      return result.value;
    },
    { method, input },
  ) as Promise<Output<M>>;
}
