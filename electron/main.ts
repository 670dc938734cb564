/** Electron entry: lifecycle only. Everything real lives in electron/core. */
import { app, type BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Core } from './core/api';
import { defaultVaultPath } from './core/paths';
import { wireIpc } from './ipc';
import { createMainWindow, hardenSessions, registerAppScheme, serveRenderer } from './window';

// The Electron build of the SQLite module (npm run rebuild:electron); plain Node uses the default one.
const nativeBinding = join(app.getAppPath(), '.native-electron', 'better_sqlite3.node');
if (existsSync(nativeBinding)) process.env['OPSDECK_NATIVE_BINDING'] = nativeBinding;

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

let win: BrowserWindow | null = null;
const vaultPath = process.env['OPSDECK_VAULT'] ?? join(app.getPath('userData'), 'vault.opsdeck');
const core = new Core({ path: vaultPath === '' ? defaultVaultPath() : vaultPath, holderName: 'the OpsDeck app' });

void app.whenReady().then(() => {
  hardenSessions();
  serveRenderer(join(app.getAppPath(), 'dist', 'renderer'));
  wireIpc(core, () => win);
  win = createMainWindow(join(__dirname, 'preload.cjs'));
  win.on('closed', () => (win = null));
});

app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => core.close());
