import { describe, expect, it } from 'vitest';
import { parseInterfaces, parseNetwork, parseRoutes } from '../../../electron/core/discovery/parsers/network';
import { ALPINE, BUSYBOX, DEBIAN_ROOT, ROCKY, section } from './fixtures';

const net = (p: string) => parseNetwork(section(p, 'net.addr'), section(p, 'net.route'), section(p, 'net.dns'), section(p, 'net.ports'));

describe('network', () => {
  it('fleet host: its address, MAC, no default route, ephemeral range', () => {
    const n = net(DEBIAN_ROOT[1]!);
    const eth0 = n.interfaces.find((i) => i.name === 'eth0')!;
    expect(eth0.addresses.find((a) => a.family === 'inet')).toEqual({ family: 'inet', address: '198.18.0.12', prefix: 24 });
    expect(eth0.mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    expect(eth0.up).toBe(true);
    expect(n.defaultGateway).toBeNull();
    expect(n.ephemeralPorts).toEqual({ low: 32768, high: 60999 });
  });

  it('Rocky: secondary address, gateway, resolvers and search domain', () => {
    const n = net(ROCKY);
    expect(n.interfaces.find((i) => i.name === 'eth0')!.addresses.map((a) => a.address)).toEqual([
      '10.0.1.21',
      '10.0.1.50',
      'fe80::5054:ff:fe12:3456',
    ]);
    expect(n.defaultGateway).toBe('10.0.1.1');
    expect(n.nameservers).toEqual(['10.0.0.2', '10.0.0.3']);
    expect(n.searchDomains).toEqual(['example.com']);
  });

  it('busybox ip output (Alpine, and captured on this machine)', () => {
    expect(net(ALPINE).defaultGateway).toBe('10.0.2.1');
    expect(net(BUSYBOX).interfaces.length).toBeGreaterThan(0);
  });

  it('ifconfig fallbacks: net-tools 2.x and busybox/old styles', () => {
    const modern = `## ifconfig
eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500
        inet 172.17.0.2  netmask 255.255.0.0  broadcast 172.17.255.255
        inet6 fe80::42:acff:fe11:2  prefixlen 64  scopeid 0x20<link>
        ether 02:42:ac:11:00:02  txqueuelen 0  (Ethernet)`;
    const old = `## ifconfig
eth0      Link encap:Ethernet  HWaddr 02:42:AC:11:00:03
          inet addr:172.17.0.3  Bcast:172.17.255.255  Mask:255.255.0.0
          inet6 addr: fe80::42:acff:fe11:3/64 Scope:Link
          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1`;
    expect(parseInterfaces(modern)).toEqual([
      {
        name: 'eth0',
        mac: '02:42:ac:11:00:02',
        up: true,
        addresses: [
          { family: 'inet', address: '172.17.0.2', prefix: 16 },
          { family: 'inet6', address: 'fe80::42:acff:fe11:2', prefix: 64 },
        ],
      },
    ]);
    expect(parseInterfaces(old)).toEqual([
      {
        name: 'eth0',
        mac: '02:42:ac:11:00:03',
        up: true,
        addresses: [
          { family: 'inet', address: '172.17.0.3', prefix: 16 },
          { family: 'inet6', address: 'fe80::42:acff:fe11:3', prefix: 64 },
        ],
      },
    ]);
  });

  it('/proc/net/route fallback (little-endian hex)', () => {
    const text =
      '## proc\nIface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\neth0\t00000000\t0102000A\t0003\t0\t0\t0\t00000000\t0\t0\t0\neth0\t0002000A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0';
    expect(parseRoutes(text)).toEqual([
      { destination: 'default', gateway: '10.0.2.1', device: 'eth0' },
      { destination: '10.0.2.0/24', gateway: null, device: 'eth0' },
    ]);
  });
});
