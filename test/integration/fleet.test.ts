/**
 * Self-test of the test fleet (issue 3): the lab is up with real hosts that answer over SSH as
 * themselves, the roles form a live web -> app -> db/cache system seen from both ends of each
 * connection, spares install packages from the local repo with no network, nothing leaves the
 * lab subnet, and single hosts power off and on keeping their disks. Needs root.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { labExec, labStartHost, labStatus, labStopHost, labUp, type LabHost, type LabStatus } from '../fleet';

let lab: LabStatus;

function byRole(role: LabHost['role']): LabHost {
  const h = lab.hosts.find((x) => x.role === role);
  if (!h) throw new Error(`no ${role} host in the lab`);
  return h;
}

async function root(host: string, script: string): Promise<string> {
  const r = await labExec(host, script, { user: 'root' });
  if (r.code !== 0) throw new Error(`${host}: exit ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** `ss -Htnp state established` lines as {local, peer, proc}. */
function established(out: string): { local: string; peer: string; proc: string }[] {
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 5)
    .map((f) => ({ local: f[2]!, peer: f[3]!, proc: f.slice(4).join(' ') }));
}

describe('test fleet', () => {
  beforeAll(async () => {
    lab = await labUp();
  }, 900_000);

  it('status lists every host with role, address, user, key paths and state', async () => {
    const s = await labStatus();
    expect(s.up).toBe(true);
    expect(s.hosts.length).toBeGreaterThanOrEqual(6);
    expect(s.hosts.slice(0, 6).map((h) => `${h.name} ${h.role} ${h.address}`)).toEqual([
      'h1 web 198.18.0.11',
      'h2 app 198.18.0.12',
      'h3 db 198.18.0.13',
      'h4 cache 198.18.0.14',
      'h5 spare 198.18.0.15',
      'h6 spare 198.18.0.16',
    ]);
    for (const h of s.hosts) {
      expect(h).toMatchObject({ port: 22, user: 'ops', state: 'running' });
      expect(existsSync(h.privateKeyPath)).toBe(true);
      expect(existsSync(h.knownHostsPath)).toBe(true);
    }
  });

  it('every host answers over ssh with its own hostname and address, as ops (with sudo) and root', { timeout: 120_000 }, async () => {
    await Promise.all(
      lab.hosts.map(async (h) => {
        const ops = await labExec(
          h.name,
          'hostname; ip -4 -o addr show dev eth0; sudo -n id -u; python3 -c "print(6*7)"; systemctl is-system-running',
        );
        expect(ops.code, `${h.name}: ${ops.stderr}`).toBe(0);
        const [name, addr, sudoUid, py, systemd] = ops.stdout.trim().split('\n');
        expect(name).toBe(h.name);
        expect(addr).toContain(`inet ${h.address}/24`);
        expect(sudoUid).toBe('0');
        expect(py).toBe('42');
        expect(systemd).toBe('running');
        expect((await root(h.name, 'id -un; cat /etc/fleet-role')).trim()).toBe(`root\n${h.role}`);
      }),
    );
  });

  it('web -> app -> db and cache connections are established, seen with ss -tnp on both ends', { timeout: 120_000 }, async () => {
    const [web, app, db, cache] = [byRole('web'), byRole('app'), byRole('db'), byRole('cache')];
    const edges = [
      { from: web, to: app, port: 8080, client: 'nginx', server: 'python3' },
      { from: app, to: db, port: 5432, client: 'python3', server: 'postgres' },
      { from: app, to: cache, port: 6379, client: 'python3', server: 'redis-server' },
    ];
    const missing = async () => {
      const ss = new Map<string, ReturnType<typeof established>>();
      for (const h of [web, app, db, cache]) ss.set(h.name, established(await root(h.name, 'ss -Htnp state established')));
      return edges
        .filter((e) => {
          const client = ss.get(e.from.name)!.some((c) => c.peer === `${e.to.address}:${e.port}` && c.proc.includes(`"${e.client}"`));
          const server = ss
            .get(e.to.name)!
            .some(
              (c) => c.local === `${e.to.address}:${e.port}` && c.peer.startsWith(`${e.from.address}:`) && c.proc.includes(`"${e.server}"`),
            );
          return !(client && server);
        })
        .map((e) => `${e.from.name} -> ${e.to.name}:${e.port}`);
    };
    // the load generator on web requests every 15 s; nginx keeps its upstream connection open
    let left = await missing();
    for (let i = 0; i < 30 && left.length; i++) {
      await new Promise((r) => setTimeout(r, 2000));
      left = await missing();
    }
    expect(left).toEqual([]);
    // and the app answers through nginx with data from both backends
    const body = await root(web.name, 'curl -fsS -m 5 http://127.0.0.1/');
    expect(JSON.parse(body)).toMatchObject({ host: app.name, items: 100, db_addr: `${db.address}/32` });
  });

  it('a spare host installs a listed package with plain apt-get, and nothing else', { timeout: 180_000 }, async () => {
    const spare = lab.hosts.filter((h) => h.role === 'spare').at(-1)!;
    // a package from packages.txt that no role installs and that is not there yet
    const pkg = (
      await root(spare.name, 'for p in lsof net-tools rsync; do dpkg -s "$p" >/dev/null 2>&1 || { echo "$p"; break; }; done')
    ).trim();
    expect(pkg).not.toBe('');
    const install = await labExec(spare.name, `sudo -n DEBIAN_FRONTEND=noninteractive apt-get install -y -q ${pkg}`);
    expect(install.code, install.stdout + install.stderr).toBe(0);
    expect((await root(spare.name, `dpkg -s ${pkg} | sed -n 's/^Status: //p'`)).trim()).toBe('install ok installed');
    await root(spare.name, `DEBIAN_FRONTEND=noninteractive apt-get purge -y -q ${pkg}`);
    const unknown = await labExec(spare.name, 'sudo -n apt-get install -y -q sl', { user: 'ops' });
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Unable to locate package sl');
    // the repo is read-only for the hosts
    const write = await labExec(spare.name, 'touch /srv/fleet-repo/x', { user: 'root' });
    expect(write.stderr).toContain('Read-only file system');
  });

  it('hosts have no route off the lab network', async () => {
    const h = lab.hosts[0]!;
    const r = await labExec(
      h.name,
      'ip route show default; ip route get 1.1.1.1 2>&1; curl -sS -m 3 http://1.1.1.1/ 2>&1; ip route get 198.18.0.1',
    );
    const [route, get, curl, gw] = r.stdout.split('\n');
    expect(route).toMatch(/^unreachable default/);
    expect(get).toMatch(/No route to host|unreachable/i);
    expect(curl).toMatch(/^curl: \(7\)/);
    expect(gw).toMatch(/^198\.18\.0\.1 dev eth0 src /);
  });

  it('a host powers off and boots again with its disk kept', { timeout: 180_000 }, async () => {
    const spare = lab.hosts.filter((h) => h.role === 'spare')[0]!;
    const mark = `kept-${Date.now()}`;
    await root(spare.name, `echo ${mark} > /var/tmp/fleet-test-mark`);
    await labStopHost(spare.name);
    expect((await labStatus()).hosts.find((h) => h.name === spare.name)?.state).toBe('stopped');
    const off = await labExec(spare.name, 'true', { timeoutMs: 30_000 });
    expect(off.code).not.toBe(0);
    await labStartHost(spare.name);
    expect((await root(spare.name, 'cat /var/tmp/fleet-test-mark; rm /var/tmp/fleet-test-mark')).trim()).toBe(mark);
    expect((await labStatus()).hosts.find((h) => h.name === spare.name)?.state).toBe('running');
  });
});
