/** The script's own header: version, who ran it, when, and which tools the host has. */
import type { Privilege, ScanMeta } from '../../../../shared/model/scan';
import { keyValues } from '../sections';
import type { ScriptNote } from '../sections';

export function parseMeta(text: string | undefined, notes: ScriptNote[], privilege?: Privilege, sshConnection?: string | null): ScanMeta {
  const kv = keyValues(text);
  const uid = kv.get('uid');
  const conn = kv.get('ssh_connection') || sshConnection || null;
  return {
    scriptVersion: kv.get('version') ?? 'unknown',
    // exec.ts knows whether root came from sudo; the script alone only sees its uid.
    privilege: privilege ?? (uid === '0' ? 'root' : 'user'),
    user: kv.get('user') ?? '',
    collectedAt: kv.get('date') ?? new Date(0).toISOString(),
    sshConnection: conn,
    denied: [...new Set(notes.filter((n) => n.kind === 'denied').map((n) => n.detail))],
    timedOut: [...new Set(notes.filter((n) => n.kind === 'timeout').map((n) => n.detail))],
    tools: (kv.get('tools') ?? '').split(/\s+/).filter(Boolean),
  };
}
