/**
 * Open one authenticated ssh2 connection, directly or over a forwarded channel (one ProxyJump
 * hop). Every hop gets its own host key verification; a jump host's trust never covers the target.
 */
import type { Duplex } from 'node:stream';
import ssh2 from 'ssh2';
import type { Client } from 'ssh2';
import { buildConnectConfig } from './connect-options';
import { classifySshError, SshError } from './errors';
import { verifyHostKey } from './host-keys';
import { DEFAULT_READY_TIMEOUT_MS, endpointLabel, type ConnectPolicy, type SshEndpoint } from './types';

/**
 * A timer that can be paused: the handshake deadline must not run while the user reads a host key
 * fingerprint (the server's own LoginGraceTime still bounds that wait).
 */
function pausableTimer(ms: number, onFire: () => void) {
  let remaining = ms;
  let startedAt = Date.now();
  let handle: NodeJS.Timeout | null = setTimeout(onFire, remaining);
  return {
    pause() {
      if (!handle) return;
      clearTimeout(handle);
      handle = null;
      remaining -= Date.now() - startedAt;
    },
    resume() {
      if (handle) return;
      startedAt = Date.now();
      handle = setTimeout(onFire, Math.max(0, remaining));
    },
    stop() {
      if (handle) clearTimeout(handle);
      handle = null;
    },
  };
}

export async function connectEndpoint(endpoint: SshEndpoint, policy: ConnectPolicy, sock?: Duplex): Promise<Client> {
  const label = endpointLabel(endpoint);
  const known = await policy.hostKeys.lookup(endpoint.host, endpoint.port);
  const knownKeyTypes = known.filter((k) => k.marker === undefined).map((k) => k.keyType);

  return new Promise<Client>((resolve, reject) => {
    const client = new ssh2.Client();
    // The first failure wins: our verifier's precise reason beats ssh2's generic "Host denied".
    let failure: SshError | null = null;
    let settled = false;
    const fail = (err: SshError) => {
      failure ??= err;
      if (settled) return;
      settled = true;
      timer.stop();
      client.removeAllListeners('ready');
      client.destroy();
      reject(failure);
    };
    const timer = pausableTimer(policy.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS, () =>
      fail(
        new SshError(
          'TIMEOUT',
          `${label}: no SSH connection within ${Math.round((policy.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS) / 1000)} s`,
        ),
      ),
    );

    const hostVerifier = (key: Buffer, verify: (valid: boolean) => void) => {
      verifyHostKey(
        {
          label,
          host: endpoint.host,
          port: endpoint.port,
          store: policy.hostKeys,
          confirmNewKey: policy.confirmNewKey,
          onPrompt: (waiting) => (waiting ? timer.pause() : timer.resume()),
        },
        key,
      ).then(
        () => verify(true),
        (err: unknown) => {
          failure ??= classifySshError(err, label);
          verify(false);
        },
      );
    };

    let config;
    try {
      config = buildConnectConfig({ endpoint, policy, knownKeyTypes, hostVerifier, ...(sock ? { sock } : {}) });
    } catch (err) {
      timer.stop();
      reject(classifySshError(err, label));
      return;
    }

    client.once('ready', () => {
      if (settled) return;
      settled = true;
      timer.stop();
      resolve(client);
    });
    client.on('error', (err: Error) => fail(failure ?? classifySshError(err, label)));
    client.once('close', () =>
      fail(failure ?? new SshError('UNREACHABLE', `${label}: the server closed the connection during the handshake`)),
    );
    try {
      client.connect(config);
    } catch (err) {
      fail(classifySshError(err, label));
    }
  });
}

/** Open a TCP channel from `via` to host:port, to carry the next hop's SSH connection. */
export function forwardTo(via: Client, viaLabel: string, endpoint: SshEndpoint, timeoutMs: number): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new SshError(
            'TIMEOUT',
            `${endpointLabel(endpoint)}: jump host ${viaLabel} did not open a channel within ${Math.round(timeoutMs / 1000)} s`,
          ),
        ),
      timeoutMs,
    );
    try {
      via.forwardOut('127.0.0.1', 0, endpoint.host, endpoint.port, (err, stream) => {
        clearTimeout(timer);
        if (err) {
          reject(
            new SshError(
              'UNREACHABLE',
              `${endpointLabel(endpoint)}: jump host ${viaLabel} could not connect to it (${err.message.replace(/^\(SSH\)\s*/, '')})`,
            ),
          );
          return;
        }
        resolve(stream);
      });
    } catch (err) {
      clearTimeout(timer);
      reject(classifySshError(err, viaLabel));
    }
  });
}
