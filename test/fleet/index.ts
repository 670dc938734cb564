/**
 * The test fleet ("lab"): real Debian hosts in systemd-nspawn containers on this machine, reached
 * over SSH at 198.18.0.11 and up. Use from test global setups and tests:
 *
 *   const lab = await labUp();                 // idempotent; fast when already up
 *   const r = await labExec('h2', 'ss -tnp', { user: 'root' });
 *   await labStopHost('h5'); await labStartHost('h5');
 *
 * Needs root. See test/fleet/README.md.
 */
export { labUp } from './up';
export { labDown, labExec, labStartHost, labStopHost } from './control';
export { labStatus } from './status';
export { labDir, labPaths, planHosts, DEFAULT_HOSTS, NET } from './config';
export { LabError } from './types';
export type { ExecResult, HostRole, HostState, LabExecOptions, LabHost, LabStatus, LabUpOptions } from './types';
