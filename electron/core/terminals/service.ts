/**
 * Terminals for the doors: opens shells on vault hosts through one SSH pool (several terminals to
 * a host share its connection, as separate channels), routes keystrokes (one session or a
 * broadcast to many), acks and resizes to sessions, and owns snippets, preferences and recordings.
 *
 * Sessions outlive the window that opened them: a vault lock or a page reload must not kill a
 * long job in a shell. A session nobody reads (paused and un-acked for ABANDON_AFTER_MS) is hung up,
 * so a closed browser tab cannot hold a connection open forever.
 */
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type { Client, ClientChannel } from 'ssh2';
import type { z } from 'zod';
import type { OpenResult, TerminalSession, terminalsContract } from '../../../shared/contract/terminals';
import { OpsError } from '../../../shared/model';
import type { Core } from '../api';
import { resolveTarget } from '../checks/targets';
import {
  classifySshError,
  defaultKnownHostsFiles,
  endpointLabel,
  layeredHostKeyStore,
  SshPool,
  type SshEndpoint,
  type SshTarget,
} from '../ssh';
import { castHeader } from './cast';
import { HostKeyTrust } from './host-key-trust';
import { Recorder } from './recorder';
import { TerminalPrefsRepo } from './repos/prefs';
import { RecordingsRepo } from './repos/recordings';
import { SnippetsRepo } from './repos/snippets';
import { ShellSession } from './session';

type OpenInput = z.output<(typeof terminalsContract)['terminals.open']['input']>;

export const TERM = 'xterm-256color';
const SHELL_TIMEOUT_MS = 15_000;
/** A connection with no terminal left is kept this long, for the reconnect or the next tab. */
const IDLE_CONNECTION_MS = 30_000;
export const ABANDON_AFTER_MS = 10 * 60_000;
const SWEEP_EVERY_MS = 30_000;

interface Connection {
  target: SshTarget;
  users: number;
  idle: NodeJS.Timeout | null;
}

function chainOf(target: SshTarget): SshEndpoint[] {
  return [...(target.jumps ?? []), target];
}

function connectionKey(target: SshTarget): string {
  return chainOf(target)
    .map((e) => `${e.name}=${e.username}@${e.host}:${e.port}`)
    .join(' > ');
}

function localUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

function openShell(client: Client, label: string, cols: number, rows: number): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new OpsError('INTERNAL', `${label}: the server did not open a shell within 15 s`)),
      SHELL_TIMEOUT_MS,
    );
    try {
      // COLORTERM is only a hint: most sshd configs do not accept it, and nothing breaks when they don't.
      client.shell({ term: TERM, cols, rows, width: 0, height: 0 }, { env: { COLORTERM: 'truecolor' } }, (err, channel) => {
        clearTimeout(timer);
        if (err) reject(err);
        else resolve(channel);
      });
    } catch (err) {
      clearTimeout(timer);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

export class TerminalService {
  readonly snippets: SnippetsRepo;
  readonly prefs: TerminalPrefsRepo;
  readonly recordings: RecordingsRepo;
  private readonly sessions = new Map<string, ShellSession>();
  private readonly connections = new Map<string, Connection>();
  private readonly trust = new HostKeyTrust();
  private readonly pool: SshPool;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly core: Core) {
    const db = () => core.vault.db();
    this.snippets = new SnippetsRepo(db);
    this.prefs = new TerminalPrefsRepo(db);
    this.recordings = new RecordingsRepo(db);
    this.pool = new SshPool({
      hostKeys: layeredHostKeyStore(core.hostKeys, ...defaultKnownHostsFiles()),
      confirmNewKey: this.trust.confirm,
    });
    this.sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  async open(input: OpenInput): Promise<OpenResult> {
    const { host, target } = resolveTarget(input.host, this.core.hosts, this.core.credentials);
    const chain = chainOf(target);
    const label = endpointLabel(target);
    if (input.trust.length > 0) this.trust.approve(chain, input.trust);
    let client: Client;
    try {
      client = await this.pool.connect(target);
    } catch (e) {
      const err = classifySshError(e, label);
      const question = this.trust.question(chain);
      this.trust.forget(chain);
      if (question && err.code === 'HOST_KEY_REJECTED') return { status: 'hostkey', question };
      return { status: 'failed', code: err.code, message: err.message };
    }
    this.trust.forget(chain);
    const conn = this.hold(target);
    let channel: ClientChannel;
    try {
      channel = await openShell(client, label, input.cols, input.rows);
    } catch (e) {
      this.release(conn);
      const message = e instanceof OpsError ? e.message : `${label}: the server refused a shell (${classifySshError(e, label).message})`;
      return { status: 'failed', code: 'UNREACHABLE', message };
    }
    const recorder = this.recorderFor(host.id, host.name, host.address, host.user, input.cols, input.rows);
    const session = new ShellSession(
      { host: host.name, endpoint: `${host.user}@${host.address}`, label, cols: input.cols, rows: input.rows },
      channel,
      client,
      {
        data: (p) => this.core.emit('terminal.data', p),
        closed: (p) => this.core.emit('terminal.closed', p),
        ended: (s) => {
          this.sessions.delete(s.id);
          this.release(conn);
        },
      },
      recorder,
    );
    this.sessions.set(session.id, session);
    return { status: 'open', session: session.snapshot() };
  }

  /** The same bytes to every listed session that still runs (broadcast is just several ids). */
  input(ids: readonly string[], data: string, binary: boolean): number {
    const bytes = Buffer.from(data, binary ? 'latin1' : 'utf8');
    let sent = 0;
    for (const id of new Set(ids)) {
      const s = this.sessions.get(id);
      if (!s) continue;
      s.write(bytes, data);
      sent += 1;
    }
    if (sent === 0) throw new OpsError('NOT_FOUND', 'That terminal session has ended.', 'ids');
    return sent;
  }

  // Acks and resizes for a session that just ended are normal races, not errors.
  ack(id: string, seq: number): void {
    this.sessions.get(id)?.ack(seq);
  }

  resize(id: string, cols: number, rows: number): void {
    this.sessions.get(id)?.resize(cols, rows);
  }

  close(id: string): void {
    this.sessions.get(id)?.close('closed');
  }

  list(): TerminalSession[] {
    return [...this.sessions.values()].map((s) => s.snapshot());
  }

  attach(id: string): { session: TerminalSession; tail: string } {
    const s = this.sessions.get(id);
    if (!s) throw new OpsError('NOT_FOUND', 'That terminal session has ended.', 'id');
    const tail = s.attach();
    return { session: s.snapshot(), tail };
  }

  /** Hang up everything (the app or the CLI is quitting). */
  async shutdown(): Promise<void> {
    clearInterval(this.sweeper);
    for (const s of [...this.sessions.values()]) s.close('closed');
    for (const c of this.connections.values()) if (c.idle) clearTimeout(c.idle);
    this.connections.clear();
    await this.pool.closeAll();
  }

  private recorderFor(hostId: string, hostName: string, address: string, user: string, cols: number, rows: number): Recorder | null {
    if (!this.prefs.get().recordAll && !this.prefs.recordsHost(hostId)) return null;
    const id = randomUUID();
    const startedAt = new Date();
    this.recordings.create({
      id,
      hostId,
      host: hostName,
      address,
      remoteUser: user,
      localUser: localUser(),
      startedAt: startedAt.toISOString(),
      cols,
      rows,
      header: castHeader({
        width: cols,
        height: rows,
        timestamp: Math.floor(startedAt.getTime() / 1000),
        title: `${user}@${hostName}`,
        env: { TERM },
      }),
    });
    return new Recorder({ repo: this.recordings, id, writable: () => this.core.vault.state() === 'unlocked', log: this.core.log });
  }

  private hold(target: SshTarget): Connection {
    const key = connectionKey(target);
    let conn = this.connections.get(key);
    if (!conn) {
      conn = { target, users: 0, idle: null };
      this.connections.set(key, conn);
    }
    if (conn.idle) clearTimeout(conn.idle);
    conn.idle = null;
    conn.users += 1;
    return conn;
  }

  private release(conn: Connection): void {
    conn.users -= 1;
    if (conn.users > 0) return;
    conn.idle = setTimeout(() => {
      if (conn.users > 0) return;
      this.connections.delete(connectionKey(conn.target));
      void this.pool.close(conn.target).catch(() => undefined);
    }, IDLE_CONNECTION_MS);
    conn.idle.unref();
  }

  private sweep(now = Date.now()): void {
    for (const s of [...this.sessions.values()]) if (s.isPaused && now - s.lastAckAt > ABANDON_AFTER_MS) s.close('abandoned');
  }
}

const services = new WeakMap<Core, TerminalService>();

/** One terminal service per core, shared by its handlers, the CLI and tests. */
export function terminalService(core: Core): TerminalService {
  let s = services.get(core);
  if (!s) {
    s = new TerminalService(core);
    services.set(core, s);
  }
  return s;
}
