// Deep check wall time on the test fleet (cold: new connections every run) against Ansible
// gathering comparable facts on the same hosts in the same run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Core } from '../../electron/core/api';
import { labStatus, type LabHost } from '../fleet/index';
import { median, result, timeIt, type Bench } from './types';

const RUNS = 3;

function ansibleInventory(dir: string, hosts: LabHost[]): string {
  const h0 = hosts[0]!;
  const lines = ['[fleet]', ...hosts.map((h) => `${h.name} ansible_host=${h.address} ansible_user=${h.user}`)];
  lines.push(
    '[fleet:vars]',
    `ansible_ssh_private_key_file=${h0.privateKeyPath}`,
    `ansible_ssh_common_args='-o UserKnownHostsFile=${h0.knownHostsPath} -o StrictHostKeyChecking=yes -o ControlMaster=no'`,
    'ansible_python_interpreter=/usr/bin/python3',
  );
  const file = join(dir, 'inventory.ini');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const PLAYBOOK = `- hosts: fleet
  become: true
  gather_facts: true
  tasks:
    - service_facts:
    - command: dpkg-query -W
      changed_when: false
    - command: ss -tuanp
      changed_when: false
`;

function ansible(cmd: string, args: string[]): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, {
    env: {
      ...process.env,
      ANSIBLE_HOST_KEY_CHECKING: 'True',
      ANSIBLE_NOCOLOR: '1',
      ANSIBLE_RETRY_FILES_ENABLED: 'False',
      ANSIBLE_SSH_PIPELINING: 'True',
    },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${(r.stdout + r.stderr).slice(-400)}`);
  return performance.now() - t;
}

export const deepCheckFleet: Bench = {
  name: 'deepcheck-fleet',
  description: 'deep check of every fleet host (cold connections) vs an Ansible playbook collecting facts, services, packages and sockets',
  async run() {
    const status = await labStatus();
    const hosts = status.hosts.filter((h) => h.state === 'running');
    if (!status.up || hosts.length === 0) throw new Error('the test fleet is not up (npm run lab:up)');
    const dir = mkdtempSync(join(tmpdir(), 'opsdeck-bench-dc-'));
    try {
      const core = new Core({ path: join(dir, 'v.opsdeck'), insecureTestKdf: true, log: () => undefined });
      await core.invoke('vault.create', { passphrase: 'bench passphrase' });
      await core.invoke('credentials.add', { kind: 'private-key', name: 'fleet', path: hosts[0]!.privateKeyPath });
      for (const h of hosts) await core.invoke('hosts.add', { name: h.name, address: h.address, user: h.user, credential: 'fleet' });
      await core.invoke('checks.run', { acceptNew: true }); // trust the keys once; not timed
      const ours: number[] = [];
      let collected = 0;
      for (let i = 0; i < RUNS; i++) {
        ours.push(
          await timeIt(async () => {
            const run = await core.invoke('checks.run', {});
            if (run.results.some((r) => r.status !== 'ok'))
              throw new Error(`deep check not ok: ${JSON.stringify(run.results.map((r) => [r.host, r.status]))}`);
          }),
        );
      }
      for (const h of hosts) {
        const s = await core.invoke('scans.latest', { host: h.name });
        collected += (s?.facts?.packages.items.length ?? 0) + (s?.facts?.sockets.length ?? 0) + (s?.services.length ?? 0);
      }
      core.close();

      const inventory = ansibleInventory(dir, hosts);
      const playbook = join(dir, 'facts.yml');
      writeFileSync(playbook, PLAYBOOK);
      const forks = String(hosts.length);
      const play = median(Array.from({ length: RUNS }, () => ansible('ansible-playbook', ['-i', inventory, '-f', forks, playbook])));
      const setup = median(
        Array.from({ length: RUNS }, () => ansible('ansible', ['all', '-i', inventory, '-f', forks, '-b', '-m', 'setup'])),
      );
      const value = median(ours);
      const ratio = Number((value / play).toFixed(3));
      return result({
        name: this.name,
        value: Math.round(value),
        unit: 'ms',
        baseline: Math.round(play),
        ratio,
        goal: 'ratio <= 0.2 (5x faster than the playbook) and faster than `ansible -m setup`',
        ok: ratio <= 0.2 && value < setup,
        note: `${hosts.length} hosts; ansible -m setup alone: ${Math.round(setup)} ms; OpsDeck collected ${collected} packages+sockets+services`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
