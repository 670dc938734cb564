import { describe, expect, it } from 'vitest';
import { classifyServices } from '../../../electron/core/discovery/classify';
import { computeFindings } from '../../../electron/core/discovery/findings';
import { ALPINE, DEBIAN_ROOT, DEBIAN_USER, ROCKY, parsed } from './fixtures';

const findings = (path: string, now = new Date('2026-11-28T00:00:00Z')) => {
  const p = parsed(path);
  return computeFindings(p.facts, classifyServices(p.facts), p.gaps, now);
};
const codes = (path: string) => findings(path).map((f) => [f.code, f.severity]);

describe('findings', () => {
  it('Rocky: full disk, failed unit, expiring cert, risky sshd, pending updates, exposed database', () => {
    const f = findings(ROCKY);
    expect(f.map((x) => [x.code, x.severity, x.subject])).toEqual([
      ['SECURITY_UPDATES', 'high', 'dnf'],
      ['DISK_FULL', 'high', '/'],
      ['SSH_ROOT_LOGIN', 'high', 'sshd'],
      ['CERT_EXPIRING', 'medium', '/etc/letsencrypt/live/shop.example.com/cert.pem'],
      ['FAILED_UNITS', 'medium', 'kdump.service'],
      ['INTERNAL_SERVICE_EXPOSED', 'medium', 'mariadb'],
      ['SSH_PASSWORD_AUTH', 'medium', 'sshd'],
      ['PENDING_UPDATES', 'low', 'dnf'],
    ]);
    expect(f.find((x) => x.code === 'DISK_FULL')!.evidence[0]).toContain('91 % used');
    expect(f.find((x) => x.code === 'CERT_EXPIRING')!.title).toBe(
      'Certificate /etc/letsencrypt/live/shop.example.com/cert.pem expires in 11 days',
    );
  });

  it('certificate severity grows as expiry nears, and expired is critical', () => {
    const at = (iso: string) => findings(ROCKY, new Date(iso)).find((x) => x.code.startsWith('CERT'));
    expect(at('2026-10-01T00:00:00Z')).toBeUndefined();
    expect(at('2026-12-05T00:00:00Z')).toMatchObject({ code: 'CERT_EXPIRING', severity: 'high' });
    expect(at('2026-12-10T00:00:00Z')).toMatchObject({ code: 'CERT_EXPIRED', severity: 'critical' });
  });

  it('Alpine: 97 % root, crashed OpenRC service, updates without security info', () => {
    expect(codes(ALPINE)).toEqual([
      ['DISK_FULL', 'high'],
      ['FAILED_UNITS', 'medium'],
      ['PENDING_UPDATES', 'low'],
    ]);
  });

  it('fleet: the web cert (30 days) and redis on all addresses; postgres on its own address is fine', () => {
    const web = findings(DEBIAN_ROOT[0]!, new Date(Date.parse(parsed(DEBIAN_ROOT[0]!).facts.certificates[0]!.notBefore) + 86_400_000));
    expect(web.map((x) => x.code)).toEqual(['CERT_EXPIRING']);
    expect(codes(DEBIAN_ROOT[3]!)).toEqual([['INTERNAL_SERVICE_EXPOSED', 'medium']]);
    expect(codes(DEBIAN_ROOT[2]!)).toEqual([]);
  });

  it('an unprivileged scan says what it could not see', () => {
    const f = findings(DEBIAN_USER[2]!);
    expect(f.find((x) => x.code === 'SCAN_PARTIAL')).toMatchObject({
      severity: 'info',
      evidence: expect.arrayContaining(['not readable without root: sudo rules']) as string[],
    });
  });
});
