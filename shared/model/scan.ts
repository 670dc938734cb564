/**
 * Deep check model: the facts one scan collects on a host, the services classified from them, the
 * edges between services across hosts, the findings worth a user's attention and the drift between
 * two scans of the same host. Everything here is plain data (JSON-safe) so a scan can be stored in
 * the vault as one document and sent through any door unchanged.
 */
import { z } from 'zod';

// ------------------------------------------------------------------------------------- outcome

/** Why a host could not be scanned (or was scanned only in part). Stable: programs branch on it. */
export const HostFailureCode = z.enum([
  'UNREACHABLE', // TCP connect failed, DNS failed, or a jump host on the way failed
  'AUTH_FAILED', // the server refused every configured credential (or sudo refused the password)
  'HOST_KEY_CHANGED', // the presented host key differs from the stored one: possible MITM
  'HOST_KEY_REJECTED', // the key was unknown and the user (or policy) did not accept it, or it is revoked
  'TIMEOUT', // handshake, command or keepalive ran out of time
  'COMMAND_FAILED', // connected, but the remote script could not run or its output was unusable
]);
export type HostFailureCode = z.infer<typeof HostFailureCode>;

export const HostFailure = z.object({ code: HostFailureCode, message: z.string() });
export type HostFailure = z.infer<typeof HostFailure>;

/** ok: everything seen. partial: connected and parsed, but something was denied, timed out or cut. */
export const ScanStatus = z.enum(['ok', 'partial', 'failed']);
export type ScanStatus = z.infer<typeof ScanStatus>;

// --------------------------------------------------------------------------------------- facts

export const Privilege = z.enum(['root', 'sudo', 'user']);
export type Privilege = z.infer<typeof Privilege>;

export const OsFamily = z.enum(['debian', 'rhel', 'alpine', 'suse', 'arch', 'other']);
export type OsFamily = z.infer<typeof OsFamily>;

export const OsFacts = z.object({
  id: z.string(), // os-release ID: debian, ubuntu, rocky, alpine ...
  family: OsFamily,
  name: z.string(),
  version: z.string(), // VERSION_ID (or /etc/debian_version, /etc/alpine-release)
  prettyName: z.string(),
  kernel: z.string(),
  arch: z.string(),
  hostname: z.string(),
  fqdn: z.string(),
  init: z.enum(['systemd', 'openrc', 'sysv', 'other']),
  virtualization: z.string().nullable(), // systemd-detect-virt output or a DMI/marker-file guess
  machineId: z.string().nullable(),
});
export type OsFacts = z.infer<typeof OsFacts>;

export const HardwareFacts = z.object({
  cpuModel: z.string().nullable(),
  cpuCount: z.number().int(),
  memTotalBytes: z.number(),
  memAvailableBytes: z.number().nullable(),
  swapTotalBytes: z.number(),
  swapFreeBytes: z.number(),
  vendor: z.string().nullable(),
  product: z.string().nullable(),
});
export type HardwareFacts = z.infer<typeof HardwareFacts>;

export const Filesystem = z.object({
  device: z.string(),
  mount: z.string(),
  fsType: z.string().nullable(),
  sizeBytes: z.number(),
  usedBytes: z.number(),
  availBytes: z.number(),
  usePercent: z.number(), // as df reports it: used / (used + avail), rounded up
  inodesUsePercent: z.number().nullable(),
});
export type Filesystem = z.infer<typeof Filesystem>;

export const IpAddress = z.object({ family: z.enum(['inet', 'inet6']), address: z.string(), prefix: z.number().int() });
export type IpAddress = z.infer<typeof IpAddress>;

export const NetInterface = z.object({
  name: z.string(),
  mac: z.string().nullable(),
  up: z.boolean().nullable(),
  addresses: z.array(IpAddress),
});
export type NetInterface = z.infer<typeof NetInterface>;

export const Route = z.object({ destination: z.string(), gateway: z.string().nullable(), device: z.string().nullable() });
export type Route = z.infer<typeof Route>;

export const NetworkFacts = z.object({
  interfaces: z.array(NetInterface),
  routes: z.array(Route),
  defaultGateway: z.string().nullable(),
  nameservers: z.array(z.string()),
  searchDomains: z.array(z.string()),
  ephemeralPorts: z.object({ low: z.number().int(), high: z.number().int() }).nullable(),
});
export type NetworkFacts = z.infer<typeof NetworkFacts>;

export const PackageManager = z.enum(['dpkg', 'rpm', 'apk']);
export type PackageManager = z.infer<typeof PackageManager>;

export const Package = z.object({ name: z.string(), version: z.string(), arch: z.string().nullable() });
export type Package = z.infer<typeof Package>;

export const PackageFacts = z.object({
  manager: PackageManager.nullable(),
  items: z.array(Package),
  /** Binary path -> owning package name, for the binaries of listening processes. */
  owners: z.record(z.string(), z.string()),
});
export type PackageFacts = z.infer<typeof PackageFacts>;

/** A unit (systemd), a service script (OpenRC/SysV) and its state as the init system reports it. */
export const InitService = z.object({
  name: z.string(), // nginx.service, sshd (openrc)
  manager: z.enum(['systemd', 'openrc', 'sysv']),
  /** Normalised state: running, stopped, failed; `sub` keeps the manager's own word. */
  state: z.enum(['running', 'stopped', 'failed', 'starting', 'unknown']),
  sub: z.string(),
  enabled: z.boolean().nullable(),
  description: z.string(),
});
export type InitService = z.infer<typeof InitService>;

export const Timer = z.object({
  name: z.string(),
  activates: z.string().nullable(),
  next: z.string().nullable(),
  last: z.string().nullable(),
});
export type Timer = z.infer<typeof Timer>;

export const Process = z.object({
  pid: z.number().int(),
  ppid: z.number().int().nullable(),
  user: z.string().nullable(),
  rssKb: z.number().nullable(),
  elapsedSec: z.number().nullable(),
  command: z.string(), // full argument list, capped
  exe: z.string().nullable(), // /proc/PID/exe target (root, or own processes)
  unit: z.string().nullable(), // systemd unit from the cgroup path
  container: z.string().nullable(), // docker/containerd/podman id from the cgroup path
});
export type Process = z.infer<typeof Process>;

export const SocketState = z.enum([
  'LISTEN',
  'ESTAB',
  'TIME-WAIT',
  'CLOSE-WAIT',
  'SYN-SENT',
  'SYN-RECV',
  'FIN-WAIT',
  'CLOSING',
  'UNCONN',
  'OTHER',
]);
export type SocketState = z.infer<typeof SocketState>;

export const Socket = z.object({
  proto: z.enum(['tcp', 'udp']),
  state: SocketState,
  localAddress: z.string(), // normalised: IPv4-mapped IPv6 -> IPv4, wildcard -> 0.0.0.0 or ::
  localPort: z.number().int(),
  peerAddress: z.string(),
  peerPort: z.number().int(),
  pid: z.number().int().nullable(),
  process: z.string().nullable(), // name as the socket tool reports it
  uid: z.number().int().nullable(),
  unit: z.string().nullable(), // from `ss -e` cgroup, or from the pid's cgroup
});
export type Socket = z.infer<typeof Socket>;

export const CronJob = z.object({
  source: z.string(), // file it came from (or "timer")
  schedule: z.string(),
  user: z.string().nullable(),
  command: z.string(),
});
export type CronJob = z.infer<typeof CronJob>;

export const User = z.object({
  name: z.string(),
  uid: z.number().int(),
  gid: z.number().int(),
  home: z.string(),
  shell: z.string(),
  canLogin: z.boolean(), // shell is not nologin/false
  groups: z.array(z.string()), // supplementary groups from /etc/group
});
export type User = z.infer<typeof User>;

export const SudoRule = z.object({ principal: z.string(), rule: z.string(), source: z.string(), nopasswd: z.boolean() });
export type SudoRule = z.infer<typeof SudoRule>;

export const SshdFacts = z.object({
  source: z.enum(['sshd -T', 'config']),
  passwordAuthentication: z.boolean().nullable(),
  permitRootLogin: z.string().nullable(), // yes, no, prohibit-password, forced-commands-only
  kbdInteractiveAuthentication: z.boolean().nullable(),
  pubkeyAuthentication: z.boolean().nullable(),
  ports: z.array(z.number().int()),
  settings: z.record(z.string(), z.string()),
});
export type SshdFacts = z.infer<typeof SshdFacts>;

export const Container = z.object({
  runtime: z.enum(['docker', 'podman']),
  id: z.string(),
  name: z.string(),
  image: z.string(),
  status: z.string(),
  running: z.boolean(),
  ports: z.string(),
});
export type Container = z.infer<typeof Container>;

export const Certificate = z.object({
  path: z.string(),
  source: z.enum(['nginx', 'apache', 'haproxy', 'letsencrypt', 'other']),
  subject: z.string(),
  issuer: z.string(),
  dnsNames: z.array(z.string()),
  notBefore: z.string(), // ISO 8601
  notAfter: z.string(),
  fingerprint256: z.string(),
  selfSigned: z.boolean(),
});
export type Certificate = z.infer<typeof Certificate>;

export const PendingUpdate = z.object({ name: z.string(), current: z.string().nullable(), available: z.string(), security: z.boolean() });
export type PendingUpdate = z.infer<typeof PendingUpdate>;

export const UpdateFacts = z.object({
  source: z.enum(['apt', 'dnf', 'yum', 'apk']).nullable(),
  items: z.array(PendingUpdate),
  /** False when the check could not run (no cache, timed out): absence of updates is then unknown. */
  checked: z.boolean(),
});
export type UpdateFacts = z.infer<typeof UpdateFacts>;

export const UptimeFacts = z.object({ seconds: z.number(), load1: z.number(), load5: z.number(), load15: z.number() });
export type UptimeFacts = z.infer<typeof UptimeFacts>;

/** What the script itself reports: how it ran and what it could not see. */
export const ScanMeta = z.object({
  scriptVersion: z.string(),
  privilege: Privilege,
  user: z.string(),
  collectedAt: z.string(), // remote clock, ISO 8601
  /** The scanner's own session as the host saw it: "clientIp clientPort serverIp serverPort". */
  sshConnection: z.string().nullable(),
  denied: z.array(z.string()), // e.g. "sockets.processes", "sudoers", "cron.users"
  timedOut: z.array(z.string()), // sections whose command hit its time limit
  tools: z.array(z.string()), // capabilities found (ss, ip, systemctl, timeout, ...)
});
export type ScanMeta = z.infer<typeof ScanMeta>;

export const HostFacts = z.object({
  meta: ScanMeta,
  os: OsFacts,
  hardware: HardwareFacts,
  filesystems: z.array(Filesystem),
  network: NetworkFacts,
  packages: PackageFacts,
  services: z.array(InitService),
  /** Every unit systemd reports as failed (services, mounts, timers...). */
  failedUnits: z.array(z.string()),
  timers: z.array(Timer),
  processes: z.array(Process),
  sockets: z.array(Socket),
  cron: z.array(CronJob),
  users: z.array(User),
  sudo: z.array(SudoRule),
  sshd: SshdFacts.nullable(),
  containers: z.array(Container),
  certificates: z.array(Certificate),
  updates: UpdateFacts,
  uptime: UptimeFacts.nullable(),
});
export type HostFacts = z.infer<typeof HostFacts>;

// ------------------------------------------------------------------------------------ services

export const ServiceKind = z.enum(['web', 'app', 'database', 'cache', 'queue', 'mail', 'ssh', 'dns', 'monitoring', 'other']);
export type ServiceKind = z.infer<typeof ServiceKind>;

export const Listener = z.object({ proto: z.enum(['tcp', 'udp']), address: z.string(), port: z.number().int() });
export type Listener = z.infer<typeof Listener>;

export const Service = z.object({
  /** Stable within a host across scans: the unit name, else "proc:<name>", else "ctr:<id>". */
  key: z.string(),
  name: z.string(), // what to show: nginx, postgresql@15-main, app
  kind: ServiceKind,
  product: z.string(), // nginx, apache, postgresql, redis, python app, ...
  version: z.string().nullable(), // upstream version (1.22.1), not the package revision
  packageName: z.string().nullable(),
  packageVersion: z.string().nullable(), // full package version (1.22.1-9+deb12u1)
  unit: z.string().nullable(),
  state: z.enum(['running', 'stopped', 'failed', 'starting', 'unknown']),
  pids: z.array(z.number().int()),
  user: z.string().nullable(),
  listeners: z.array(Listener),
});
export type Service = z.infer<typeof Service>;

// --------------------------------------------------------------------------------------- edges

/** One end of an edge: a service on a scanned host, a scanned host whose process is unknown, or an external address. */
export const EdgeEnd = z.object({
  host: z.string().nullable(), // scanned host name; null = external endpoint
  service: z.string().nullable(), // service key on that host; null = not attributable
  address: z.string(), // the address seen on the wire
});
export type EdgeEnd = z.infer<typeof EdgeEnd>;

export const Edge = z.object({
  key: z.string(), // stable: from-host/from-service -> to-host/to-service:port/proto
  from: EdgeEnd, // client
  to: EdgeEnd, // server
  port: z.number().int(), // server port
  proto: z.enum(['tcp', 'udp']),
  connections: z.number().int(), // sockets aggregated into this edge (client ports dropped)
  /** Which sides saw it: both = confirmed; one side only = the other end was not scanned or not visible. */
  seenBy: z.array(z.enum(['client', 'server'])),
  state: z.enum(['established', 'recent']), // recent = only TIME-WAIT sockets
});
export type Edge = z.infer<typeof Edge>;

// ------------------------------------------------------------------------------------ findings

export const Severity = z.enum(['critical', 'high', 'medium', 'low', 'info']);
export type Severity = z.infer<typeof Severity>;

export const FindingCode = z.enum([
  'DISK_FULL',
  'INODES_FULL',
  'FAILED_UNITS',
  'CERT_EXPIRING',
  'CERT_EXPIRED',
  'SSH_PASSWORD_AUTH',
  'SSH_ROOT_LOGIN',
  'SECURITY_UPDATES',
  'PENDING_UPDATES',
  'INTERNAL_SERVICE_EXPOSED',
  'SCAN_PARTIAL',
]);
export type FindingCode = z.infer<typeof FindingCode>;

export const Finding = z.object({
  code: FindingCode,
  severity: Severity,
  title: z.string(),
  subject: z.string(), // what it is about: a mount point, a unit, a cert path, a port
  evidence: z.array(z.string()), // short lines a human can verify on the host
});
export type Finding = z.infer<typeof Finding>;

// --------------------------------------------------------------------------------------- scans

export const HostScan = z.object({
  host: z.string(), // inventory name
  address: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  status: ScanStatus,
  failure: HostFailure.nullable(),
  notes: z.array(z.string()), // why partial: denied sections, timeouts, truncated output
  facts: HostFacts.nullable(),
  services: z.array(Service),
  /** Edges that touch this host, as built over every host known at scan time. */
  edges: z.array(Edge),
  findings: z.array(Finding),
});
export type HostScan = z.infer<typeof HostScan>;

// ---------------------------------------------------------------------------------------- drift

export const DriftCategory = z.enum(['package', 'service', 'port', 'edge', 'user', 'sudo', 'certificate', 'os']);
export type DriftCategory = z.infer<typeof DriftCategory>;

export const DriftChange = z.object({
  category: DriftCategory,
  change: z.enum(['added', 'removed', 'changed']),
  subject: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** Human one-liner: "nginx.service stopped (was running)". */
  summary: z.string(),
});
export type DriftChange = z.infer<typeof DriftChange>;

export const Drift = z.object({
  host: z.string(),
  from: z.string(), // startedAt of the older scan
  to: z.string(),
  changes: z.array(DriftChange),
});
export type Drift = z.infer<typeof Drift>;

// ------------------------------------------------------------------------------------ progress

export const DeepCheckPhase = z.enum(['queued', 'connecting', 'running', 'parsing', 'done']);
export type DeepCheckPhase = z.infer<typeof DeepCheckPhase>;

export const DeepCheckProgress = z.object({
  host: z.string(),
  phase: DeepCheckPhase,
  status: ScanStatus.nullable(), // set when phase = done
  message: z.string().nullable(),
});
export type DeepCheckProgress = z.infer<typeof DeepCheckProgress>;
