import { describe, expect, it } from 'vitest';
import { parseNetstat, parseProcNet, parseSockets, parseSs } from '../../../electron/core/discovery/parsers/sockets';
import { ALPINE, BUSYBOX, DEBIAN_ROOT, DEBIAN_USER, ROCKY, section } from './fixtures';

describe('sockets', () => {
  it('ss -tuanpe as root (fleet app host): pid, process, uid, unit', () => {
    const s = parseSockets(section(DEBIAN_ROOT[1]!, 'net.sockets'));
    const listen = s.find((x) => x.state === 'LISTEN' && x.localPort === 8080)!;
    expect(listen).toMatchObject({ proto: 'tcp', localAddress: '0.0.0.0', process: 'python3', uid: 999, unit: 'fleet-app.service' });
    expect(listen.pid).toBeGreaterThan(0);
    const toDb = s.find((x) => x.state === 'ESTAB' && x.peerPort === 5432)!;
    expect(toDb).toMatchObject({ localAddress: '198.18.0.12', peerAddress: '198.18.0.13', unit: 'fleet-app.service' });
    expect(s.find((x) => x.localAddress === '::' && x.localPort === 22)?.state).toBe('LISTEN');
  });

  it('ss without root: no pids, but the unit still comes from the socket cgroup', () => {
    const s = parseSockets(section(DEBIAN_USER[1]!, 'net.sockets'));
    const toDb = s.find((x) => x.state === 'ESTAB' && x.peerPort === 5432)!;
    expect(toDb).toMatchObject({ pid: null, process: null, unit: 'fleet-app.service', uid: 999 });
  });

  it('ss (Rocky): IPv4-mapped peers, dual-stack *, UDP, TIME-WAIT', () => {
    const s = parseSs(section(ROCKY, 'net.sockets'));
    expect(s.find((x) => x.localPort === 3306 && x.state === 'LISTEN')?.localAddress).toBe('0.0.0.0');
    expect(s.find((x) => x.localPort === 3306 && x.state === 'ESTAB')).toMatchObject({
      localAddress: '10.0.1.21',
      peerAddress: '10.0.1.22',
    });
    expect(s.find((x) => x.proto === 'udp' && x.localAddress === '::1')).toMatchObject({
      state: 'UNCONN',
      localPort: 323,
      unit: 'chronyd.service',
    });
    expect(s.find((x) => x.state === 'TIME-WAIT')).toMatchObject({ pid: null, unit: null, peerPort: 8000 });
  });

  it('busybox netstat with PID/Program (Alpine) and without (Debian busybox)', () => {
    const a = parseNetstat(section(ALPINE, 'net.sockets'));
    expect(a.find((x) => x.localPort === 6379 && x.state === 'LISTEN')).toMatchObject({
      pid: 2100,
      process: 'redis-server',
      localAddress: '127.0.0.1',
    });
    expect(a.find((x) => x.localAddress === '::' && x.localPort === 22)).toMatchObject({ state: 'LISTEN', pid: 2200 });
    expect(a.find((x) => x.proto === 'udp')).toMatchObject({ state: 'UNCONN', localPort: 68, pid: 1780, process: 'udhcpc' });
    expect(a.find((x) => x.state === 'TIME-WAIT')).toMatchObject({ pid: null, peerAddress: '198.51.100.7' });
    const b = parseSockets(section(BUSYBOX, 'net.sockets'));
    expect(b.length).toBeGreaterThan(0);
    expect(b.every((x) => x.pid === null)).toBe(true);
  });

  it('/proc/net fallback: hex addresses (IPv4, IPv6, v4-mapped) and the fd map', () => {
    const blocks = [
      {
        name: 'proc tcp',
        body: '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000   999        0 4242 1\n   1: 0C0012C6:E2A6 0D0012C6:1538 01 00000000:00000000 00:00000000 00000000   999        0 4243 1',
      },
      {
        name: 'proc tcp6',
        body: '  sl  local_address                         remote_address                        st\n   0: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5000 1\n   1: 0000000000000000FFFF00000C0012C6:0050 0000000000000000FFFF00000B0012C6:8000 01 00000000:00000000 00:00000000 00000000    33        0 5001 1\n   2: 00000000000000000000000001000000:0019 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5002 1',
      },
      {
        name: 'fdmap',
        body: '/proc/77/fd:\nlrwx------ 1 app app 64 Nov 27 20:00 3 -> socket:[4242]\nlrwx------ 1 app app 64 Nov 27 20:00 4 -> socket:[4243]',
      },
    ];
    const s = parseProcNet(blocks);
    expect(s[0]).toMatchObject({ proto: 'tcp', state: 'LISTEN', localAddress: '127.0.0.1', localPort: 8080, pid: 77, uid: 999 });
    expect(s[1]).toMatchObject({
      state: 'ESTAB',
      localAddress: '198.18.0.12',
      localPort: 58022,
      peerAddress: '198.18.0.13',
      peerPort: 5432,
      pid: 77,
    });
    expect(s[2]).toMatchObject({ localAddress: '::', localPort: 22, state: 'LISTEN' });
    expect(s[3]).toMatchObject({ localAddress: '198.18.0.12', localPort: 80, peerAddress: '198.18.0.11', peerPort: 32768 });
    expect(s[4]).toMatchObject({ localAddress: '::1', localPort: 25 });
  });
});
