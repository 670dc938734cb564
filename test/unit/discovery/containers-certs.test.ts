import { describe, expect, it } from 'vitest';
import { parseCertificates } from '../../../electron/core/discovery/parsers/certs';
import { parseContainers } from '../../../electron/core/discovery/parsers/containers';
import { ALPINE, DEBIAN_ROOT, ROCKY, section } from './fixtures';

describe('containers', () => {
  it('podman ps -a rows (Rocky)', () => {
    expect(parseContainers(section(ROCKY, 'containers'))).toEqual([
      {
        runtime: 'podman',
        id: '3f2a9c1d7e8b',
        image: 'docker.io/library/redis:7',
        name: 'cache',
        status: 'Up 3 days',
        running: true,
        ports: '127.0.0.1:6380->6379/tcp',
      },
      {
        runtime: 'podman',
        id: '9a8b7c6d5e4f',
        image: 'quay.io/prometheus/node-exporter:v1.7.0',
        name: 'node-exporter',
        status: 'Exited (0) 2 weeks ago',
        running: false,
        ports: '',
      },
    ]);
    expect(parseContainers(section(DEBIAN_ROOT[0]!, 'containers'))).toEqual([]);
  });
});

describe('certificates', () => {
  it('the fleet web certificate found through the nginx config', () => {
    const [c] = parseCertificates(section(DEBIAN_ROOT[0]!, 'tls'));
    expect(c).toMatchObject({
      path: '/etc/ssl/certs/fleet-web.pem',
      source: 'nginx',
      subject: 'CN=h1.fleet.test, O=OpsDeck lab',
      selfSigned: true,
    });
    expect(c!.dnsNames).toEqual(['h1.fleet.test', 'h1']);
    expect(Date.parse(c!.notAfter) - Date.parse(c!.notBefore)).toBe(30 * 86_400_000);
    expect(c!.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('letsencrypt (Rocky) and an EC certificate (Alpine); junk blocks ignored', () => {
    expect(parseCertificates(section(ROCKY, 'tls'))[0]).toMatchObject({
      source: 'letsencrypt',
      dnsNames: ['shop.example.com', 'www.shop.example.com'],
      notAfter: '2026-12-09T20:23:56.000Z',
    });
    expect(parseCertificates(section(ALPINE, 'tls'))[0]).toMatchObject({ source: 'nginx', subject: 'CN=edge.example.org' });
    expect(parseCertificates('## nginx /x.pem\n-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----')).toEqual([]);
  });
});
