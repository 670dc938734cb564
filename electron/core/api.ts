/**
 * The one implementation of shared/api.ts. Every door (Electron IPC, the browser host, the CLI)
 * calls `core.call(method, input)`: the input is parsed with the contract's schema here, so no
 * door can skip validation, and every failure comes back as a typed error, never a stack trace.
 */
import { userInfo } from 'node:os';
import { api, isMethod, type Method, type Output, type ParsedInput } from '../../shared/api';
import type { EventName, EventPayload } from '../../shared/events';
import { OpsError, type Result, type VaultStatus } from '../../shared/model';
import { fromZod, toApiError } from './errors';
import { IdleTimer } from './idle';
import { CredentialsRepo } from './vault/repos/credentials';
import { GroupsRepo } from './vault/repos/groups';
import { HostsRepo } from './vault/repos/hosts';
import { SettingsRepo } from './vault/repos/settings';
import { Vault, type VaultOptions } from './vault/vault';

export interface CoreOptions extends VaultOptions {
  log?: (msg: string) => void;
}

type Handlers = { [M in Method]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };
type Listener = (event: EventName, payload: unknown) => void;

export class Core {
  readonly vault: Vault;
  readonly credentials: CredentialsRepo;
  readonly groups: GroupsRepo;
  readonly hosts: HostsRepo;
  readonly settings: SettingsRepo;
  private readonly listeners = new Set<Listener>();
  private readonly idle: IdleTimer;
  private readonly log: (msg: string) => void;
  private idleMinutes: number | null = null;

  constructor(options: CoreOptions) {
    this.vault = new Vault(options);
    this.log = options.log ?? ((m) => process.stderr.write(`[opsdeck] ${m}\n`));
    const db = () => this.vault.db();
    this.credentials = new CredentialsRepo(db);
    this.groups = new GroupsRepo(db);
    this.hosts = new HostsRepo(db, this.credentials, this.groups, () => safeUserName());
    this.settings = new SettingsRepo(db);
    this.idle = new IdleTimer(
      () => this.idleMinutes,
      () => this.lock('idle'),
    );
  }

  async call(method: unknown, rawInput: unknown): Promise<Result<unknown>> {
    if (!isMethod(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown request "${String(method)}".` } };
    const parsed = api[method].input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: fromZod(parsed.error) };
    this.idle.touch();
    try {
      const handler = this.handlers[method] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (e) {
      return { ok: false, error: toApiError(e, this.log) };
    }
  }

  /** Same as call() but throws OpsError: handy for the CLI and tests. */
  async invoke<M extends Method>(method: M, input: unknown): Promise<Output<M>> {
    const r = await this.call(method, input);
    if (!r.ok) throw new OpsError(r.error.code, r.error.message, r.error.field);
    return r.value as Output<M>;
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.idle.stop();
    this.vault.lock();
    this.listeners.clear();
  }

  private emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(event, payload);
  }

  private lock(reason: 'idle' | 'manual'): void {
    if (this.vault.state() !== 'unlocked') return;
    this.vault.lock();
    this.emit('vault.locked', { reason });
  }

  private status(): VaultStatus {
    return { state: this.vault.state(), path: this.vault.path, idleLockMinutes: this.vault.state() === 'unlocked' ? this.idleMinutes : null };
  }

  private afterUnlock(): VaultStatus {
    this.idleMinutes = this.settings.get().idleLockMinutes;
    return this.status();
  }

  private changed(what: EventPayload<'inventory.changed'>['what']): void {
    this.emit('inventory.changed', { what });
  }

  private readonly handlers: Handlers = {
    'vault.status': () => this.status(),
    'vault.create': async ({ passphrase }) => {
      await this.vault.create(passphrase);
      return this.afterUnlock();
    },
    'vault.unlock': async ({ passphrase }) => {
      await this.vault.unlock(passphrase);
      return this.afterUnlock();
    },
    'vault.lock': () => {
      this.lock('manual');
      return this.status();
    },
    'vault.changePassphrase': async ({ current, next }) => {
      await this.vault.changePassphrase(current, next);
      return this.status();
    },
    'settings.get': () => this.settings.get(),
    'settings.update': (patch) => {
      const s = this.settings.update(patch);
      this.idleMinutes = s.idleLockMinutes;
      this.changed('settings');
      return s;
    },
    'hosts.list': () => this.hosts.list(),
    'hosts.get': ({ name }) => this.hosts.get(name),
    'hosts.add': (input) => {
      const h = this.hosts.add(input);
      this.changed('hosts');
      return h;
    },
    'hosts.update': ({ name, patch }) => {
      const h = this.hosts.update(name, patch);
      this.changed('hosts');
      return h;
    },
    'hosts.remove': ({ name }) => {
      this.hosts.remove(name);
      this.changed('hosts');
      return { ok: true as const };
    },
    'credentials.list': () => this.credentials.list(),
    'credentials.add': (input) => {
      const c = this.credentials.add(input);
      this.changed('credentials');
      return c;
    },
    'credentials.remove': ({ name }) => {
      this.credentials.remove(name);
      this.changed('credentials');
      return { ok: true as const };
    },
    'groups.list': () => this.groups.list(),
    'groups.add': ({ name, description }) => {
      const g = this.groups.add(name, description);
      this.changed('groups');
      return g;
    },
    'groups.remove': ({ name }) => {
      this.groups.remove(name);
      this.changed('groups');
      return { ok: true as const };
    },
  };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'root';
  }
}
