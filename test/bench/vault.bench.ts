// Vault benchmarks: what unlocking and bulk inventory work cost, against the plain way of doing
// the same work measured in the same run.
import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Core } from '../../electron/core/api';
import { KDF_DEFAULT } from '../../electron/core/vault/kdf';
import { median, result, timeIt, type Bench } from './types';

const PASS = 'bench passphrase';

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'opsdeck-bench-'));
}

export const vaultUnlock: Bench = {
  name: 'vault-unlock',
  description: 'unlock with the product KDF (scrypt N=2^17) vs a bare scrypt with the same parameters',
  async run() {
    const dir = tmp();
    try {
      const core = new Core({ path: join(dir, 'v.opsdeck'), log: () => undefined });
      await core.invoke('vault.create', { passphrase: PASS });
      const unlock: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < 5; i++) {
        await core.invoke('vault.lock', {});
        unlock.push(await timeIt(() => core.invoke('vault.unlock', { passphrase: PASS })));
        bare.push(await timeIt(() => scryptSync(PASS, randomBytes(16), 32, { ...KDF_DEFAULT, maxmem: 512 * 1024 * 1024 })));
      }
      core.close();
      const value = median(unlock);
      const baseline = median(bare);
      return result({
        name: this.name,
        value: Math.round(value),
        unit: 'ms',
        baseline: Math.round(baseline),
        goal: 'ratio <= 1.5 (the KDF is the cost, opening is not)',
        ok: value / baseline <= 1.5,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export const hostsAdd1000: Bench = {
  name: 'core-hosts-add-1000',
  description: 'add 1,000 hosts through the core API (validated, one transaction each) vs raw inserts into an encrypted database',
  async run() {
    const dir = tmp();
    try {
      const core = new Core({ path: join(dir, 'v.opsdeck'), insecureTestKdf: true, log: () => undefined });
      await core.invoke('vault.create', { passphrase: PASS });
      const value = await timeIt(async () => {
        for (let i = 0; i < 1000; i++)
          await core.invoke('hosts.add', {
            name: `host-${i}`,
            address: `10.${i >> 8}.${i & 255}.1`,
            tags: ['bench'],
            groups: ['g' + (i % 10)],
          });
      });
      const list = await timeIt(() => core.invoke('hosts.list', {}));
      core.close();
      const raw = new Database(join(dir, 'raw.db'));
      raw.pragma(`cipher='chacha20'`);
      raw.pragma(`key="x'${randomBytes(32).toString('hex')}'"`);
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = FULL');
      raw.exec('CREATE TABLE h (id TEXT PRIMARY KEY, name TEXT UNIQUE, address TEXT, tags TEXT)');
      const ins = raw.prepare('INSERT INTO h VALUES (?, ?, ?, ?)');
      const baseline = await timeIt(() => {
        for (let i = 0; i < 1000; i++) ins.run(String(i), `host-${i}`, `10.0.0.${i}`, '["bench"]');
      });
      raw.close();
      return result({
        name: this.name,
        value: Math.round(value),
        unit: 'ms',
        baseline: Math.round(baseline),
        // Each add is one fsync'd transaction plus validation and group upkeep; what a user feels is
        // the time per host, so the goal is on that, with the ratio printed to watch for regressions.
        goal: '<= 10 ms per host (value <= 10000)',
        ok: value <= 10_000,
        note: `hosts.list of 1,000 hosts: ${list.toFixed(1)} ms`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function cli(args: string[], env: Record<string, string>): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['bin/opsdeck.mjs', ...args], { env: { ...process.env, ...env }, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`opsdeck ${args.join(' ')} exited ${r.status}`);
  return performance.now() - t;
}

export const cliList1000: Bench = {
  name: 'cli-host-list-1000',
  description: '`opsdeck host list --json` on a vault with 1,000 hosts (real KDF) vs `opsdeck --help` (CLI start-up alone)',
  async run() {
    const dir = tmp();
    try {
      const path = join(dir, 'v.opsdeck');
      const core = new Core({ path, log: () => undefined });
      await core.invoke('vault.create', { passphrase: PASS });
      for (let i = 0; i < 1000; i++) await core.invoke('hosts.add', { name: `host-${i}`, address: `10.${i >> 8}.${i & 255}.1` });
      core.close();
      const env = { OPSDECK_VAULT: path, OPSDECK_PASSPHRASE: PASS };
      const list = median([0, 1, 2].map(() => cli(['host', 'list', '--json'], env)));
      const add = median([0, 1, 2].map((i) => cli(['host', 'add', `extra-${i}`, '--address', '10.9.9.9'], env)));
      const help = median([0, 1, 2].map(() => cli(['--help'], env)));
      return result({
        name: this.name,
        value: Math.round(list),
        unit: 'ms',
        baseline: Math.round(help),
        goal: 'value <= 3000 ms',
        ok: list <= 3000,
        note: `one \`host add\` into that vault: ${Math.round(add)} ms (each CLI call pays one scrypt unlock by design)`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
