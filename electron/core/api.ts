/**
 * The one implementation of shared/api.ts. Every door (Electron IPC, the browser host, the CLI)
 * calls `core.call(method, input)`: the input is parsed with the contract's schema here, so no
 * door can skip validation, and every failure comes back as a typed error, never a stack trace.
 * The handlers live in handlers/, one file per contract area.
 */
import { userInfo } from 'node:os';
import { api, isMethod, type Method, type Output, type ParsedInput } from '../../shared/api';
import type { EventName, EventPayload } from '../../shared/events';
import { OpsError, type Result, type VaultStatus } from '../../shared/model';
import { fromZod, toApiError } from './errors';
import { checksHandlers } from './handlers/checks';
import { inventoryHandlers } from './handlers/inventory';
import { mapHandlers } from './handlers/map';
import { terminalsHandlers } from './handlers/terminals';
import { transferHandlers } from './handlers/transfer';
import { IdleTimer } from './idle';
import { CredentialsRepo } from './vault/repos/credentials';
import { GroupsRepo } from './vault/repos/groups';
import { HostKeysRepo } from './vault/repos/host-keys';
import { HostsRepo } from './vault/repos/hosts';
import { ScansRepo } from './vault/repos/scans';
import { SettingsRepo } from './vault/repos/settings';
import { Vault, type VaultOptions } from './vault/vault';

/**
 * Requests the UI makes by itself, not on the user's behalf: they must not keep an unattended vault
 * unlocked (a terminal left flooding acks its output many times a second).
 */
const PASSIVE_METHODS: ReadonlySet<Method> = new Set<Method>(['terminals.ack']);

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
  readonly hostKeys: HostKeysRepo;
  readonly scans: ScansRepo;
  readonly log: (msg: string) => void;
  /** Minutes without a request before the vault locks itself (from settings, while unlocked). */
  idleMinutes: number | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly idle: IdleTimer;
  private readonly handlers: Handlers;

  constructor(options: CoreOptions) {
    this.vault = new Vault(options);
    this.log = options.log ?? ((m) => process.stderr.write(`[opsdeck] ${m}\n`));
    const db = () => this.vault.db();
    this.credentials = new CredentialsRepo(db);
    this.groups = new GroupsRepo(db);
    this.hosts = new HostsRepo(db, this.credentials, this.groups, () => safeUserName());
    this.settings = new SettingsRepo(db);
    this.hostKeys = new HostKeysRepo(db);
    this.scans = new ScansRepo(db);
    this.idle = new IdleTimer(
      () => this.idleMinutes,
      () => this.lock('idle'),
    );
    this.handlers = {
      ...inventoryHandlers(this),
      ...checksHandlers(this),
      ...transferHandlers(this, { allowWeakKdf: options.insecureTestKdf === true }),
      ...mapHandlers(this),
      ...terminalsHandlers(this),
    };
  }

  async call(method: unknown, rawInput: unknown): Promise<Result<unknown>> {
    if (!isMethod(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown request "${String(method)}".` } };
    const parsed = api[method].input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: fromZod(parsed.error) };
    if (!PASSIVE_METHODS.has(method)) this.idle.touch();
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

  /** Whether a window or browser is attached to answer questions (the CLI has none). */
  hasListeners(): boolean {
    return this.listeners.size > 0;
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

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(event, payload);
  }

  lock(reason: 'idle' | 'manual'): void {
    if (this.vault.state() !== 'unlocked') return;
    this.vault.lock();
    this.emit('vault.locked', { reason });
  }

  status(): VaultStatus {
    const unlocked = this.vault.state() === 'unlocked';
    return { state: this.vault.state(), path: this.vault.path, idleLockMinutes: unlocked ? this.idleMinutes : null };
  }

  afterUnlock(): VaultStatus {
    this.idleMinutes = this.settings.get().idleLockMinutes;
    return this.status();
  }

  /** Tells every client the inventory changed; returns `value` so handlers can end with it. */
  changed<T>(what: EventPayload<'inventory.changed'>['what'], value?: T): T {
    this.emit('inventory.changed', { what });
    return value as T;
  }
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'root';
  }
}
