/**
 * From inventory records to what the SSH engine dials: address, user, auth from the vault's
 * credential (decrypted only here, in memory), and the ProxyJump chain in dialling order.
 */
import { OpsError, type Host } from '../../../shared/model';
import type { SshAuth, SshEndpoint, SshTarget } from '../ssh';
import type { CredentialsRepo } from '../vault/repos/credentials';
import type { HostsRepo } from '../vault/repos/hosts';

export interface ResolvedTarget {
  host: Host;
  target: SshTarget;
  sudoPassword?: string;
}

function authFor(host: Host, credentials: CredentialsRepo, credentialId: string | null): { auth: SshAuth[]; sudoPassword?: string } {
  if (host.auth === 'agent' || !credentialId) return { auth: [{ type: 'agent' }] };
  const secret = credentials.secret(credentialId);
  if (secret.kind === 'private-key') {
    return { auth: [{ type: 'key', privateKey: secret.privateKey, ...(secret.passphrase ? { passphrase: secret.passphrase } : {}) }] };
  }
  // Password logins: servers offer either method; the same password usually opens sudo too.
  const auth: SshAuth[] =
    host.auth === 'keyboard-interactive'
      ? [{ type: 'keyboard-interactive', password: secret.password }]
      : [
          { type: 'password', password: secret.password },
          { type: 'keyboard-interactive', password: secret.password },
        ];
  return { auth, sudoPassword: secret.password };
}

export function resolveTarget(name: string, hosts: HostsRepo, credentials: CredentialsRepo): ResolvedTarget {
  const host = hosts.get(name);
  const endpoint = (h: Host): SshEndpoint & { sudoPassword?: string } => {
    const { auth, sudoPassword } = authFor(h, credentials, h.credential ? credentials.idOf(h.credential) : null);
    return { name: h.name, host: h.address, port: h.port, username: h.user, auth, ...(sudoPassword !== undefined ? { sudoPassword } : {}) };
  };
  const jumps: SshEndpoint[] = [];
  const seen = new Set([host.name]);
  for (let j = host.jumpHost; j;) {
    if (seen.has(j)) throw new OpsError('VALIDATION', `Jump host cycle through ${j}.`, 'jumpHost');
    seen.add(j);
    const jh = hosts.get(j);
    const { sudoPassword: _ignored, ...hop } = endpoint(jh);
    jumps.unshift(hop);
    j = jh.jumpHost;
  }
  const { sudoPassword, ...self } = endpoint(host);
  return { host, target: { ...self, ...(jumps.length ? { jumps } : {}) }, ...(sudoPassword !== undefined ? { sudoPassword } : {}) };
}

/** Names for a check: explicit names, plus every host with one of the tags or in one of the groups; none = all. */
export function selectHosts(all: Host[], sel: { hosts: string[]; tags: string[]; groups: string[] }): Host[] {
  if (sel.hosts.length === 0 && sel.tags.length === 0 && sel.groups.length === 0) return all;
  const byName = new Map(all.map((h) => [h.name.toLowerCase(), h]));
  for (const n of sel.hosts) if (!byName.has(n.toLowerCase())) throw new OpsError('NOT_FOUND', `No host named "${n}".`, 'hosts');
  const names = new Set(sel.hosts.map((n) => n.toLowerCase()));
  const picked = all.filter(
    (h) =>
      names.has(h.name.toLowerCase()) ||
      h.tags.some((t) => sel.tags.includes(t)) ||
      h.groups.some((g) => sel.groups.some((sg) => sg.toLowerCase() === g.toLowerCase())),
  );
  if (picked.length === 0) throw new OpsError('NOT_FOUND', 'No host matches those tags or groups.', 'hosts');
  return picked;
}
