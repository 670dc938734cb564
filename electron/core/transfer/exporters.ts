/**
 * Exports of the inventory (never a secret): an Ansible YAML inventory, an OpenSSH client config
 * snippet and CSV, each written so that importing it back gives the same hosts and groups. OpsDeck
 * fields Ansible has no variable for travel as opsdeck_* host variables.
 */
import { Document } from 'yaml';
import type { ExportFormat } from '../../../shared/contract/transfer';
import type { Credential, Host } from '../../../shared/model';

export interface ExportedText {
  fileName: string;
  mimeType: string;
  content: string;
}

const stamp = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const fileStamp = () => new Date().toISOString().slice(0, 10);

function endpointOf(h: Host): string {
  const address = h.address.includes(':') ? `[${h.address}]` : h.address;
  return `${h.user}@${address}:${h.port}`;
}

/** The ProxyJump value for a host: its jump chain, outermost first, as user@address:port hops. */
function jumpChain(h: Host, byName: Map<string, Host>): string[] {
  const chain: string[] = [];
  let cursor = h.jumpHost ? byName.get(h.jumpHost.toLowerCase()) : undefined;
  while (cursor && chain.length < 32) {
    chain.unshift(endpointOf(cursor));
    cursor = cursor.jumpHost ? byName.get(cursor.jumpHost.toLowerCase()) : undefined;
  }
  return chain;
}

export function exportAnsible(hosts: readonly Host[], credentials: readonly Credential[]): ExportedText {
  const byName = new Map(hosts.map((h) => [h.name.toLowerCase(), h]));
  const kinds = new Map(credentials.map((c) => [c.name.toLowerCase(), c.kind]));
  const allHosts: Record<string, Record<string, unknown>> = {};
  const groups = new Map<string, string[]>();
  for (const h of hosts) {
    const vars: Record<string, unknown> = { ansible_host: h.address };
    if (h.port !== 22) vars['ansible_port'] = h.port;
    vars['ansible_user'] = h.user;
    const chain = jumpChain(h, byName);
    if (chain.length > 0) {
      vars['ansible_ssh_common_args'] = `-o ProxyJump=${chain.join(',')}`;
      vars['opsdeck_jump_host'] = h.jumpHost;
    }
    if (h.credential) vars['opsdeck_credential'] = h.credential;
    const derived = h.credential ? (kinds.get(h.credential.toLowerCase()) === 'password' ? 'password' : 'key') : 'agent';
    if (h.auth !== derived) vars['opsdeck_auth'] = h.auth;
    if (h.tags.length > 0) vars['opsdeck_tags'] = h.tags;
    if (h.notes) vars['opsdeck_notes'] = h.notes;
    allHosts[h.name] = vars;
    for (const g of h.groups) groups.set(g, [...(groups.get(g) ?? []), h.name]);
  }
  const children: Record<string, { hosts: Record<string, null> }> = {};
  for (const [g, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    children[g] = { hosts: Object.fromEntries(members.map((m) => [m, null])) };
  }
  const doc = new Document({ all: { hosts: allHosts, ...(groups.size > 0 ? { children } : {}) } });
  doc.commentBefore =
    ` Ansible inventory exported by OpsDeck on ${stamp()}.\n` +
    ' Keys and passwords stay in the OpsDeck vault: set ansible_ssh_private_key_file or use your SSH agent.\n' +
    ' opsdeck_* variables keep what Ansible has no variable for, so this file imports back into OpsDeck unchanged.';
  return {
    fileName: `opsdeck-inventory-${fileStamp()}.yml`,
    mimeType: 'application/yaml',
    content: doc.toString({ lineWidth: 0, nullStr: '' }),
  };
}

/** A value for ssh_config: quoted when it has spaces or quotes. */
function sshValue(v: string): string {
  return /[\s"#]/.test(v) ? `"${v.replace(/(["\\])/g, '\\$1')}"` : v;
}

export function exportSshConfig(hosts: readonly Host[]): ExportedText {
  const lines = [
    `# OpenSSH client config exported by OpsDeck on ${stamp()}.`,
    '# Include it from ~/.ssh/config (Include opsdeck.conf) or paste it in. Keys stay in the OpsDeck vault.',
    '',
  ];
  for (const h of hosts) {
    lines.push(`Host ${h.name}`);
    lines.push(`  HostName ${h.address}`);
    lines.push(`  User ${sshValue(h.user)}`);
    if (h.port !== 22) lines.push(`  Port ${h.port}`);
    if (h.jumpHost) lines.push(`  ProxyJump ${h.jumpHost}`);
    if (h.credential) lines.push(`  # key: ${h.credential} (in the OpsDeck vault)`);
    if (h.tags.length > 0 || h.groups.length > 0) {
      lines.push(
        `  # ${[h.groups.length ? `groups: ${h.groups.join(', ')}` : '', h.tags.length ? `tags: ${h.tags.join(', ')}` : ''].filter(Boolean).join('; ')}`,
      );
    }
    lines.push('');
  }
  return { fileName: `opsdeck-ssh-config-${fileStamp()}.conf`, mimeType: 'text/plain', content: lines.join('\n') };
}

export const CSV_COLUMNS = ['name', 'address', 'port', 'user', 'auth', 'credential', 'jump_host', 'tags', 'groups', 'notes'] as const;

function csvCell(v: string): string {
  // A cell starting with = + - @ would run as a formula in a spreadsheet: prefix it with ' (the import strips it).
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function exportCsv(hosts: readonly Host[]): ExportedText {
  const rows = [CSV_COLUMNS.join(',')];
  for (const h of hosts) {
    rows.push(
      [
        h.name,
        h.address,
        String(h.port),
        h.user,
        h.auth,
        h.credential ?? '',
        h.jumpHost ?? '',
        h.tags.join(';'),
        h.groups.join(';'),
        h.notes,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return { fileName: `opsdeck-hosts-${fileStamp()}.csv`, mimeType: 'text/csv', content: rows.join('\r\n') + '\r\n' };
}

export function exportInventory(format: ExportFormat, hosts: readonly Host[], credentials: readonly Credential[]): ExportedText {
  if (format === 'ansible') return exportAnsible(hosts, credentials);
  if (format === 'ssh-config') return exportSshConfig(hosts);
  return exportCsv(hosts);
}
