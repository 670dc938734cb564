// Builds a copy of the SQLite module for Electron's ABI into .native-electron/, leaving the
// default (plain Node) build in node_modules for the CLI, the browser host and the tests.
// Needs Electron's binary and headers; where they cannot be downloaded it says so and skips.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { electronBinary } from './electron-binary.mjs';

const electron = electronBinary();
if (!electron.path) {
  console.log(`rebuild:electron skipped: ${electron.missing}.`);
  process.exit(0);
}
const version = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const work = join('.native-electron', 'build');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync('node_modules/better-sqlite3-multiple-ciphers', work, { recursive: true, filter: (p) => !p.includes('/build/') });
const r = spawnSync('npx', ['node-gyp', 'rebuild', '--release', `--target=${version}`, '--dist-url=https://electronjs.org/headers'], {
  cwd: work,
  stdio: 'inherit',
});
if (r.status !== 0) {
  console.log(`rebuild:electron skipped: could not build for Electron ${version} (headers unreachable?).`);
  process.exit(0);
}
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join('.native-electron', 'better_sqlite3.node'));
console.log(`Built .native-electron/better_sqlite3.node for Electron ${version}.`);
