/**
 * Door 2: the browser host. The same core as the desktop app, reached over a WebSocket from a
 * browser on this machine. Bound to 127.0.0.1; see serve/security.ts for why every request is checked.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import type { WireRequest } from '../shared/wire';
import { Core, type CoreOptions } from './core/api';
import { cookieToken, hostAllowed, newToken, originAllowed, sameToken, SECURITY_HEADERS, TOKEN_COOKIE } from './serve/security';
import { serveStatic } from './serve/static';

export interface ServeOptions extends CoreOptions {
  port: number;
  staticDir?: string;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  core: Core;
  close(): Promise<void>;
}

const MAX_MESSAGE = 8 * 1024 * 1024;

function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><meta charset="utf-8"><title>OpsDeck</title><body style="font:14px system-ui;margin:3rem;max-width:40rem">` +
      `<h1 style="font-size:18px">OpsDeck: access refused</h1><p>${text}</p></body>`,
  );
}

export function defaultStaticDir(): string {
  return fileURLToPath(new URL('../dist/renderer', import.meta.url));
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const core = new Core({ holderName: 'opsdeck serve', ...options });
  const token = options.token ?? newToken();
  const staticDir = options.staticDir ?? defaultStaticDir();
  let port = options.port;

  const authorised = (req: IncomingMessage, url: URL) =>
    sameToken(url.searchParams.get('token'), token) || sameToken(cookieToken(req), token);

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hostAllowed(req, port))
      return refuse(res, 403, 'This address is not allowed (Host header check). Use the URL that <code>opsdeck serve</code> printed.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    if (!authorised(req, url)) {
      return refuse(
        res,
        401,
        'This page needs the access token. Open the full URL that <code>opsdeck serve</code> printed (it ends in <code>?token=…</code>).',
      );
    }
    if (url.searchParams.has('token')) {
      // Trade the URL token for a cookie and drop it from the address bar and history.
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
      });
      return void res.end();
    }
    serveStatic(staticDir, url.pathname, res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ok = url.pathname === '/api' && hostAllowed(req, port) && originAllowed(req, port) && authorised(req, url);
    if (!ok) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const clients = new Set<WebSocket>();
  const unsubscribe = core.onEvent((event, payload) => {
    const msg = JSON.stringify({ event, payload });
    for (const c of clients) c.send(msg);
  });

  wss.on('connection', (ws: WebSocket) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('message', (data: Buffer, isBinary) => {
      if (isBinary) return ws.close(1003, 'text only');
      let req: WireRequest;
      try {
        req = JSON.parse(data.toString('utf8')) as WireRequest;
      } catch {
        return ws.close(1007, 'invalid JSON');
      }
      if (typeof req !== 'object' || req === null || typeof req.id !== 'number') return ws.close(1007, 'invalid request');
      void core.call(req.method, req.input).then((result) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: req.id, result }));
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    core,
    async close() {
      unsubscribe();
      for (const c of clients) c.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
      core.close();
    },
  };
}
