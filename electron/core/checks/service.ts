/**
 * Runs deep checks for the doors: resolves hosts from the vault, asks a human about unknown host
 * keys (through the `hostkey.confirm` event, or trusts them with acceptNew), streams per-host
 * progress, and stores one scan per host so drift between runs shows.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CheckRun, CheckTarget } from '../../../shared/contract/checks';
import { OpsError } from '../../../shared/model';
import type { Core } from '../api';
import { runDeepCheck, type DeepCheckHost } from '../discovery';
import { defaultKnownHostsFiles, layeredHostKeyStore, SshPool, type ConfirmNewKey } from '../ssh';
import { resolveTarget, selectHosts } from './targets';

/** How long a host-key question waits for an answer before the key is refused. */
const QUESTION_TIMEOUT_MS = 5 * 60_000;

export class CheckService {
  private readonly questions = new Map<string, (accept: boolean) => void>();
  /** One question per host:port:key even when several connections (jump legs, retries) meet it at once. */
  private readonly asking = new Map<string, Promise<boolean>>();
  private readonly running = new Map<string, { pool: SshPool; questions: Set<string> }>();

  constructor(private readonly core: Core) {}

  async run(input: z.output<typeof CheckTarget>): Promise<CheckRun> {
    const core = this.core;
    const hosts = selectHosts(core.hosts.list(), input);
    const targets: DeepCheckHost[] = hosts.map((h) => {
      const r = resolveTarget(h.name, core.hosts, core.credentials);
      return { name: h.name, target: r.target, ...(r.sudoPassword !== undefined ? { sudoPassword: r.sudoPassword } : {}) };
    });
    // A client may choose the run id so it can follow (and cancel) the run before it ends.
    const runId = input.runId ?? randomUUID();
    if (this.running.has(runId)) throw new OpsError('DUPLICATE', 'A deep check with that id is already running.', 'runId');
    const started = Date.now();
    const questions = new Set<string>();
    const pool = new SshPool({
      hostKeys: layeredHostKeyStore(core.hostKeys, ...defaultKnownHostsFiles()),
      confirmNewKey: this.confirmer(input.acceptNew, questions),
    });
    this.running.set(runId, { pool, questions });
    const inRun = new Set(hosts.map((h) => h.id));
    const peers = [...core.scans.latestPerHost()].filter(([id]) => !inRun.has(id)).map(([, s]) => s);
    try {
      const scans = await runDeepCheck(pool, targets, { peers, onProgress: (p) => core.emit('check.progress', { runId, ...p }) });
      // The vault may have been locked while the check ran: saving then fails with VAULT_LOCKED, clearly.
      const results = scans.map((scan, i) => {
        const scanId = core.scans.save(runId, hosts[i]!.id, scan);
        return {
          host: scan.host,
          status: scan.status,
          failure: scan.failure,
          notes: scan.notes,
          services: scan.services.length,
          findings: scan.findings.length,
          durationMs: scan.durationMs,
          scanId,
        };
      });
      core.changed('scans');
      return { runId, startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, results };
    } finally {
      this.running.delete(runId);
      await pool.closeAll();
    }
  }

  /** Closing the run's connections makes every unfinished host fail with "connection closed". */
  async cancel(runId: string): Promise<void> {
    const run = this.running.get(runId);
    if (!run) throw new OpsError('NOT_FOUND', 'That deep check is not running (it may have finished).');
    // Questions still waiting for a human would hold their connections open: refuse them first.
    for (const requestId of run.questions) this.questions.get(requestId)?.(false);
    await run.pool.closeAll();
  }

  answer(requestId: string, accept: boolean): void {
    const resolve = this.questions.get(requestId);
    if (!resolve) throw new OpsError('NOT_FOUND', 'That question was already answered or has expired.');
    resolve(accept);
  }

  private confirmer(acceptNew: boolean, runQuestions: Set<string>): ConfirmNewKey | undefined {
    if (acceptNew) return () => Promise.resolve(true);
    // Without a window or browser to ask (the CLI), unknown keys are refused with a hint to use --accept-new.
    if (!this.core.hasListeners()) return undefined;
    return (host, fingerprint, keyType, port) => {
      const id = `${host}:${port}:${fingerprint}`;
      const pending = this.asking.get(id);
      if (pending) return pending;
      const answer = new Promise<boolean>((resolve) => {
        const requestId = randomUUID();
        const done = (accept: boolean, expired = false) => {
          clearTimeout(timer);
          if (!this.questions.delete(requestId)) return;
          runQuestions.delete(requestId);
          resolve(accept);
          this.core.emit('hostkey.settled', { requestId, outcome: expired ? 'expired' : accept ? 'accepted' : 'rejected' });
        };
        const timer = setTimeout(() => done(false, true), QUESTION_TIMEOUT_MS);
        this.questions.set(requestId, done);
        runQuestions.add(requestId);
        this.core.emit('hostkey.confirm', { requestId, host, port, keyType, fingerprint });
      });
      this.asking.set(id, answer);
      void answer.finally(() => this.asking.delete(id));
      return answer;
    };
  }
}
