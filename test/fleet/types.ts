/**
 * The lab as other code sees it. `lab:status --json` prints a LabStatus exactly.
 */

export type HostRole = 'web' | 'app' | 'db' | 'cache' | 'spare';

/**
 * running: booted (launcher and nspawn alive; sshd may still be starting right after a boot).
 * stopped: powered off, its disk (overlay) kept; `labStartHost` or `labUp` boots it again.
 * orphan: processes or a network namespace of the host are left without their launcher (after a
 *         crash); `labUp` cleans and reboots it, `labDown` removes it.
 * absent: planned but not created yet.
 */
export type HostState = 'running' | 'stopped' | 'orphan' | 'absent';

export interface LabHost {
  name: string;
  role: HostRole;
  address: string;
  port: 22;
  user: 'ops';
  privateKeyPath: string;
  knownHostsPath: string;
  state: HostState;
}

export interface LabStatus {
  /** The lab exists: brought up and not brought down (hosts may still be stopped one by one). */
  up: boolean;
  /** Cache and state directory ($OPSDECK_FLEET_DIR or /var/cache/opsdeck-fleet). */
  dir: string;
  hosts: LabHost[];
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface LabUpOptions {
  /** At least this many hosts (default 6; the lab never shrinks, extra hosts are spares). */
  hosts?: number;
  /** Progress lines; default: stderr. Pass `() => {}` for silence. */
  log?: (line: string) => void;
}

export interface LabExecOptions {
  /** Default 'ops' (passwordless sudo). 'root' logs in as root by key. */
  user?: 'ops' | 'root';
  /** Kills the ssh client after this long (default 120 s). */
  timeoutMs?: number;
}

/** A lab step failed: `host` (when it is about one host) and `step` say where. */
export class LabError extends Error {
  constructor(
    readonly step: string,
    message: string,
    readonly host?: string,
  ) {
    super(host ? `lab ${step} failed on ${host}: ${message}` : `lab ${step} failed: ${message}`);
    this.name = 'LabError';
  }
}
