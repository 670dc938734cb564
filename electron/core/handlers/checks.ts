/** Handlers for deep checks, scans, drift, host keys and fleet views (shared/contract/checks.ts). */
import type { checksContract } from '../../../shared/contract/checks';
import { OpsError } from '../../../shared/model';
import type { Core } from '../api';
import { CheckService } from '../checks/service';
import { fleetMap, fleetOverview } from '../checks/views';
import { diffScans } from '../discovery';
import type { SectionHandlers } from './types';

export function checksHandlers(core: Core): SectionHandlers<typeof checksContract> {
  const checks = new CheckService(core);
  const ok = { ok: true as const };
  return {
    'checks.run': (input) => checks.run(input),
    'checks.cancel': async ({ runId }) => {
      await checks.cancel(runId);
      return ok;
    },
    'hostkeys.answer': ({ requestId, accept }) => {
      checks.answer(requestId, accept);
      return ok;
    },
    'hostkeys.list': () => core.hostKeys.list(),
    'hostkeys.revoked': () =>
      core.hostKeys.revoked().map(({ keyType, fingerprint, source, addedAt }) => ({ keyType, fingerprint, source, addedAt })),
    'hostkeys.forget': ({ host }) => {
      const h = core.hosts.get(host);
      return { removed: core.hostKeys.forget(h.address, h.port) };
    },
    'scans.list': ({ host }) => core.scans.list(core.hosts.get(host).id),
    'scans.latest': ({ host }) => core.scans.latest(core.hosts.get(host).id, 1)[0] ?? null,
    'scans.get': ({ id }) => {
      const scan = core.scans.get(id);
      if (!scan) throw new OpsError('NOT_FOUND', `No scan with id ${id}.`, 'id');
      return scan;
    },
    'drift.get': ({ host }) => {
      const [newer, older] = core.scans.latest(core.hosts.get(host).id, 2, true);
      return newer && older ? diffScans(older, newer) : null;
    },
    'fleet.overview': () => fleetOverview(core.hosts.list(), core.scans.latestPerHost()),
    'map.get': () => fleetMap(core.hosts.list(), core.scans.latestPerHost()),
  };
}
