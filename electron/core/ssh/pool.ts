/**
 * Connection pool: one reused connection per endpoint, a global bound on hosts worked on at once
 * (default 32), a per-connection bound on concurrent sessions (sshd's MaxSessions defaults to 10),
 * and failure isolation: each host's connect and work run on their own timers, so a dead, slow or
 * hostile host only ever fails itself. Jump hosts are pooled like any endpoint, so many targets
 * behind one bastion share one authenticated bastion connection (direct-tcpip channels over it).
 */
import type { Client } from 'ssh2';
import { connectEndpoint, forwardTo } from './connect';
import { classifySshError, SshError } from './errors';
import { execScript, type ExecOptions, type ExecResult } from './exec';
import { Semaphore } from './semaphore';
import { DEFAULT_READY_TIMEOUT_MS, endpointLabel, type ConnectPolicy, type SshEndpoint, type SshTarget } from './types';

export interface PoolOptions extends ConnectPolicy {
  /** Hosts worked on at once (connect + run). */
  concurrency?: number;
  /** Concurrent `run` calls sharing one connection. */
  sessionsPerHost?: number;
}

interface Entry {
  key: string;
  client: Promise<Client>;
  sessions: Semaphore;
  closed: boolean;
  resolved: Client | null;
}

/**
 * Identity of a connection: which inventory entry, as whom, where, and by which path (two paths =
 * two connections). Credentials are not part of it: after editing a host, close() its connection.
 */
function poolKey(t: SshTarget): string {
  const hop = (e: SshEndpoint) => `${e.name}=${e.username}@${e.host}:${e.port}`;
  return [...(t.jumps ?? []).map(hop), hop(t)].join(' > ');
}

export class SshPool {
  private readonly entries = new Map<string, Entry>();
  private readonly slots: Semaphore;
  private readonly sessionsPerHost: number;
  private closing = false;

  constructor(private readonly options: PoolOptions) {
    this.slots = new Semaphore(options.concurrency ?? 32);
    this.sessionsPerHost = options.sessionsPerHost ?? 8;
  }

  /** Connect (or reuse) and run `fn` with the host's client, holding one concurrency slot. */
  async run<T>(target: SshTarget, fn: (client: Client) => Promise<T>): Promise<T> {
    return this.slots.with(async () => {
      const entry = this.entry(target);
      const client = await entry.client;
      return entry.sessions.with(() => fn(client));
    });
  }

  /** Run a script on a host (see exec.ts) through the pool. */
  exec(target: SshTarget, script: string, opts: ExecOptions = {}): Promise<ExecResult> {
    return this.run(target, (client) => execScript(client, script, { label: endpointLabel(target), ...opts }));
  }

  /** A pooled client without holding a slot (terminals, long-lived tunnels). */
  connect(target: SshTarget): Promise<Client> {
    return this.entry(target).client;
  }

  get size(): number {
    return this.entries.size;
  }

  get activeSlots(): number {
    return this.slots.inUse;
  }

  /** Close one host's connection (and nothing else). */
  async close(target: SshTarget): Promise<void> {
    const entry = this.entries.get(poolKey(target));
    if (entry) await this.dispose(entry);
  }

  /** Close every connection: targets first, then the jump hosts they ran through. */
  async closeAll(): Promise<void> {
    this.closing = true;
    const all = [...this.entries.values()].sort((a, b) => b.key.split(' > ').length - a.key.split(' > ').length);
    for (const e of all) await this.dispose(e);
    this.closing = false;
  }

  private entry(target: SshTarget): Entry {
    if (this.closing) throw classifySshError(new Error('the connection pool is closing'), endpointLabel(target));
    const key = poolKey(target);
    const existing = this.entries.get(key);
    if (existing && !existing.closed) return existing;
    const client = this.open(target);
    const entry: Entry = { key, client, sessions: new Semaphore(this.sessionsPerHost), closed: false, resolved: null };
    client.then(
      (c) => {
        entry.resolved = c;
        // A dropped connection leaves the pool; the next run reconnects.
        c.once('close', () => this.forget(entry));
      },
      () => this.forget(entry), // failures are not cached: a retry dials again
    );
    this.entries.set(key, entry);
    return entry;
  }

  private async open(target: SshTarget): Promise<Client> {
    const jumps = target.jumps ?? [];
    if (jumps.length === 0) return connectEndpoint(target, this.options);
    const last = jumps[jumps.length - 1]!;
    const hop = this.entry({ ...last, jumps: jumps.slice(0, -1) });
    const via = await hop.client.catch((err: unknown) => {
      const e = classifySshError(err, endpointLabel(last));
      // Keep the hop's reason code (a changed key on the bastion matters) but say which target it blocked.
      throw new SshError(e.code, `${endpointLabel(target)}: via jump host: ${e.message}`);
    });
    const stream = await forwardTo(via, endpointLabel(last), target, this.options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS);
    return connectEndpoint(target, this.options, stream);
  }

  private forget(entry: Entry): void {
    entry.closed = true;
    if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key);
  }

  private async dispose(entry: Entry): Promise<void> {
    this.forget(entry);
    const client = entry.resolved ?? (await entry.client.catch(() => null));
    if (!client) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        client.destroy();
        resolve();
      }, 2000);
      client.once('close', () => {
        clearTimeout(t);
        resolve();
      });
      client.end();
    });
  }
}
