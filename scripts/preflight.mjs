// What `npm test` needs from the system. As root on Debian/Ubuntu it installs what is missing;
// otherwise it says exactly what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDS = [
  { what: 'Chromium (browser tests)', test: () => existsSync('/usr/bin/chromium'), apt: ['chromium'] },
  { what: 'debootstrap (test fleet base image)', test: () => has('debootstrap'), apt: ['debootstrap'] },
  { what: 'systemd-nspawn (test fleet hosts)', test: () => has('systemd-nspawn'), apt: ['systemd-container'] },
  { what: 'ip (test fleet network)', test: () => has('ip'), apt: ['iproute2'] },
  { what: 'dpkg-scanpackages (test fleet apt repository)', test: () => has('dpkg-scanpackages'), apt: ['dpkg-dev'] },
  { what: 'ssh and ssh-keygen (test fleet keys)', test: () => has('ssh-keygen') && has('ssh'), apt: ['openssh-client'] },
];

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export function systemPreflight() {
  let missing = NEEDS.filter((n) => !n.test());
  if (missing.length === 0) return { ok: true };
  const isRoot = process.getuid?.() === 0;
  const packages = [...new Set(missing.flatMap((m) => m.apt))];
  if (isRoot && has('apt-get')) {
    console.log(`Installing system packages the tests need: ${packages.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
    if (r.status !== 0) return { ok: false, message: `apt-get install ${packages.join(' ')} failed.` };
    missing = NEEDS.filter((n) => !n.test());
    if (missing.length === 0) return { ok: true };
  }
  return {
    ok: false,
    message:
      `missing ${missing.map((m) => m.what).join(', ')}. ` +
      (isRoot ? '' : 'The test fleet also needs root. ') +
      `On Debian/Ubuntu: sudo apt-get install ${packages.join(' ')}`,
  };
}
