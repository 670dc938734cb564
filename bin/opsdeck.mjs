#!/usr/bin/env node
// The `opsdeck` command. In a checkout it runs the TypeScript sources through tsx, so
// `npx opsdeck ...` works right after `npm install` with no build step; a packaged build ships
// dist/cli.mjs and uses that instead.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli.mjs');
const source = join(root, 'electron', 'cli.ts');

if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(source).href);
} else {
  await import(pathToFileURL(built).href);
}
