/** The vault and the inventory: hosts, credentials, groups, settings. */
import { z } from 'zod';
import {
  Credential,
  CredentialInput,
  Group,
  GroupInput,
  Host,
  HostInput,
  HostBulkChange,
  HostPatch,
  Name,
  Passphrase,
  Settings,
  VaultStatus,
} from '../model';
import { Empty, method, Ok } from './method';

export const inventoryContract = {
  'vault.status': method(Empty, VaultStatus, 'Where the vault is and whether it is locked'),
  'vault.create': method(z.object({ passphrase: Passphrase }), VaultStatus, 'Create a new vault and unlock it'),
  'vault.unlock': method(z.object({ passphrase: z.string().min(1, 'Passphrase is required').max(1024) }), VaultStatus, 'Unlock the vault'),
  'vault.lock': method(Empty, VaultStatus, 'Lock the vault and forget the key'),
  'vault.changePassphrase': method(
    z.object({ current: z.string().min(1).max(1024), next: Passphrase }),
    VaultStatus,
    'Re-wrap the data key with a new passphrase; the old one stops working',
  ),
  'settings.get': method(Empty, Settings, 'Read settings'),
  'settings.update': method(Settings.partial(), Settings, 'Change settings'),

  'hosts.list': method(Empty, z.array(Host), 'Every host, sorted by name'),
  'hosts.get': method(z.object({ name: Name }), Host, 'One host by name'),
  'hosts.add': method(HostInput, Host, 'Add a host'),
  'hosts.update': method(z.object({ name: Name, patch: HostPatch }), Host, 'Change a host'),
  'hosts.remove': method(z.object({ name: Name }), Ok, 'Delete a host'),
  'hosts.bulk': method(
    z.object({ names: z.array(Name).min(1, 'Choose at least one host').max(10000), change: HostBulkChange }),
    z.object({ changed: z.number().int() }),
    'Delete, tag or group many hosts in one step: all of them or, on any refusal, none',
  ),

  'credentials.list': method(Empty, z.array(Credential), 'Every credential (never the secrets)'),
  'credentials.add': method(CredentialInput, Credential, 'Store a private key or password in the vault'),
  'credentials.remove': method(z.object({ name: Name }), Ok, 'Delete a credential no host uses'),

  'groups.list': method(Empty, z.array(Group), 'Every group with its host count'),
  'groups.add': method(GroupInput, Group, 'Create a group'),
  'groups.remove': method(z.object({ name: Name }), Ok, 'Delete a group (hosts stay)'),
} as const;
