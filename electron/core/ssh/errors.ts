/**
 * One error type for everything SSH, with the stable reason codes a deep check reports per host.
 * ssh2 reports failures as loosely typed Errors (a `level`, sometimes a Node `code`); this file is
 * the only place that knows those shapes. Messages are written for humans and never carry secrets:
 * they are built from our own words plus the host label, never from credential material.
 */
import type { HostFailureCode } from '../../../shared/model/scan';

export type SshFailureCode = HostFailureCode;

export class SshError extends Error {
  constructor(
    readonly code: SshFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'SshError';
  }
}

interface Ssh2ErrorShape {
  message?: unknown;
  level?: unknown;
  code?: unknown;
}

function shape(err: unknown): Ssh2ErrorShape {
  return typeof err === 'object' && err !== null ? err : { message: String(err) };
}

/** Remote or library text can carry control characters: keep messages printable and short. */
export function cleanText(text: string, max = 300): string {
  // eslint-disable-next-line no-control-regex
  const printable = text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
  return printable.length > max ? `${printable.slice(0, max)}…` : printable;
}

const SOCKET_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is sshd running on that port?)',
  EHOSTUNREACH: 'no route to host',
  ENETUNREACH: 'network unreachable',
  EHOSTDOWN: 'host is down',
  ETIMEDOUT: 'TCP connection timed out',
  ECONNRESET: 'connection reset by the server',
  ENOTFOUND: 'host name does not resolve',
  EAI_AGAIN: 'host name lookup failed (temporary DNS failure)',
  EPIPE: 'connection closed by the server',
};

/**
 * Turn whatever ssh2 (or the socket) threw into an SshError for `label` ("web1 (198.18.0.11:22)").
 * Host key outcomes are decided by our verifier, which throws its own SshError, so ssh2's generic
 * "Host denied" never reaches this function on the happy path.
 */
export function classifySshError(err: unknown, label: string): SshError {
  if (err instanceof SshError) return err;
  const e = shape(err);
  const message = typeof e.message === 'string' ? e.message : '';
  const level = typeof e.level === 'string' ? e.level : '';
  const code = typeof e.code === 'string' ? e.code : '';

  if (level === 'client-timeout' || /timed out/i.test(message)) {
    return new SshError(
      'TIMEOUT',
      /keepalive/i.test(message)
        ? `${label}: the connection stopped answering (keepalive timeout)`
        : `${label}: no SSH handshake within the time limit`,
    );
  }
  if (level === 'client-authentication' || /authentication methods failed/i.test(message)) {
    return new SshError('AUTH_FAILED', `${label}: the server refused the configured credentials`);
  }
  if (level === 'agent') return new SshError('AUTH_FAILED', `${label}: the SSH agent could not be used (${cleanText(message, 120)})`);
  if (level === 'client-socket' || code in SOCKET_REASONS) {
    return new SshError('UNREACHABLE', `${label}: ${SOCKET_REASONS[code] ?? cleanText(message || 'socket error', 120)}`);
  }
  if (level === 'handshake') return new SshError('UNREACHABLE', `${label}: SSH handshake failed (${cleanText(message, 160)})`);
  if (/Host denied/i.test(message)) return new SshError('HOST_KEY_REJECTED', `${label}: host key not accepted`);
  return new SshError('UNREACHABLE', `${label}: ${cleanText(message || 'connection failed', 160)}`);
}
