// A minimal Chrome DevTools Protocol client (Runtime and Input only) for measuring a page without
// Playwright attached. Playwright enables the Network domain on every page it drives, and Chromium
// then copies every WebSocket frame's payload into the DevTools protocol on the page's main thread:
// measured here, that alone cost the terminal ~30 ms per MB of output, a cost no user ever pays.
import WebSocket from 'ws';

export class RawCdp {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (raw: Buffer) => {
      const msg = JSON.parse(raw.toString()) as { id?: number; result?: unknown; error?: { message: string } };
      if (msg.id === undefined) return;
      const w = this.waiting.get(msg.id);
      this.waiting.delete(msg.id);
      if (msg.error) w?.reject(new Error(msg.error.message));
      else w?.resolve(msg.result);
    });
  }

  /** Attach to the first page target of a Chromium started with --remote-debugging-port. */
  static async attach(port: number, urlPart: string): Promise<RawCdp> {
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{
      type: string;
      url: string;
      webSocketDebuggerUrl: string;
    }>;
    const page = targets.find((t) => t.type === 'page' && t.url.includes(urlPart));
    if (!page) throw new Error(`no page with ${urlPart} among ${targets.map((t) => t.url).join(', ')}`);
    const ws = new WebSocket(page.webSocketDebuggerUrl, { perMessageDeflate: false });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return new RawCdp(ws);
  }

  send<T = unknown>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Evaluate an expression in the page (awaiting a promise) and return its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
    );
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value as T;
  }

  async typeText(text: string): Promise<void> {
    await this.send('Input.insertText', { text });
  }

  async pressEnter(): Promise<void> {
    await this.press({ key: 'Enter', code: 'Enter', keyCode: 13, text: '\r' });
  }

  /** One key press; `ctrl` for Control+key (then no text is typed, as in a real keyboard event). */
  async press(k: { key: string; code: string; keyCode: number; text?: string; ctrl?: boolean }): Promise<void> {
    const base = { key: k.key, code: k.code, windowsVirtualKeyCode: k.keyCode, nativeVirtualKeyCode: k.keyCode, modifiers: k.ctrl ? 2 : 0 };
    const text = k.ctrl ? {} : k.text ? { text: k.text, unmodifiedText: k.text } : {};
    await this.send('Input.dispatchKeyEvent', { type: k.ctrl || !k.text ? 'rawKeyDown' : 'keyDown', ...base, ...text });
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
  }

  close(): void {
    this.ws.close();
  }
}
