/**
 * How scan data reads everywhere it shows (fleet table, deep check progress, host page): sizes,
 * durations, relative times, and the words for statuses, severities, kinds and failure codes.
 */
import type { DeepCheckPhase, HostFailureCode, ScanStatus, ServiceKind, Severity } from '../../../shared/model';
import type { IconName } from '../../ui/Icon';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export const STATUS_LABEL: Record<ScanStatus | 'never', string> = { ok: 'OK', partial: 'Partial', failed: 'Failed', never: 'Not checked' };

export const PHASE_LABEL: Record<DeepCheckPhase, string> = {
  queued: 'Queued',
  connecting: 'Connecting',
  running: 'Collecting facts',
  parsing: 'Parsing',
  done: 'Done',
};

export const FAILURE_LABEL: Record<HostFailureCode, string> = {
  UNREACHABLE: 'Unreachable',
  AUTH_FAILED: 'Sign-in failed',
  HOST_KEY_CHANGED: 'Host key changed',
  HOST_KEY_REJECTED: 'Host key rejected',
  TIMEOUT: 'Timed out',
  COMMAND_FAILED: 'Script failed',
};

export const KIND_LABEL: Record<ServiceKind, string> = {
  web: 'Web',
  app: 'App',
  database: 'Database',
  cache: 'Cache',
  queue: 'Queue',
  mail: 'Mail',
  ssh: 'SSH',
  dns: 'DNS',
  monitoring: 'Monitoring',
  other: 'Other',
};

export const KIND_ICON: Record<ServiceKind, IconName> = {
  web: 'web',
  app: 'app',
  database: 'database',
  cache: 'cache',
  queue: 'queue',
  mail: 'mail',
  ssh: 'terminal',
  dns: 'dns',
  monitoring: 'monitoring',
  other: 'other',
};

/** Roles come from the core as kind names; anything unexpected still gets a label and an icon. */
export function kindLabel(kind: string): string {
  return (KIND_LABEL as Record<string, string>)[kind] ?? kind;
}
export function kindIcon(kind: string): IconName {
  return (KIND_ICON as Record<string, IconName>)[kind] ?? 'other';
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '–';
  let v = Math.max(0, bytes);
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  const digits = v >= 100 || u === 0 ? 0 : 1;
  return `${v.toFixed(digits)} ${UNITS[u]}`;
}

/** 850 ms, 2.4 s, 1 min 12 s. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const m = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return s ? `${m} min ${s} s` : `${m} min`;
}

/** Uptime the way people say it: 40 min, 5 h 12 min, 12 d 3 h. */
export function formatUptime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return h ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m ? `${h} h ${m} min` : `${h} h`;
  return `${Math.max(1, m)} min`;
}

export function parseTime(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** "just now", "4 min ago", "3 h ago", "yesterday", "6 d ago", then the date; future times read "in ...". */
export function relativeTime(iso: string | null | undefined, now: number): string {
  const t = parseTime(iso);
  if (t === null) return '';
  const diff = now - t;
  const future = diff < 0;
  const abs = Math.abs(diff);
  const say = (n: number, unit: string) => (future ? `in ${n} ${unit}` : `${n} ${unit} ago`);
  // A few minutes "ahead" is clock skew between machines, or a clock that ticked before the data arrived.
  if (diff > -300_000 && diff < 45_000) return 'just now';
  if (abs < 3_600_000) return say(Math.max(1, Math.round(abs / 60_000)), 'min');
  if (abs < 86_400_000) return say(Math.round(abs / 3_600_000), 'h');
  const days = Math.round(abs / 86_400_000);
  if (days === 1) return future ? 'tomorrow' : 'yesterday';
  if (days < 30) return say(days, 'd');
  return new Date(t).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function absoluteTime(iso: string | null | undefined): string {
  const t = parseTime(iso);
  if (t === null) return '';
  return new Date(t).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** Days until an ISO date (negative once past). */
export function daysUntil(iso: string, now: number): number | null {
  const t = parseTime(iso);
  return t === null ? null : Math.floor((t - now) / 86_400_000);
}

/** "Debian GNU/Linux 12 (bookworm)" reads as "Debian 12 (bookworm)" where space is short. */
export function shortOs(name: string): string {
  return name.replace(/\s+GNU\/Linux\b/, '').replace(/\s+Linux\b(?=\s+\d)/, '');
}

/** host:port with IPv6 bracketed, as ss and URLs write it. */
export function endpoint(address: string, port: number): string {
  return `${address.includes(':') ? `[${address}]` : address}:${port}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
