/**
 * Unknown host keys for terminals are asked about where the user asked for the terminal: opening
 * comes back with the key's fingerprint instead of a session, the pane shows it, and the user
 * opens again with that fingerprint in `trust`. The key is then trusted (and stored in the vault by
 * the SSH engine) only if the server presents exactly that key at exactly that address, so an
 * answer can never approve a key the user did not see. Changed keys never reach this code: the
 * engine refuses them outright.
 */
import type { HostKeyQuestion } from '../../../shared/contract/terminals';
import type { ConfirmNewKey, SshEndpoint } from '../ssh';

/** An approval is for the next connection attempt, not forever. */
const APPROVAL_TTL_MS = 2 * 60_000;

const id = (host: string, port: number) => `${host.toLowerCase()}:${port}`;

export class HostKeyTrust {
  private readonly approved = new Map<string, number>();
  private readonly offered = new Map<string, { keyType: string; fingerprint: string }>();

  /** The engine's confirmer: yes for an approved key at that address, otherwise note it and refuse. */
  readonly confirm: ConfirmNewKey = (host, fingerprint, keyType, port) => {
    const key = `${id(host, port)} ${fingerprint}`;
    const until = this.approved.get(key);
    if (until !== undefined && until >= Date.now()) {
      this.approved.delete(key);
      return Promise.resolve(true);
    }
    this.offered.set(id(host, port), { keyType, fingerprint });
    return Promise.resolve(false);
  };

  /** The user saw these fingerprints on the way to these endpoints and trusts them. */
  approve(endpoints: readonly SshEndpoint[], fingerprints: readonly string[]): void {
    const until = Date.now() + APPROVAL_TTL_MS;
    for (const e of endpoints) for (const fp of fingerprints) this.approved.set(`${id(e.host, e.port)} ${fp}`, until);
  }

  /** The first endpoint on the way (jump hosts first) whose key was just refused for being unknown. */
  question(endpoints: readonly SshEndpoint[]): HostKeyQuestion | null {
    for (const e of endpoints) {
      const seen = this.offered.get(id(e.host, e.port));
      if (seen) {
        this.offered.delete(id(e.host, e.port));
        return { hop: e.name, address: e.host, port: e.port, keyType: seen.keyType, fingerprint: seen.fingerprint };
      }
    }
    return null;
  }

  /** Drop what an attempt left behind (approvals not used, keys seen). */
  forget(endpoints: readonly SshEndpoint[]): void {
    for (const e of endpoints) this.offered.delete(id(e.host, e.port));
    const now = Date.now();
    for (const [k, until] of this.approved) if (until < now) this.approved.delete(k);
  }
}
