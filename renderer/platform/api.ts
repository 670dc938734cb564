/**
 * The only place in the renderer that knows which door it is behind: the Electron preload bridge
 * (`window.opsdeck`) or the browser host's WebSocket (token from the page URL).
 */
import type { Client, Input, Method, Output } from '../../shared/api';
import type { EventName, EventPayload } from '../../shared/events';
import type { Result } from '../../shared/model';
import { ApiFailure, type Bridge, type ServerMessage } from '../../shared/wire';

declare global {
  interface Window {
    opsdeck?: Bridge;
  }
}

type Listener = (event: string, payload: unknown) => void;

interface Transport {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: Listener): () => void;
}

function electronTransport(bridge: Bridge): Transport {
  return { call: (m, i) => bridge.call(m, i), subscribe: (l) => bridge.on(l) };
}

/** WebSocket transport with automatic reconnect; pending calls fail fast if the socket drops. */
function webSocketTransport(url: string): Transport {
  let socket: WebSocket | null = null;
  let opening: Promise<WebSocket> | null = null;
  let nextId = 1;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const listeners = new Set<Listener>();

  function open(): Promise<WebSocket> {
    if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    if (opening) return opening;
    opening = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        opening = null;
        resolve(ws);
      };
      ws.onerror = () => {
        opening = null;
        reject(new ApiFailure({ code: 'INTERNAL', message: 'Cannot reach the OpsDeck host. Is `opsdeck serve` still running?' }));
      };
      ws.onclose = () => {
        socket = null;
        for (const [, resolveCall] of pending)
          resolveCall({ ok: false, error: { code: 'INTERNAL', message: 'The connection to the OpsDeck host was lost.' } });
        pending.clear();
      };
      ws.onmessage = (e: MessageEvent<string>) => {
        const msg = JSON.parse(e.data) as ServerMessage;
        if ('id' in msg) {
          pending.get(msg.id)?.(msg.result);
          pending.delete(msg.id);
        } else {
          for (const l of listeners) l(msg.event, msg.payload);
        }
      };
    });
    return opening;
  }

  return {
    async call(method, input) {
      const ws = await open();
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, method, input }));
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      void open().catch(() => undefined);
      return () => listeners.delete(listener);
    },
  };
}

function pickTransport(): Transport {
  if (window.opsdeck) return electronTransport(window.opsdeck);
  const token = new URLSearchParams(window.location.search).get('token') ?? sessionStorage.getItem('opsdeck.token') ?? '';
  // Keep the token for reloads but take it out of the address bar (and so out of screenshots/history).
  if (token) {
    sessionStorage.setItem('opsdeck.token', token);
    const clean = new URL(window.location.href);
    clean.searchParams.delete('token');
    window.history.replaceState(null, '', clean.toString());
  }
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return webSocketTransport(`${scheme}://${window.location.host}/api?token=${encodeURIComponent(token)}`);
}

const transport = pickTransport();

export const api: Client = {
  async call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    const result = await transport.call(method, input);
    if (!result.ok) throw new ApiFailure(result.error);
    return result.value as Output<M>;
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
    return transport.subscribe((name, payload) => {
      if (name === event) listener(payload as EventPayload<E>);
    });
  },
};

export { ApiFailure };
