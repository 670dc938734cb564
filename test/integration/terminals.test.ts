// Terminals through the core against the real test fleet: host-key questions, a shell that answers,
// window size, flow control under a `yes` flood (paused, bounded), Ctrl-C latency, broadcast,
// recordings with starred secrets, and a dropped connection.
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenResult, TerminalSession } from '../../shared/contract/terminals';
import type { EventPayload } from '../../shared/events';
import { Core } from '../../electron/core/api';
import { HIGH_WATERMARK, parseCastEvents, terminalService } from '../../electron/core/terminals';
import { labStatus, type LabHost } from '../fleet/index';
import { tempDir } from './helpers/tmp';

const tmp = tempDir('terminals');
let core: Core;
let fleet: LabHost[];

/** What a client sees of one session: its output, whether it acks, and how the session ended. */
class Screen {
  text = '';
  bytes = 0;
  skipped = 0;
  lastSeq = 0;
  closed: EventPayload<'terminal.closed'> | null = null;
  acking = true;
  private waiters: Array<() => void> = [];
  private readonly decoder = new StringDecoder('utf8');

  constructor(readonly id: string) {}

  data(p: EventPayload<'terminal.data'>): void {
    this.skipped += p.skipped ?? 0;
    this.text += this.decoder.write(Buffer.from(p.data, 'base64'));
    this.bytes += p.bytes;
    this.lastSeq = p.seq;
    // Keep only the end of a flood: enough for prompts and markers.
    if (this.text.length > 1_000_000) this.text = this.text.slice(-100_000);
    if (this.acking) void core.invoke('terminals.ack', { id: this.id, seq: p.seq });
    this.wake();
  }

  end(p: EventPayload<'terminal.closed'>): void {
    this.closed = p;
    this.wake();
  }

  ackAll(): Promise<unknown> {
    return core.invoke('terminals.ack', { id: this.id, seq: this.lastSeq });
  }

  /** Resolves when `test` holds for the output seen so far. */
  async until(test: (s: Screen) => boolean, timeoutMs = 10_000, what = 'output'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!test(this)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last output: ${JSON.stringify(this.text.slice(-300))}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, 50);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

const screens = new Map<string, Screen>();

async function open(host: string, size: { cols?: number; rows?: number } = {}): Promise<{ session: TerminalSession; screen: Screen }> {
  let r: OpenResult = await core.invoke('terminals.open', { host, ...size });
  if (r.status === 'hostkey') r = await core.invoke('terminals.open', { host, ...size, trust: [r.question.fingerprint] });
  if (r.status !== 'open') throw new Error(`open ${host}: ${r.status === 'failed' ? r.message : 'host key'}`);
  const screen = new Screen(r.session.id);
  screens.set(r.session.id, screen);
  return { session: r.session, screen };
}

const send = (id: string, data: string) => core.invoke('terminals.input', { ids: [id], data });
const session = (id: string) =>
  terminalService(core)
    .list()
    .find((s) => s.id === id);
/** The shell's prompt is the last thing on screen (bash: "...$ "). */
const atPrompt = (x: Screen) => /\$ $/.test(x.text);
/** A marker the shell prints but the echoed command line does not contain (the $(( )) is expanded). */
const marker = (n: number) => ({ cmd: `echo mark-$((${n}+1))`, out: `mark-${n + 1}` });

beforeAll(async () => {
  const status = await labStatus();
  if (!status.up) throw new Error('The test fleet is not up: run `npm run lab:up` (the integration global setup normally does).');
  fleet = status.hosts.filter((h) => h.state === 'running');
  core = new Core({ path: join(tmp.dir, 'vault.opsdeck'), insecureTestKdf: true, log: () => undefined });
  await core.invoke('vault.create', { passphrase: 'terminals passphrase' });
  await core.invoke('credentials.add', { kind: 'private-key', name: 'fleet', path: fleet[0]!.privateKeyPath });
  for (const h of fleet) await core.invoke('hosts.add', { name: h.name, address: h.address, user: 'ops', credential: 'fleet' });
  core.onEvent((event, payload) => {
    if (event === 'terminal.data') {
      const p = payload as EventPayload<'terminal.data'>;
      screens.get(p.id)?.data(p);
    } else if (event === 'terminal.closed') {
      const p = payload as EventPayload<'terminal.closed'>;
      screens.get(p.id)?.end(p);
    }
  });
});

afterAll(async () => {
  if (core) await terminalService(core).shutdown();
  core?.close();
  tmp.cleanup();
});

describe('terminals on the test fleet', () => {
  it('asks about an unknown host key, and opens once that exact key is trusted', async () => {
    const h = fleet[0]!;
    const first = await core.invoke('terminals.open', { host: h.name });
    expect(first.status).toBe('hostkey');
    if (first.status !== 'hostkey') return;
    expect(first.question).toMatchObject({ hop: h.name, address: h.address, port: 22 });
    expect(first.question.fingerprint).toMatch(/^SHA256:/);
    expect(await core.invoke('hostkeys.list', {})).toEqual([]);

    // A fingerprint the server does not present approves nothing.
    const wrong = await core.invoke('terminals.open', { host: h.name, trust: ['SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'] });
    expect(wrong.status).toBe('hostkey');

    const second = await core.invoke('terminals.open', { host: h.name, trust: [first.question.fingerprint] });
    expect(second.status).toBe('open');
    if (second.status === 'open') await core.invoke('terminals.close', { id: second.session.id });
    expect((await core.invoke('hostkeys.list', {})).map((k) => k.host)).toEqual([h.address]);
  });

  it('runs `hostname` and shows the answer', async () => {
    const { session: s, screen } = await open(fleet[0]!.name);
    expect(s).toMatchObject({ host: fleet[0]!.name, cols: 80, rows: 24, paused: false });
    await send(s.id, 'hostname\r');
    await screen.until((x) => /\rh1\r\n/.test(x.text), 10_000, 'the hostname');
    await core.invoke('terminals.close', { id: s.id });
    await screen.until((x) => x.closed !== null);
    expect(screen.closed).toMatchObject({ reason: 'closed' });
  });

  it('passes window size changes to the remote pty (stty size)', async () => {
    const { session: s, screen } = await open(fleet[0]!.name, { cols: 100, rows: 30 });
    await send(s.id, 'stty size\r');
    await screen.until((x) => x.text.includes('30 100'), 10_000, 'stty size 30 100');
    await core.invoke('terminals.resize', { id: s.id, cols: 132, rows: 43 });
    await send(s.id, 'stty size\r');
    await screen.until((x) => x.text.includes('43 132'), 10_000, 'stty size 43 132');
    await send(s.id, 'exit\r');
    await screen.until((x) => x.closed !== null);
    expect(screen.closed).toMatchObject({ reason: 'exit', exitCode: 0 });
  });

  it('pauses a `yes` flood nobody acks, keeps memory bounded, and Ctrl-C stops it quickly once read again', async () => {
    const { session: s, screen } = await open(fleet[1]!.name);
    await send(s.id, 'stty -echoctl; echo ready\r');
    await screen.until((x) => x.text.includes('\rready\r\n'), 10_000, 'the prompt');

    screen.acking = false;
    const rssBefore = process.memoryUsage().rss;
    await send(s.id, 'yes\r');
    await screen.until(() => session(s.id)?.paused === true, 10_000, 'the channel to pause');
    const atPause = screen.bytes;
    // Three more seconds without acks: nothing more may arrive beyond what was already in flight.
    await new Promise((r) => setTimeout(r, 3_000));
    const info = session(s.id)!;
    expect(info.paused).toBe(true);
    expect(info.unacked).toBeGreaterThanOrEqual(HIGH_WATERMARK);
    expect(screen.bytes - atPause).toBeLessThan(128 * 1024);
    expect(screen.bytes).toBeLessThan(HIGH_WATERMARK + 256 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);

    // Ctrl-C while paused: what waited in the core is dropped (as the tty drops its queue), so once
    // the client reads again the prompt comes after little more than what was already in flight.
    // (The interrupt also flushes the remote tty's input queue, so the next command waits for the prompt.)
    const bytesAtInterrupt = screen.bytes;
    const t1 = Date.now();
    await send(s.id, '\x03');
    screen.acking = true;
    await screen.ackAll();
    await screen.until(atPrompt, 5_000, 'the prompt after Ctrl-C (paused)');
    console.log(`[terminals] Ctrl-C while paused: prompt after ${Date.now() - t1} ms, ${screen.bytes - bytesAtInterrupt} bytes`);
    expect(screen.skipped).toBeGreaterThan(0);
    expect(screen.bytes - bytesAtInterrupt).toBeLessThan(HIGH_WATERMARK + 512 * 1024);
    const m1 = marker(40);
    await send(s.id, `${m1.cmd}\r`);
    await screen.until((x) => x.text.includes(`\r${m1.out}\r\n`), 5_000, 'the shell answering again');

    // And while the flood flows (the client keeps up), Ctrl-C ends it within a fraction of a second.
    await send(s.id, 'yes\r');
    const before = screen.bytes;
    await screen.until((x) => x.bytes > before + 1_000_000, 10_000, 'the flood to flow');
    const t0 = Date.now();
    await send(s.id, '\x03');
    await screen.until(atPrompt, 5_000, 'the prompt after Ctrl-C');
    const stopMs = Date.now() - t0;
    expect(stopMs).toBeLessThan(1_000);
    console.log(`[terminals] Ctrl-C to prompt during a yes flood: ${stopMs} ms`);
    const m = marker(41);
    await send(s.id, `${m.cmd}\r`);
    await screen.until((x) => x.text.includes(`\r${m.out}\r\n`), 5_000, 'the shell answering again');
    await core.invoke('terminals.close', { id: s.id });
  });

  it('broadcasts one command to two hosts', async () => {
    const a = await open(fleet[1]!.name);
    const b = await open(fleet[2]!.name);
    const sent = await core.invoke('terminals.input', { ids: [a.session.id, b.session.id], data: 'echo "$(hostname)-says-$((6*7))"\r' });
    expect(sent.sent).toBe(2);
    await a.screen.until((x) => x.text.includes(`${fleet[1]!.name}-says-42`), 10_000, 'h2 answer');
    await b.screen.until((x) => x.text.includes(`${fleet[2]!.name}-says-42`), 10_000, 'h3 answer');
    for (const s of [a, b]) await core.invoke('terminals.close', { id: s.session.id });
  });

  it('records a session with time, host and users, and stars a typed secret', async () => {
    await core.invoke('terminals.prefs.update', { recordAll: true });
    const { session: s, screen } = await open(fleet[2]!.name);
    expect(s.recording).toBe(true);
    await send(s.id, 'read -s -p "Password: " pw; echo; echo "got ${#pw} chars"\r');
    // The echoed command line contains the prompt text too: wait for the prompt itself, at the end.
    await screen.until((x) => x.text.endsWith('Password: '), 10_000, 'the prompt');
    await send(s.id, 'hunter2\r');
    await screen.until((x) => x.text.includes('got 7 chars'), 10_000, 'the answer');
    await send(s.id, 'exit\r');
    await screen.until((x) => x.closed !== null);
    await core.invoke('terminals.prefs.update', { recordAll: false });

    const [rec] = await core.invoke('terminals.recordings.list', { host: fleet[2]!.name });
    expect(rec).toMatchObject({ host: fleet[2]!.name, address: fleet[2]!.address, remoteUser: 'ops', truncated: false });
    expect(rec!.endedAt).not.toBeNull();
    expect(rec!.localUser.length).toBeGreaterThan(0);
    const page = await core.invoke('terminals.recordings.read', { id: rec!.id });
    expect(JSON.parse(page.header!)).toMatchObject({ version: 2, width: 80, height: 24 });
    const events = parseCastEvents(page.events);
    const input = events
      .filter((e) => e.code === 'i')
      .map((e) => e.data)
      .join('');
    const output = events
      .filter((e) => e.code === 'o')
      .map((e) => e.data)
      .join('');
    expect(input).toContain('read -s -p');
    expect(input).toContain('*******\r');
    expect(input).not.toContain('hunter2');
    expect(output).toContain('got 7 chars');
    expect(events.every((e, i) => i === 0 || e.time >= events[i - 1]!.time)).toBe(true);
  });

  it('tells a dropped connection from an exit', async () => {
    const { session: s, screen } = await open(fleet[4]!.name);
    await send(s.id, 'echo ready\r');
    await screen.until((x) => x.text.includes('\rready\r\n'));
    // The shell's parent is this connection's sshd process: killing it drops the connection.
    await send(s.id, 'kill -9 $PPID\r');
    await screen.until((x) => x.closed !== null, 20_000, 'the drop');
    expect(screen.closed).toMatchObject({ reason: 'dropped', exitCode: null });
    expect(screen.closed!.message).toMatch(/closed|reset/);
    // And a reconnect works at once (the dead connection left the pool).
    const again = await open(fleet[4]!.name);
    await send(again.session.id, 'echo back\r');
    await again.screen.until((x) => x.text.includes('\rback\r\n'));
    await core.invoke('terminals.close', { id: again.session.id });
  });

  it('keeps snippets in the vault', async () => {
    const a = await core.invoke('terminals.snippets.add', { name: 'disk', command: 'df -h' });
    await expect(core.invoke('terminals.snippets.add', { name: 'DISK', command: 'x' })).rejects.toMatchObject({ code: 'DUPLICATE' });
    await core.invoke('terminals.snippets.update', { id: a.id, command: 'df -hT' });
    expect((await core.invoke('terminals.snippets.list', {})).map((x) => [x.name, x.command])).toEqual([['disk', 'df -hT']]);
    await core.invoke('terminals.snippets.remove', { id: a.id });
    expect(await core.invoke('terminals.snippets.list', {})).toEqual([]);
  });
});
