/**
 * What changed on a host between two scans: packages, services, listening ports, edges, users,
 * sudo rules, certificates and the OS itself. Pure and symmetric: every change says before and after.
 */
import type { DriftCategory, DriftChange, Drift, HostScan } from '../../../shared/model/scan';

function change(
  category: DriftCategory,
  kind: DriftChange['change'],
  subject: string,
  before: string | null,
  after: string | null,
  summary: string,
): DriftChange {
  return { category, change: kind, subject, before, after, summary };
}

/** Compare two keyed maps; `describe` renders a value for before/after. */
function diffMaps<T>(
  category: DriftCategory,
  before: Map<string, T>,
  after: Map<string, T>,
  describe: (v: T) => string,
  words: { added: (k: string, v: T) => string; removed: (k: string, v: T) => string; changed: (k: string, a: T, b: T) => string | null },
): DriftChange[] {
  const out: DriftChange[] = [];
  for (const [k, b] of before) {
    const a = after.get(k);
    if (a === undefined) out.push(change(category, 'removed', k, describe(b), null, words.removed(k, b)));
    else {
      const summary = describe(a) !== describe(b) ? words.changed(k, b, a) : null;
      if (summary) out.push(change(category, 'changed', k, describe(b), describe(a), summary));
    }
  }
  for (const [k, a] of after) if (!before.has(k)) out.push(change(category, 'added', k, null, describe(a), words.added(k, a)));
  return out;
}

export function diffScans(before: HostScan, after: HostScan): Drift {
  const changes: DriftChange[] = [];
  const b = before.facts;
  const a = after.facts;
  if (b && a) {
    if (b.os.prettyName !== a.os.prettyName || b.os.version !== a.os.version) {
      changes.push(
        change(
          'os',
          'changed',
          'os',
          `${b.os.prettyName} ${b.os.version}`,
          `${a.os.prettyName} ${a.os.version}`,
          `OS changed from ${b.os.prettyName} (${b.os.version}) to ${a.os.prettyName} (${a.os.version})`,
        ),
      );
    }
    if (b.os.kernel !== a.os.kernel)
      changes.push(change('os', 'changed', 'kernel', b.os.kernel, a.os.kernel, `kernel changed from ${b.os.kernel} to ${a.os.kernel}`));

    changes.push(
      ...diffMaps(
        'package',
        new Map(b.packages.items.map((p) => [p.name, p.version])),
        new Map(a.packages.items.map((p) => [p.name, p.version])),
        (v) => v,
        {
          added: (k, v) => `package ${k} ${v} installed`,
          removed: (k, v) => `package ${k} ${v} removed`,
          changed: (k, x, y) => `package ${k} changed from ${x} to ${y}`,
        },
      ),
    );

    const ports = (f: typeof a) =>
      new Map(
        f.sockets
          .filter((s) => s.state === 'LISTEN' || (s.proto === 'udp' && s.state === 'UNCONN'))
          .map(
            (s) =>
              [
                `${s.proto} ${s.localAddress.includes(':') ? `[${s.localAddress}]` : s.localAddress}:${s.localPort}`,
                s.unit ?? s.process ?? '?',
              ] as const,
          ),
      );
    changes.push(
      ...diffMaps('port', ports(b), ports(a), (v) => v, {
        added: (k, v) => `port ${k} opened (${v})`,
        removed: (k, v) => `port ${k} closed (was ${v})`,
        changed: () => null, // a different owner on the same port shows up as a service change
      }),
    );

    const users = (f: typeof a) =>
      new Map(f.users.map((u) => [u.name, `uid ${u.uid}, shell ${u.shell}, groups ${[...u.groups].sort().join(',')}`]));
    changes.push(
      ...diffMaps('user', users(b), users(a), (v) => v, {
        added: (k, v) => `user ${k} added (${v})`,
        removed: (k) => `user ${k} removed`,
        changed: (k, x, y) => `user ${k} changed: ${x} -> ${y}`,
      }),
    );

    const sudo = (f: typeof a) => new Map(f.sudo.map((r) => [`${r.principal} ${r.rule}`, r.source]));
    changes.push(
      ...diffMaps('sudo', sudo(b), sudo(a), (v) => v, {
        added: (k, v) => `sudo rule added in ${v}: ${k}`,
        removed: (k, v) => `sudo rule removed from ${v}: ${k}`,
        changed: () => null,
      }),
    );

    const certs = (f: typeof a) => new Map(f.certificates.map((c) => [c.path, `${c.subject}, expires ${c.notAfter}, ${c.fingerprint256}`]));
    changes.push(
      ...diffMaps('certificate', certs(b), certs(a), (v) => v, {
        added: (k) => `certificate ${k} appeared`,
        removed: (k) => `certificate ${k} is gone`,
        changed: (k) => `certificate ${k} was replaced`,
      }),
    );
  }

  const services = (s: HostScan) => new Map(s.services.map((x) => [x.key, x]));
  changes.push(
    ...diffMaps('service', services(before), services(after), (s) => `${s.state}${s.version ? ` ${s.version}` : ''}`, {
      added: (_k, s) => `service ${s.name} (${s.product}) is new, ${s.state}`,
      removed: (_k, s) => `service ${s.name} (${s.product}) is gone`,
      changed: (_k, x, y) =>
        x.state !== y.state
          ? `service ${y.name} ${y.state === 'running' ? 'started' : y.state === 'stopped' ? 'stopped' : y.state} (was ${x.state})`
          : `service ${y.name} changed version from ${x.version ?? '?'} to ${y.version ?? '?'}`,
    }),
  );

  const edges = (s: HostScan) => new Map(s.edges.map((e) => [e.key, e]));
  changes.push(
    ...diffMaps('edge', edges(before), edges(after), (e) => e.key, {
      added: (k) => `new connection ${k}`,
      removed: (k) => `connection lost ${k}`,
      changed: () => null,
    }),
  );

  return { host: after.host, from: before.startedAt, to: after.startedAt, changes };
}
