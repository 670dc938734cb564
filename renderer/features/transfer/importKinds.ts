/** What the wizard says about each kind of file it imports. */
import type { ImportKind } from '../../../shared/contract/transfer';

export interface KindInfo {
  kind: ImportKind;
  label: string;
  title: string;
  hint: string;
  accept?: string;
  /** Read by the core when the user asks for "my" file. */
  defaultPath?: string;
}

export const importKinds: readonly KindInfo[] = [
  {
    kind: 'ssh-config',
    label: 'SSH config',
    title: 'Drop an OpenSSH client config here',
    hint: 'Host blocks with HostName, User, Port, IdentityFile (keys are stored in the vault) and ProxyJump. Include and IdentityFile paths are read on this computer.',
    defaultPath: '~/.ssh/config',
  },
  {
    kind: 'known-hosts',
    label: 'known_hosts',
    title: 'Drop a known_hosts file here',
    hint: 'Trusted host keys, hashed entries included; @revoked keys are removed from the vault, @cert-authority lines are listed as skipped.',
    defaultPath: '~/.ssh/known_hosts',
  },
  {
    kind: 'ansible',
    label: 'Ansible',
    title: 'Drop an Ansible inventory here',
    hint: 'INI or YAML: groups and children, ansible_host, ansible_port, ansible_user, ansible_ssh_private_key_file, ranges like web[01:20].',
    accept: '.ini,.yml,.yaml,.cfg,.txt,.json',
  },
  {
    kind: 'csv',
    label: 'CSV',
    title: 'Drop a CSV file here',
    hint: 'A header row (name, address, port, user, tags, groups, …). You map the columns in the next step.',
    accept: '.csv,.tsv,.txt',
  },
];

export const kindInfo = (kind: ImportKind): KindInfo => importKinds.find((k) => k.kind === kind) ?? (importKinds[0] as KindInfo);
