#!/usr/bin/env node
// The `opsdeck` command. In a checkout it bundles the TypeScript sources into dist/cli.mjs on first
// use (and again whenever a source is newer), so `npx opsdeck ...` works right after `npm install`
// with no build step and starts fast afterwards. A packaged build ships dist/cli.mjs only.
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli.mjs');
const entry = join(root, 'electron', 'cli.ts');
const sources = ['electron', 'shared'].map((d) => join(root, d));

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  return sources.some((d) => existsSync(d) && newestSource(d) > built);
}

async function rebuild() {
  const { build } = await import('esbuild');
  const tmp = `${bundle}.${process.pid}.tmp`;
  await build({
    entryPoints: [entry],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    external: ['better-sqlite3-multiple-ciphers', 'ssh2', 'cpu-features', 'esbuild', 'electron'],
    // Bundled CommonJS dependencies still call require().
    banner: { js: "import { createRequire as __opsdeckRequire } from 'node:module'; const require = __opsdeckRequire(import.meta.url);" },
  });
  renameSync(tmp, bundle); // atomic: a concurrent run sees the old bundle or the new one
}

if (existsSync(entry) && stale()) {
  try {
    await rebuild();
  } catch {
    // No esbuild (production install without dev dependencies): run the sources through tsx.
    const { register } = await import('tsx/esm/api');
    register();
    await import(pathToFileURL(entry).href);
    process.exit();
  }
}
await import(pathToFileURL(bundle).href);
