/**
 * Deep checks from this window: which hosts the picker has ticked, the one run in flight (or just
 * finished) with live per-host progress, and the queue of "trust this new host key?" questions.
 *
 * checks.run is one long call that answers when every host is done; progress arrives meanwhile as
 * `check.progress` events. The run id is only known from those events (the call returns it at the
 * end), so the first event naming one of our hosts adopts its run id; cancel needs it.
 */
import type { StateCreator } from 'zustand';
import type { CheckHostResult, CheckRun } from '../../../shared/contract/checks';
import type { EventPayload } from '../../../shared/events';
import type { DeepCheckPhase, ScanStatus } from '../../../shared/model';
import type { AppState } from '../../app/store';
import { api, ApiFailure } from '../../platform/api';
import { messageOf } from '../../ui/formErrors';

export interface CheckRow {
  host: string;
  phase: DeepCheckPhase;
  status: ScanStatus | null;
  message: string | null;
  /** Filled in when checks.run answers. */
  result: CheckHostResult | null;
}

export interface ActiveCheck {
  /** Identifies this run in the renderer: a lock or a newer run makes late answers harmless. */
  token: number;
  runId: string | null;
  hosts: string[];
  rows: Record<string, CheckRow>;
  startedAt: number;
  finishedAt: number | null;
  state: 'running' | 'done' | 'error';
  cancelling: boolean;
  cancelled: boolean;
  error: string | null;
  result: CheckRun | null;
}

export type HostKeyQuestion = EventPayload<'hostkey.confirm'> & { receivedAt: number };

export interface ChecksSlice {
  /** Host names ticked in the picker; null until the user changes it (then every host is ticked). */
  checkSelection: string[] | null;
  trustNewKeys: boolean;
  check: ActiveCheck | null;
  /** The picker shows instead of the last run's results (after "New check"). */
  checkPicking: boolean;
  hostKeyQuestions: HostKeyQuestion[];
  hostKeyError: string | null;
  setCheckSelection: (names: string[]) => void;
  toggleCheckHost: (name: string) => void;
  setTrustNewKeys: (on: boolean) => void;
  startCheck: (hosts: string[]) => Promise<void>;
  cancelCheck: () => Promise<void>;
  newCheck: () => void;
  /** Back to the last run's results from the picker. */
  setCheckPicking: (picking: boolean) => void;
  checkProgress: (p: EventPayload<'check.progress'>) => void;
  askHostKey: (q: EventPayload<'hostkey.confirm'>) => void;
  /** The question was settled somewhere (here, another window, a timeout): its dialog goes. */
  hostKeySettled: (requestId: string) => void;
  answerHostKey: (requestId: string, accept: boolean) => Promise<void>;
}

export const checksInitial = {
  checkSelection: null,
  trustNewKeys: false,
  check: null,
  checkPicking: true,
  hostKeyQuestions: [],
  hostKeyError: null,
} satisfies Partial<ChecksSlice>;

let nextToken = 1;

/** The picker's ticked hosts, in inventory order; every host until the user chooses. */
export function selectedHosts(s: Pick<AppState, 'checkSelection' | 'hosts'>): string[] {
  const names = s.hosts.map((h) => h.name);
  if (s.checkSelection === null) return names;
  const picked = new Set(s.checkSelection);
  return names.filter((n) => picked.has(n));
}

/** "address:port" of the named hosts: how host-key questions (which name the endpoint) map to hosts. */
function addressesOf(s: Pick<AppState, 'hosts'>, names: string[]): Set<string> {
  const wanted = new Set(names);
  return new Set(s.hosts.filter((h) => wanted.has(h.name)).map((h) => `${h.address}:${h.port}`));
}

export function isRunning(check: ActiveCheck | null): boolean {
  return check?.state === 'running';
}

export const createChecksSlice: StateCreator<AppState, [], [], ChecksSlice> = (set, get) => {
  /** Updates the run only if it is still the one identified by `token`. */
  const patchRun = (token: number, patch: (c: ActiveCheck) => Partial<ActiveCheck>) => {
    const c = get().check;
    if (c?.token === token) set({ check: { ...c, ...patch(c) } });
  };

  /** Re-reads what shows scans, so the fleet table and an open host page reflect this run at once. */
  const refreshViews = () => {
    const s = get();
    if (s.vault?.state !== 'unlocked') return;
    if (s.fleetLoaded) void s.loadFleet();
    if (s.screen === 'host' && s.hostPage) void s.loadHostPage();
  };

  return {
    ...checksInitial,

    setCheckSelection: (checkSelection) => set({ checkSelection }),
    toggleCheckHost(name) {
      const sel = selectedHosts(get());
      set({ checkSelection: sel.includes(name) ? sel.filter((n) => n !== name) : [...sel, name] });
    },
    setTrustNewKeys: (trustNewKeys) => set({ trustNewKeys }),

    async startCheck(hosts) {
      if (isRunning(get().check) || hosts.length === 0) return;
      const token = nextToken++;
      const rows: Record<string, CheckRow> = {};
      for (const host of hosts) rows[host] = { host, phase: 'queued', status: null, message: null, result: null };
      set({
        checkPicking: false,
        check: {
          token,
          runId: null,
          hosts,
          rows,
          startedAt: Date.now(),
          finishedAt: null,
          state: 'running',
          cancelling: false,
          cancelled: false,
          error: null,
          result: null,
        },
      });
      try {
        const result = await api.call('checks.run', { hosts, tags: [], groups: [], acceptNew: get().trustNewKeys });
        patchRun(token, (c) => {
          const next = { ...c.rows };
          for (const r of result.results) {
            next[r.host] = { host: r.host, phase: 'done', status: r.status, message: r.failure?.message ?? null, result: r };
          }
          return { rows: next, result, runId: result.runId, state: 'done', finishedAt: Date.now(), cancelling: false };
        });
      } catch (e) {
        patchRun(token, () => ({ state: 'error', error: messageOf(e), finishedAt: Date.now(), cancelling: false }));
      }
      // Questions about this run's hosts cannot matter any more (answered, timed out or cancelled).
      const addresses = addressesOf(get(), hosts);
      set({ hostKeyQuestions: get().hostKeyQuestions.filter((q) => !addresses.has(`${q.host}:${q.port}`)) });
      refreshViews();
    },

    async cancelCheck() {
      const c = get().check;
      if (!c || c.state !== 'running' || !c.runId || c.cancelling) return;
      patchRun(c.token, () => ({ cancelling: true, cancelled: true }));
      // A host waiting on a host-key question holds its connection (and so the cancel) until the
      // question is answered: reject this run's open questions first.
      const addresses = addressesOf(get(), c.hosts);
      const open = get().hostKeyQuestions.filter((q) => addresses.has(`${q.host}:${q.port}`));
      await Promise.all(open.map((q) => get().answerHostKey(q.requestId, false)));
      try {
        await api.call('checks.cancel', { runId: c.runId });
      } catch (e) {
        // NOT_FOUND: it finished on its own meanwhile; checks.run's answer tells the rest.
        if (!(e instanceof ApiFailure && e.code === 'NOT_FOUND')) patchRun(c.token, () => ({ cancelling: false, error: messageOf(e) }));
      }
    },

    newCheck() {
      if (!isRunning(get().check)) set({ checkPicking: true });
    },

    setCheckPicking(checkPicking) {
      if (checkPicking || get().check) set({ checkPicking });
    },

    checkProgress(p) {
      const c = get().check;
      if (!c || c.state !== 'running' || !(p.host in c.rows)) return;
      if (c.runId !== null && c.runId !== p.runId) return;
      const row = c.rows[p.host];
      if (!row) return;
      set({
        check: {
          ...c,
          runId: p.runId,
          rows: { ...c.rows, [p.host]: { ...row, phase: p.phase, status: p.status, message: p.message } },
        },
      });
    },

    askHostKey(q) {
      const queue = get().hostKeyQuestions;
      if (queue.some((x) => x.requestId === q.requestId)) return;
      const c = get().check;
      if (c?.state === 'running' && c.cancelling && addressesOf(get(), c.hosts).has(`${q.host}:${q.port}`)) {
        // Asked after the user stopped this run: nobody wants that connection any more.
        void api.call('hostkeys.answer', { requestId: q.requestId, accept: false }).catch(() => undefined);
        return;
      }
      set({ hostKeyQuestions: [...queue, { ...q, receivedAt: Date.now() }] });
    },

    hostKeySettled(requestId) {
      const queue = get().hostKeyQuestions;
      if (queue.some((q) => q.requestId === requestId)) set({ hostKeyQuestions: queue.filter((q) => q.requestId !== requestId) });
    },

    async answerHostKey(requestId, accept) {
      try {
        await api.call('hostkeys.answer', { requestId, accept });
        set({ hostKeyError: null });
      } catch (e) {
        // Already answered elsewhere (another window) or expired: the question is moot either way.
        if (!(e instanceof ApiFailure && e.code === 'NOT_FOUND')) {
          set({ hostKeyError: messageOf(e) });
          return;
        }
      }
      set({ hostKeyQuestions: get().hostKeyQuestions.filter((q) => q.requestId !== requestId) });
    },
  };
};
