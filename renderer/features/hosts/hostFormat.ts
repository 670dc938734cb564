/** How host fields read in the list and dialogs. */
import type { AuthMethod, Host } from '../../../shared/model';

const AUTH_LABELS: Record<AuthMethod, string> = {
  key: 'Key',
  password: 'Password',
  agent: 'Agent',
  'keyboard-interactive': 'Interactive',
};

export function authLabel(auth: AuthMethod): string {
  return AUTH_LABELS[auth];
}

/** IPv6 addresses are bracketed the way ssh and URLs write them, so a port can follow. */
export function bracketed(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

export function formatAddress(h: Pick<Host, 'address' | 'port'>): string {
  return `${bracketed(h.address)}:${h.port}`;
}
