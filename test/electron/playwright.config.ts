import { defineConfig } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const binary = electronBinary();
if (!binary.path) console.log(`Electron smoke tests SKIPPED: ${binary.missing}. They run where Electron's binary is installed.`);

// Electron smoke tests: they run where Electron's binary exists and skip with the reason elsewhere.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ?? '../../test-results/electron.json' }]],
});
