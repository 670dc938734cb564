/**
 * What the SSH engine needs to reach a host. The vault's Host + Credential records map onto these
 * (the lead's wiring); nothing here knows about the vault.
 */
import type { SshAuth } from './auth';
import type { ConfirmNewKey, HostKeyStore } from './host-keys';

export interface SshEndpoint {
  /** Inventory name, used in messages and as the pool key. */
  name: string;
  host: string;
  port: number;
  username: string;
  /** Tried in order; methods the server does not offer are skipped. */
  auth: SshAuth | readonly SshAuth[];
}

export interface SshTarget extends SshEndpoint {
  /** ProxyJump chain, in dialling order: jumps[0] is reached directly, the target through the last one. */
  jumps?: readonly SshEndpoint[];
}

export interface ConnectPolicy {
  hostKeys: HostKeyStore;
  /** Unknown host keys: ask here (UI dialog / --accept-new). Absent = refuse unknown keys. */
  confirmNewKey?: ConfirmNewKey;
  /** TCP connect + SSH handshake + auth, excluding time spent waiting for the user to confirm a key. */
  readyTimeoutMs?: number;
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
}

export const DEFAULT_READY_TIMEOUT_MS = 15_000;
export const DEFAULT_KEEPALIVE_INTERVAL_MS = 15_000;
export const DEFAULT_KEEPALIVE_COUNT_MAX = 3;

export function endpointLabel(e: Pick<SshEndpoint, 'name' | 'host' | 'port'>): string {
  return e.name === e.host ? `${e.host}:${e.port}` : `${e.name} (${e.host}:${e.port})`;
}
