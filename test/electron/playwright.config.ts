import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';

// Electron smoke tests: they run where Electron's binary exists and skip with the reason elsewhere.
const binary = electronBinary();
if (!binary.path) console.log(`Electron smoke tests SKIPPED: ${binary.missing}. They run where Electron's binary is installed.`);

const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  timeout: 60_000,
  outputDir: `${root}test-results/electron-artifacts`,
  reporter: [['list'], ['json', { outputFile: `${root}test-results/electron.json` }]],
});
