/** The host's long lists, each searchable: packages and pending updates, users and sudo, cron and timers, certificates. */
import { useMemo, useState } from 'react';
import type { HostFacts } from '../../../shared/model';
import { Capped, ListSearch, matchAll, Quiet, ROW_CAP, Section } from './parts';
import { useNow } from './ScanBits';
import { absoluteTime, daysUntil } from './scanFormat';
import { TableHead, type TableColumn } from '../../ui/TableHead';

const PACKAGE_COLUMNS: readonly TableColumn[] = [{ label: 'Package', width: '40%' }, { label: 'Version', width: '40%' }, { label: 'Arch' }];
const USER_COLUMNS: readonly TableColumn[] = [
  { label: 'User', width: '16%' },
  { label: 'UID', width: '8%', className: 'num' },
  { label: 'Home', width: '20%' },
  { label: 'Shell', width: '18%' },
  { label: 'Groups' },
];
const SUDO_COLUMNS: readonly TableColumn[] = [
  { label: 'Who', width: '16%' },
  { label: 'Rule', width: '36%' },
  { label: 'Source' },
  { width: '12%' },
];
const CRON_COLUMNS: readonly TableColumn[] = [
  { label: 'Schedule', width: '14%' },
  { label: 'User', width: '10%' },
  { label: 'Command' },
  { label: 'Source', width: '22%' },
];
const CERT_COLUMNS: readonly TableColumn[] = [
  { label: 'Subject', width: '22%' },
  { label: 'Names', width: '17%' },
  { label: 'Issuer', width: '13%' },
  { label: 'Expires', width: '19%' },
  { label: 'File' },
];

export function PackagesTab({ facts }: { facts: HostFacts }) {
  const [query, setQuery] = useState('');
  const { items, manager } = facts.packages;
  const shown = useMemo(() => items.filter((p) => matchAll(query, p.name, p.version)), [items, query]);
  const updates = facts.updates.items.filter((u) => matchAll(query, u.name, u.available));
  const security = facts.updates.items.filter((u) => u.security).length;

  return (
    <div className="host-stack">
      <ListSearch
        value={query}
        onChange={setQuery}
        placeholder="Search packages"
        shown={shown.length}
        total={items.length}
        testId="package-search"
      />
      {facts.updates.items.length > 0 && (
        <Section
          title="Pending updates"
          count={security > 0 ? `${facts.updates.items.length} · ${security} security` : facts.updates.items.length}
        >
          <table className="data-table host-table">
            <thead>
              <tr>
                <th>Package</th>
                <th>Installed</th>
                <th>Available</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {updates.slice(0, ROW_CAP).map((u) => (
                <tr key={u.name}>
                  <td className="cell-name">{u.name}</td>
                  <td className="mono muted">{u.current ?? ''}</td>
                  <td className="mono">{u.available}</td>
                  <td>{u.security && <span className="sev-badge sev-high">Security</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      )}
      {!facts.updates.checked && <p className="faint">Pending updates could not be checked (no package cache, or it timed out).</p>}
      <Section title="Installed" count={manager ? `${items.length} · ${manager}` : items.length} testId="host-packages">
        {shown.length === 0 ? (
          <Quiet>{items.length === 0 ? 'No package manager found.' : 'No packages match.'}</Quiet>
        ) : (
          <>
            <table className="data-table host-table">
              <TableHead columns={PACKAGE_COLUMNS} />
              <tbody>
                {shown.slice(0, ROW_CAP).map((p) => (
                  <tr key={`${p.name}-${p.arch ?? ''}`} data-testid="package-row">
                    <td title={p.name}>{p.name}</td>
                    <td className="mono" title={p.version}>
                      {p.version}
                    </td>
                    <td className="muted">{p.arch ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Capped shown={Math.min(shown.length, ROW_CAP)} total={shown.length} />
          </>
        )}
      </Section>
    </div>
  );
}

export function UsersTab({ facts }: { facts: HostFacts }) {
  const [query, setQuery] = useState('');
  const [loginOnly, setLoginOnly] = useState(true);
  const users = facts.users.filter((u) => (!loginOnly || u.canLogin) && matchAll(query, u.name, u.home, u.shell, ...u.groups));
  const sudo = facts.sudo.filter((r) => matchAll(query, r.principal, r.rule, r.source));
  const pool = loginOnly ? facts.users.filter((u) => u.canLogin).length : facts.users.length;

  return (
    <div className="host-stack">
      <div className="list-tools">
        <ListSearch
          value={query}
          onChange={setQuery}
          placeholder="Search users and sudo rules"
          shown={users.length}
          total={pool}
          testId="user-search"
        />
        <label className="check-option">
          <input type="checkbox" checked={loginOnly} onChange={(e) => setLoginOnly(e.target.checked)} />
          Only users who can log in
        </label>
      </div>
      <Section title="Users" count={users.length} testId="host-users">
        {users.length === 0 ? (
          <Quiet>No users match.</Quiet>
        ) : (
          <table className="data-table host-table">
            <TableHead columns={USER_COLUMNS} />
            <tbody>
              {users.map((u) => (
                <tr key={u.name} data-testid="user-row" data-user={u.name}>
                  <td className="cell-name">{u.name}</td>
                  <td className="num muted">{u.uid}</td>
                  <td className="mono muted" title={u.home}>
                    {u.home}
                  </td>
                  <td className={`mono ${u.canLogin ? '' : 'faint'}`}>{u.shell}</td>
                  <td title={u.groups.join(', ')}>
                    <div className="cell-chips">
                      {u.groups.map((g) => (
                        <span key={g} className={`chip ${g === 'sudo' || g === 'wheel' || g === 'admin' ? 'chip-accent' : ''}`}>
                          {g}
                        </span>
                      ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title="Sudo rules" count={sudo.length}>
        {sudo.length === 0 ? (
          <Quiet>{facts.meta.denied.includes('sudoers') ? 'The sudoers files could not be read.' : 'No sudo rules.'}</Quiet>
        ) : (
          <table className="data-table host-table">
            <TableHead columns={SUDO_COLUMNS} />
            <tbody>
              {sudo.map((r, i) => (
                <tr key={`${r.source}-${r.principal}-${i}`}>
                  <td className="cell-name">{r.principal}</td>
                  <td className="mono" title={r.rule}>
                    {r.rule}
                  </td>
                  <td className="mono muted" title={r.source}>
                    {r.source}
                  </td>
                  <td>{r.nopasswd && <span className="sev-badge sev-medium">No password</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </div>
  );
}

export function CronTab({ facts }: { facts: HostFacts }) {
  const [query, setQuery] = useState('');
  const jobs = facts.cron.filter((j) => matchAll(query, j.command, j.schedule, j.user, j.source));
  const timers = facts.timers.filter((t) => matchAll(query, t.name, t.activates));

  return (
    <div className="host-stack">
      <ListSearch
        value={query}
        onChange={setQuery}
        placeholder="Search jobs and timers"
        shown={jobs.length + timers.length}
        total={facts.cron.length + facts.timers.length}
      />
      <Section title="Cron jobs" count={jobs.length} testId="host-cron">
        {jobs.length === 0 ? (
          <Quiet>No cron jobs{query ? ' match' : ''}.</Quiet>
        ) : (
          <table className="data-table host-table">
            <TableHead columns={CRON_COLUMNS} />
            <tbody>
              {jobs.map((j, i) => (
                <tr key={`${j.source}-${i}`} data-testid="cron-row">
                  <td className="mono">{j.schedule}</td>
                  <td>{j.user ?? ''}</td>
                  <td className="mono" title={j.command}>
                    {j.command}
                  </td>
                  <td className="mono muted" title={j.source}>
                    {j.source}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title="Timers" count={timers.length}>
        {timers.length === 0 ? (
          <Quiet>No timers{query ? ' match' : ''}.</Quiet>
        ) : (
          <table className="data-table host-table">
            <thead>
              <tr>
                <th>Timer</th>
                <th>Activates</th>
                <th>Next run</th>
                <th>Last run</th>
              </tr>
            </thead>
            <tbody>
              {timers.map((t) => (
                <tr key={t.name}>
                  <td className="mono">{t.name}</td>
                  <td className="mono muted">{t.activates ?? ''}</td>
                  <td className="muted">{t.next ?? <span className="faint">not scheduled</span>}</td>
                  <td className="muted">{t.last ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </div>
  );
}

function expiry(notAfter: string, days: number | null): string {
  const date = new Date(notAfter).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  if (days === null) return notAfter;
  if (days < 0) return `expired ${date}`;
  if (days === 0) return `${date} · today`;
  return `${date} · in ${days} ${days === 1 ? 'day' : 'days'}`;
}

export function CertificatesTab({ facts }: { facts: HostFacts }) {
  const now = useNow(60_000);
  const [query, setQuery] = useState('');
  const certs = facts.certificates
    .filter((c) => matchAll(query, c.subject, c.issuer, c.path, ...c.dnsNames))
    .sort((a, b) => a.notAfter.localeCompare(b.notAfter));

  return (
    <div className="host-stack">
      <ListSearch
        value={query}
        onChange={setQuery}
        placeholder="Search certificates"
        shown={certs.length}
        total={facts.certificates.length}
      />
      <Section title="Certificates" count={certs.length} testId="host-certificates">
        {certs.length === 0 ? (
          <Quiet>
            {facts.certificates.length === 0
              ? 'No certificates found in web server configs or /etc/letsencrypt.'
              : 'No certificates match.'}
          </Quiet>
        ) : (
          <table className="data-table host-table">
            <TableHead columns={CERT_COLUMNS} />
            <tbody>
              {certs.map((c) => {
                const days = daysUntil(c.notAfter, now);
                const tone = days === null ? '' : days < 0 ? 'error-text' : days <= 30 ? 'warn-text' : '';
                return (
                  <tr key={`${c.path}-${c.fingerprint256}`} data-testid="certificate-row">
                    <td title={c.subject}>{c.subject}</td>
                    <td className="mono" title={c.dnsNames.join(', ')}>
                      {c.dnsNames.join(', ')}
                    </td>
                    <td className="muted" title={c.issuer}>
                      {c.selfSigned ? 'self-signed' : c.issuer}
                    </td>
                    <td className={tone} title={absoluteTime(c.notAfter)}>
                      {expiry(c.notAfter, days)}
                    </td>
                    <td className="mono muted" title={`${c.path} (${c.source})\nSHA256 ${c.fingerprint256}`}>
                      {c.path}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Section>
    </div>
  );
}
