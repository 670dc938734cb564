/** The host at a glance: what needs attention, the system, resources, disks, network, access and the scan itself. */
import type { ReactNode } from 'react';
import type { HostScan } from '../../../shared/model';
import { useStore } from '../../app/store';
import type { HostPageData } from './hostPageSlice';
import { Facts, Section } from './parts';
import { SeverityBadge, UsageBar, useNow } from './ScanBits';
import { absoluteTime, formatBytes, formatDuration, formatUptime, plural, relativeTime, severityRank } from './scanFormat';

const ATTENTION_SHOWN = 5;

function yesNo(v: boolean | null | undefined): string | null {
  return v === null || v === undefined ? null : v ? 'yes' : 'no';
}

export function OverviewTab({ scan, data }: { scan: HostScan; data: HostPageData }) {
  const setTab = useStore((s) => s.setHostTab);
  const now = useNow();
  const f = scan.facts;
  const findings = [...scan.findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));

  return (
    <div className="host-stack" data-testid="host-overview">
      {findings.length > 0 && (
        <Section
          title="Needs attention"
          count={findings.length}
          wide
          tools={
            <button type="button" className="link-button" onClick={() => setTab('findings')}>
              All findings
            </button>
          }
        >
          <ul className="attention-list">
            {findings.slice(0, ATTENTION_SHOWN).map((x, i) => (
              <li key={`${x.code}-${x.subject}-${i}`}>
                <SeverityBadge severity={x.severity} />
                <span className="attention-title">{x.title}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {f && (
        <div className="host-grid">
          <Section title="System">
            <Facts
              rows={[
                ['OS', f.os.prettyName || `${f.os.name} ${f.os.version}`],
                ['Kernel', <span className="mono">{`${f.os.kernel} (${f.os.arch})`}</span>, `${f.os.kernel} (${f.os.arch})`],
                ['Virtualization', f.os.virtualization ?? 'none detected'],
                ['Init', f.os.init],
                ['Hostname', <span className="mono">{f.os.fqdn && f.os.fqdn !== f.os.hostname ? f.os.fqdn : f.os.hostname}</span>],
                ['Machine ID', f.os.machineId ? <span className="mono">{f.os.machineId}</span> : null, f.os.machineId ?? undefined],
              ]}
            />
          </Section>
          <Section title="Resources">
            <Facts
              rows={[
                ['CPU', `${f.hardware.cpuCount} × ${f.hardware.cpuModel ?? 'unknown model'}`],
                [
                  'Memory',
                  f.hardware.memAvailableBytes !== null ? (
                    <MemoryBar total={f.hardware.memTotalBytes} available={f.hardware.memAvailableBytes} />
                  ) : (
                    formatBytes(f.hardware.memTotalBytes)
                  ),
                ],
                [
                  'Swap',
                  f.hardware.swapTotalBytes > 0
                    ? `${formatBytes(f.hardware.swapTotalBytes - f.hardware.swapFreeBytes)} of ${formatBytes(f.hardware.swapTotalBytes)} used`
                    : 'none',
                ],
                ['Uptime', f.uptime ? formatUptime(f.uptime.seconds) : null],
                [
                  'Load',
                  f.uptime ? (
                    <span>
                      {f.uptime.load1.toFixed(2)} · {f.uptime.load5.toFixed(2)} · {f.uptime.load15.toFixed(2)}
                      <span className="faint"> (1 · 5 · 15 min, {plural(f.hardware.cpuCount, 'CPU')})</span>
                    </span>
                  ) : null,
                ],
                ['Hardware', [f.hardware.vendor, f.hardware.product].filter(Boolean).join(' ') || null],
              ]}
            />
          </Section>
        </div>
      )}
      {f && (
        <Section title="Disks" count={f.filesystems.length} wide testId="host-disks">
          {f.filesystems.length === 0 ? (
            <p className="faint">No filesystems reported.</p>
          ) : (
            <table className="data-table host-table disk-table">
              <colgroup>
                <col style={{ width: '20%' }} />
                <col style={{ width: '20%' }} />
                <col style={{ width: '10%' }} />
                <col style={{ width: '10%' }} />
                <col />
                <col style={{ width: '10%' }} />
              </colgroup>
              <thead>
                <tr>
                  <th>Mount</th>
                  <th>Device</th>
                  <th>Type</th>
                  <th className="num">Size</th>
                  <th>Used</th>
                  <th className="num">Inodes</th>
                </tr>
              </thead>
              <tbody>
                {f.filesystems.map((fs) => (
                  <tr key={`${fs.device}-${fs.mount}`} data-testid="disk-row">
                    <td className="mono" title={fs.mount}>
                      {fs.mount}
                    </td>
                    <td className="mono muted" title={fs.device}>
                      {fs.device}
                    </td>
                    <td className="muted">{fs.fsType ?? ''}</td>
                    <td className="num">{formatBytes(fs.sizeBytes)}</td>
                    <td>
                      <UsageBar
                        percent={fs.usePercent}
                        label={`${formatBytes(fs.usedBytes)} used, ${formatBytes(fs.availBytes)} free (${fs.usePercent} %)`}
                      />
                    </td>
                    <td className="num muted">{fs.inodesUsePercent !== null ? `${fs.inodesUsePercent} %` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
      )}
      <div className="host-grid">
        <div className="host-stack">
          {f && (
            <Section title="Network">
              <Facts
                rows={[
                  ...f.network.interfaces
                    .filter((i) => i.name !== 'lo')
                    .map((i): [string, ReactNode] => [
                      i.name,
                      <span className="mono">
                        {i.addresses.map((a) => `${a.address}/${a.prefix}`).join('  ') || '–'}
                        {i.up === false && <span className="faint"> (down)</span>}
                      </span>,
                    ]),
                  ['Gateway', f.network.defaultGateway ? <span className="mono">{f.network.defaultGateway}</span> : 'none'],
                  ['DNS', f.network.nameservers.length > 0 ? <span className="mono">{f.network.nameservers.join(', ')}</span> : null],
                ]}
              />
            </Section>
          )}
          <Section title="Scan">
            <Facts
              rows={[
                ['Collected', `${relativeTime(scan.startedAt, now)} · ${absoluteTime(scan.startedAt)}`],
                ['Duration', formatDuration(scan.durationMs)],
                ['Signed in as', f ? `${f.meta.user} (${f.meta.privilege === 'user' ? 'unprivileged' : f.meta.privilege})` : null],
                ['Not visible', f && f.meta.denied.length > 0 ? f.meta.denied.join(', ') : null],
                ['Timed out', f && f.meta.timedOut.length > 0 ? f.meta.timedOut.join(', ') : null],
                [
                  'Drift',
                  scan.status === 'failed' ? null : data.drift ? (
                    <button type="button" className="link-button" onClick={() => setTab('drift')}>
                      {data.drift.changes.length === 0
                        ? 'no changes since the previous scan'
                        : `${plural(data.drift.changes.length, 'change')} since the previous scan`}
                    </button>
                  ) : (
                    'first scan'
                  ),
                ],
              ]}
            />
          </Section>
        </div>
        <div className="host-stack">
          {f && (
            <Section title="Access">
              <Facts
                rows={[
                  ['Password login', yesNo(f.sshd?.passwordAuthentication)],
                  ['Root login', f.sshd?.permitRootLogin ?? null],
                  ['SSH ports', f.sshd ? f.sshd.ports.join(', ') : null],
                  ['Login users', plural(f.users.filter((u) => u.canLogin).length, 'user')],
                  ['Sudo rules', plural(f.sudo.length, 'rule')],
                  [
                    'Host key',
                    data.hostKeys.length > 0 ? (
                      <span className="mono">{data.hostKeys.map((k) => `${k.keyType} ${k.fingerprint}`).join(', ')}</span>
                    ) : (
                      'not stored in the vault'
                    ),
                    data.hostKeys.map((k) => `${k.keyType} ${k.fingerprint}`).join('\n') || undefined,
                  ],
                ]}
              />
            </Section>
          )}
          {f && f.failedUnits.length > 0 && (
            <Section title="Failed units" count={f.failedUnits.length}>
              <ul className="plain-list mono">
                {f.failedUnits.map((u) => (
                  <li key={u} className="error-text">
                    {u}
                  </li>
                ))}
              </ul>
            </Section>
          )}
        </div>
      </div>
      {f && f.containers.length > 0 && (
        <Section title="Containers" count={f.containers.length} wide>
          <table className="data-table host-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Image</th>
                <th>Status</th>
                <th>Ports</th>
                <th>Runtime</th>
              </tr>
            </thead>
            <tbody>
              {f.containers.map((c) => (
                <tr key={c.id}>
                  <td className="cell-name">{c.name}</td>
                  <td className="mono">{c.image}</td>
                  <td className={c.running ? '' : 'muted'}>{c.status}</td>
                  <td className="mono muted">{c.ports}</td>
                  <td className="muted">{c.runtime}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      )}
    </div>
  );
}

function MemoryBar({ total, available }: { total: number; available: number }) {
  const used = Math.max(0, total - available);
  const percent = total > 0 ? (used / total) * 100 : 0;
  return (
    <span className="memory">
      <UsageBar percent={percent} label={`${formatBytes(used)} of ${formatBytes(total)} in use`} />
      <span className="faint memory-text">
        {formatBytes(used)} of {formatBytes(total)}
      </span>
    </span>
  );
}
