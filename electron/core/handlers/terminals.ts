/** Handlers for terminals, snippets, terminal preferences and recordings (shared/contract/terminals.ts). */
import type { terminalsContract } from '../../../shared/contract/terminals';
import type { Core } from '../api';
import { terminalService } from '../terminals';
import type { SectionHandlers } from './types';

export function terminalsHandlers(core: Core): SectionHandlers<typeof terminalsContract> {
  const t = terminalService(core);
  const ok = { ok: true as const };
  const hostId = (name: string) => core.hosts.get(name).id;
  return {
    'terminals.open': (input) => t.open(input),
    'terminals.input': ({ ids, data, binary }) => ({ sent: t.input(ids, data, binary) }),
    'terminals.resize': ({ id, cols, rows }) => {
      t.resize(id, cols, rows);
      return ok;
    },
    'terminals.ack': ({ id, seq }) => {
      t.ack(id, seq);
      return ok;
    },
    'terminals.close': ({ id }) => {
      t.close(id);
      return ok;
    },
    'terminals.list': () => t.list(),
    'terminals.attach': ({ id }) => t.attach(id),
    'terminals.prefs.get': () => t.prefs.get(),
    'terminals.prefs.update': (patch) => t.prefs.update(patch),
    'terminals.hostPrefs.list': () => t.prefs.hostPrefs(),
    'terminals.hostPrefs.set': ({ host, record }) => {
      t.prefs.setHostRecord(hostId(host), record);
      return ok;
    },
    'terminals.snippets.list': () => t.snippets.list(),
    'terminals.snippets.add': ({ name, command }) => t.snippets.add(name, command),
    'terminals.snippets.update': ({ id, name, command }) => t.snippets.update(id, { name, command }),
    'terminals.snippets.remove': ({ id }) => {
      t.snippets.remove(id);
      return ok;
    },
    'terminals.recordings.list': ({ host, limit }) => t.recordings.list(limit, host ? hostId(host) : undefined),
    'terminals.recordings.read': ({ id, page }) => t.recordings.read(id, page),
    'terminals.recordings.remove': ({ id }) => {
      t.recordings.remove(id);
      return ok;
    },
  };
}
