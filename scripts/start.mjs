// `npm start`: the desktop app when Electron's binary exists, otherwise (in one line) the browser
// host, so the main command always opens OpsDeck. Builds what is missing or stale first.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { electronBinary } from './electron-binary.mjs';

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function stale(output, inputs) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((d) => existsSync(d) && newest(d) > built);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (stale('dist/renderer/index.html', ['renderer', 'shared'])) run('npm', ['run', '-s', 'build:renderer']);

const electron = electronBinary();
if (electron.path) {
  if (stale('dist-electron/main.cjs', ['electron', 'shared'])) run('npm', ['run', '-s', 'build:electron']);
  const child = spawn(electron.path, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`${electron.missing}: starting the browser host instead; open the URL below.`);
  const child = spawn(process.execPath, ['bin/opsdeck.mjs', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
