/**
 * What every import parser produces before the planner compares it with the vault: hosts as the
 * file describes them (values still unchecked against the contract), host keys, skipped entries and
 * notes. The planner decides add / update / skip; parsers only read.
 */
import type { AuthMethod } from '../../../shared/model';
import type { KnownHostsEntry } from '../ssh/known-hosts';

export interface SourceRef {
  file: string;
  line: number | null;
}

export interface ParsedHost {
  name: string;
  /** Unset: the name is the address (ssh_config without HostName, Ansible without ansible_host). */
  address?: string;
  port?: number;
  user?: string;
  auth?: AuthMethod;
  /** Absolute path of a private key file to store as a credential. */
  identityFile?: string;
  /** A credential already in the vault, by name (CSV, Ansible `opsdeck_credential`). */
  credential?: string;
  /** Another parsed host or a vault host, by name. */
  jumpHost?: string;
  groups: string[];
  tags: string[];
  notes?: string;
  warnings: string[];
  source: SourceRef;
  /**
   * Made up by the parser for a ProxyJump hop that is not a host of its own (`ops@bastion:2222`):
   * the planner uses a vault host with the same address and port instead when there is one.
   */
  synthetic?: { reason: string };
}

export interface SkippedEntry {
  kind: 'host' | 'host-key';
  name: string;
  detail: string;
  reason: string;
  source: SourceRef;
}

export interface ParsedNote {
  source: SourceRef | null;
  message: string;
}

export interface ParsedInventory {
  hosts: ParsedHost[];
  skipped: SkippedEntry[];
  notes: ParsedNote[];
}

export interface ParsedKnownHosts {
  file: string;
  entries: KnownHostsEntry[];
  notes: ParsedNote[];
}
