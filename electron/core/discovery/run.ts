/**
 * Run the deep check on many hosts at once through the SSH pool: one script per host on one
 * channel, each host's outcome (ok / partial / failed with a reason) independent of the others,
 * then edges built across every host that answered (plus peers from earlier scans).
 */
import { randomBytes } from 'node:crypto';
import type { DeepCheckProgress, HostFailureCode, HostScan, ScanStatus } from '../../../shared/model/scan';
import { SshError } from '../ssh/errors';
import { execScript, type Become } from '../ssh/exec';
import type { SshPool } from '../ssh/pool';
import { endpointLabel, type SshTarget } from '../ssh/types';
import { classifyHost } from './classify';
import { buildEdges, edgesOfHost } from './edges';
import { parseDeepCheck } from './facts';
import { computeFindings } from './findings';
import { loadDeepCheckScript } from './script';

export interface DeepCheckHost {
  /** Inventory name: the key of the host in results, edges and drift. */
  name: string;
  target: SshTarget;
  /** With a sudo password the script runs via `sudo -S`; otherwise root → `sudo -n` → unprivileged. */
  sudoPassword?: string;
}

export interface DeepCheckOptions {
  onProgress?: (p: DeepCheckProgress) => void;
  /** The script text; default resources/deepcheck.sh. */
  script?: string;
  /** Per host, for the script (connect time is bounded by the pool's readyTimeoutMs). Default 90 s. */
  timeoutMs?: number;
  /** Output cap per host. Default 16 MiB. */
  maxOutputBytes?: number;
  /** Latest scans of hosts not in this run, so edges to them still resolve. */
  peers?: readonly HostScan[];
  now?: () => Date;
}

interface HostOutcome {
  scan: HostScan;
  serviceOf: Map<string, string> | null;
}

async function scanOne(pool: SshPool, host: DeepCheckHost, script: string, opts: DeepCheckOptions): Promise<HostOutcome> {
  const progress = (phase: DeepCheckProgress['phase'], status: ScanStatus | null = null, message: string | null = null) =>
    opts.onProgress?.({ host: host.name, phase, status, message });
  const now = opts.now ?? (() => new Date());
  const started = now();
  const t0 = Date.now();
  const base = { host: host.name, address: host.target.host, startedAt: started.toISOString(), services: [], edges: [], findings: [] };
  const failed = (code: HostFailureCode, message: string): HostOutcome => {
    progress('done', 'failed', message);
    return {
      scan: { ...base, durationMs: Date.now() - t0, status: 'failed', failure: { code, message }, notes: [], facts: null },
      serviceOf: null,
    };
  };

  const nonce = randomBytes(6).toString('hex');
  const become: Become = host.sudoPassword !== undefined ? { mode: 'sudo', password: host.sudoPassword } : { mode: 'auto' };
  progress('connecting');
  let result;
  try {
    result = await pool.run(host.target, (client) => {
      progress('running');
      return execScript(client, script, {
        args: [nonce],
        become,
        timeoutMs: opts.timeoutMs ?? 90_000,
        maxOutputBytes: opts.maxOutputBytes ?? 16 * 1024 * 1024,
        label: endpointLabel(host.target),
      });
    });
  } catch (err) {
    if (err instanceof SshError) return failed(err.code, err.message);
    return failed('COMMAND_FAILED', `${endpointLabel(host.target)}: ${err instanceof Error ? err.message : String(err)}`);
  }

  progress('parsing');
  if (!result.stdout.includes(`@@${nonce} meta`)) {
    if (result.timedOut)
      return failed(
        'TIMEOUT',
        `${endpointLabel(host.target)}: the deep check produced nothing within ${Math.round((opts.timeoutMs ?? 90_000) / 1000)} s`,
      );
    const why = result.stderr.split('\n').find((l) => l.trim()) ?? `exit code ${result.exitCode ?? 'none'}`;
    return failed('COMMAND_FAILED', `${endpointLabel(host.target)}: the deep check did not run (${why.slice(0, 200)})`);
  }
  const parsed = parseDeepCheck(result.stdout, nonce, { privilege: result.privilege, sshConnection: result.sshConnection });
  const notes = [...parsed.gaps];
  if (result.timedOut) notes.push(`the script was stopped after ${Math.round((opts.timeoutMs ?? 90_000) / 1000)} s`);
  if (result.truncated) notes.push('the output was larger than the cap and was cut');
  const { services, serviceOf } = classifyHost(parsed.facts);
  const status: ScanStatus = notes.length > 0 ? 'partial' : 'ok';
  const findings = computeFindings(parsed.facts, services, notes, now());
  progress('done', status, notes[0] ?? null);
  return {
    scan: { ...base, durationMs: Date.now() - t0, status, failure: null, notes, facts: parsed.facts, services, findings },
    serviceOf,
  };
}

/** Scan every host (bounded by the pool's concurrency) and return one HostScan per host, in input order. */
export async function runDeepCheck(pool: SshPool, hosts: readonly DeepCheckHost[], opts: DeepCheckOptions = {}): Promise<HostScan[]> {
  const script = opts.script ?? loadDeepCheckScript();
  for (const h of hosts) opts.onProgress?.({ host: h.name, phase: 'queued', status: null, message: null });
  const outcomes = await Promise.all(hosts.map((h) => scanOne(pool, h, script, opts)));

  const fresh = new Set(hosts.map((h) => h.name));
  const edgeHosts = [
    ...outcomes
      .filter((o) => o.scan.facts)
      .map((o) => ({ name: o.scan.host, facts: o.scan.facts!, ...(o.serviceOf ? { serviceOf: o.serviceOf } : {}) })),
    ...(opts.peers ?? []).filter((p) => p.facts && !fresh.has(p.host)).map((p) => ({ name: p.host, facts: p.facts! })),
  ];
  const edges = buildEdges(edgeHosts);
  return outcomes.map((o) => (o.scan.facts ? { ...o.scan, edges: edgesOfHost(edges, o.scan.host) } : o.scan));
}
