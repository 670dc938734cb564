// Door 2: the browser host's gatekeeping, with real sockets: token, Host header, Origin.
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../electron/serve';
import { tempDir } from './helpers/tmp';

const tmp = tempDir('serve');
let server: RunningServer;

beforeAll(async () => {
  const staticDir = join(tmp.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>OpsDeck test shell</title>');
  server = await startServer({ path: join(tmp.dir, 'vault.opsdeck'), port: 0, staticDir, insecureTestKdf: true, log: () => undefined });
});
afterAll(async () => {
  await server.close();
  tmp.cleanup();
});

function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(opts: { token?: string; origin?: string; host?: string; cookie?: string }): Promise<WebSocket> {
  const q = opts.token !== undefined ? `?token=${encodeURIComponent(opts.token)}` : '';
  const headers: Record<string, string> = {};
  if (opts.host) headers['Host'] = opts.host;
  if (opts.cookie) headers['Cookie'] = opts.cookie;
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api${q}`, { headers, ...(opts.origin ? { origin: opts.origin } : {}) });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, method: string, input: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (d: Buffer) => {
      const msg = JSON.parse(d.toString()) as { id?: number; result?: unknown };
      if (msg.id === id) {
        ws.off('message', onMessage);
        resolve(msg.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, method, input }));
  });
}

const origin = () => `http://127.0.0.1:${server.port}`;

describe('HTTP', () => {
  it('binds 127.0.0.1 and prints a URL with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  });

  it('refuses the bare URL (no token) with 401 and a page that says what to do', async () => {
    const r = await get('/');
    expect(r.status).toBe(401);
    expect(r.body).toMatch(/access token/);
    expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });

  it('refuses a wrong token', async () => expect((await get('/?token=nope')).status).toBe(401));

  it('trades the URL token for an HttpOnly SameSite=Strict cookie, then serves the app', async () => {
    const r = await get(`/?token=${server.token}`);
    expect(r.status).toBe(303);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await get('/', { Cookie: cookie.split(';')[0]! });
    expect(page.status).toBe(200);
    expect(page.body).toContain('OpsDeck test shell');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const r = await get(`/?token=${server.token}`, { Host: `evil.example:${server.port}` });
    expect(r.status).toBe(403);
  });

  it('does not serve files outside the renderer folder', async () => {
    const r = await get(`/..%2f..%2fvault.opsdeck.header?token=${server.token}`);
    expect(r.body).not.toContain('opsdeck-vault');
  });
});

describe('WebSocket API', () => {
  it('refuses connections without the token', async () => {
    await expect(connect({ origin: origin() })).rejects.toThrow(/403/);
  });

  it('refuses a foreign Origin even with the token', async () => {
    await expect(connect({ token: server.token, origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });

  it('refuses a missing Origin (not a browser page of ours)', async () => {
    await expect(connect({ token: server.token })).rejects.toThrow(/403/);
  });

  it('refuses a foreign Host header', async () => {
    await expect(connect({ token: server.token, origin: origin(), host: 'evil.example' })).rejects.toThrow(/403/);
  });

  it('answers contract calls, validates input and pushes events', async () => {
    const ws = await connect({ token: server.token, origin: origin() });
    expect(await call(ws, 1, 'vault.status', {})).toMatchObject({ ok: true, value: { state: 'missing' } });
    expect(await call(ws, 2, 'vault.create', { passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'passphrase' },
    });
    expect(await call(ws, 3, 'vault.create', { passphrase: 'long enough passphrase' })).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    expect(await call(ws, 4, 'hosts.add', { name: 'w', address: '10.0.0.1', port: 0 })).toMatchObject({
      ok: false,
      error: { field: 'port' },
    });
    expect(await call(ws, 5, 'no.such.method', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const event = new Promise((resolve) =>
      ws.on('message', (d: Buffer) => {
        const m = JSON.parse(d.toString()) as { event?: string };
        if (m.event === 'vault.locked') resolve(m);
      }),
    );
    await call(ws, 6, 'vault.lock', {});
    expect(await event).toEqual({ event: 'vault.locked', payload: { reason: 'manual' } });
    ws.close();
  });

  it('also accepts the cookie instead of the URL token', async () => {
    const ws = await connect({ cookie: `opsdeck_token=${server.token}`, origin: origin() });
    expect(await call(ws, 1, 'vault.status', {})).toMatchObject({ ok: true });
    ws.close();
  });

  it('closes the socket on malformed JSON instead of crashing', async () => {
    const ws = await connect({ token: server.token, origin: origin() });
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.send('{not json');
    expect(await closed).toBe(1007);
    const again = await connect({ token: server.token, origin: origin() });
    expect(await call(again, 1, 'vault.status', {})).toMatchObject({ ok: true });
    again.close();
  });
});
