/**
 * ssh2 ConnectConfig for one hop. Kept separate from the connect logic so the security-relevant
 * choices (verifier always present, algorithm lists, no agent forwarding) are in one short file.
 */
import type { Duplex } from 'node:stream';
import type { ConnectConfig, MacAlgorithm, ServerHostKeyAlgorithm } from 'ssh2';
import { buildAuthHandler, type SshAuth } from './auth';
import { orderHostKeyAlgorithms } from './fingerprint';
import { DEFAULT_KEEPALIVE_COUNT_MAX, DEFAULT_KEEPALIVE_INTERVAL_MS, endpointLabel, type ConnectPolicy, type SshEndpoint } from './types';

/** SHA-1 MACs are dropped; ssh2's default kex and cipher lists already exclude SHA-1 and CBC. */
const MACS: MacAlgorithm[] = ['hmac-sha2-256-etm@openssh.com', 'hmac-sha2-512-etm@openssh.com', 'hmac-sha2-256', 'hmac-sha2-512'];

export type HostVerifierFn = (key: Buffer, verify: (valid: boolean) => void) => void;

export interface HopOptions {
  endpoint: SshEndpoint;
  policy: ConnectPolicy;
  /** Key types already trusted for this host: offered first so the server shows the key we know. */
  knownKeyTypes: readonly string[];
  hostVerifier: HostVerifierFn;
  /** The forwarded channel from the previous hop, for ProxyJump. */
  sock?: Duplex;
}

export function buildConnectConfig(o: HopOptions): ConnectConfig {
  const auths: readonly SshAuth[] = Array.isArray(o.endpoint.auth) ? o.endpoint.auth : [o.endpoint.auth as SshAuth];
  const config: ConnectConfig = {
    host: o.endpoint.host,
    port: o.endpoint.port,
    username: o.endpoint.username,
    hostVerifier: o.hostVerifier,
    authHandler: buildAuthHandler(o.endpoint.username, auths, endpointLabel(o.endpoint)),
    // Our own handshake timer (connect.ts) replaces ssh2's: it must pause while a human reads a fingerprint.
    readyTimeout: 0,
    keepaliveInterval: o.policy.keepaliveIntervalMs ?? DEFAULT_KEEPALIVE_INTERVAL_MS,
    keepaliveCountMax: o.policy.keepaliveCountMax ?? DEFAULT_KEEPALIVE_COUNT_MAX,
    agentForward: false,
    algorithms: { serverHostKey: orderHostKeyAlgorithms(o.knownKeyTypes) as ServerHostKeyAlgorithm[], hmac: MACS },
  };
  if (o.sock) config.sock = o.sock;
  return config;
}
