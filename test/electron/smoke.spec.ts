// The desktop door: the real Electron app, its sandboxed window and its one bridge.
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const binary = electronBinary();

test.describe('Electron app', () => {
  test.skip(!binary.path, `Electron smoke tests skipped: ${binary.missing ?? ''}`);

  test('opens a sandboxed, context-isolated window that reaches the core only through the bridge', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsdeck-electron-'));
    const app = await electron.launch({
      executablePath: binary.path,
      args: ['.'],
      env: { ...process.env, OPSDECK_VAULT: join(dir, 'vault.opsdeck') },
    });
    try {
      const win = await app.firstWindow();
      await expect(win).toHaveTitle(/OpsDeck/);
      const exposure = await win.evaluate(() => ({
        bridge: typeof (window as unknown as { opsdeck?: unknown }).opsdeck,
        require: typeof (globalThis as unknown as { require?: unknown }).require,
        process: typeof (globalThis as unknown as { process?: unknown }).process,
        keys: Object.keys((window as unknown as { opsdeck: object }).opsdeck).sort(),
      }));
      expect(exposure).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined', keys: ['call', 'on'] });
      const status = await win.evaluate(() =>
        (window as unknown as { opsdeck: { call(m: string, i: unknown): Promise<unknown> } }).opsdeck.call('vault.status', {}),
      );
      expect(status).toMatchObject({ ok: true, value: { state: 'missing' } });
      // With nodeIntegration off and the sandbox on, the page cannot reach Node even through the DOM.
      expect(await win.evaluate(() => typeof (globalThis as unknown as { module?: unknown }).module)).toBe('undefined');
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
