/** Where OpsDeck keeps its data by default: the OS's per-user app data folder (same as Electron's userData). */
import { homedir, platform } from 'node:os';
import { join } from 'node:path';

export function appDataDir(): string {
  const home = homedir();
  switch (platform()) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'OpsDeck');
    case 'win32':
      return join(process.env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'OpsDeck');
    default:
      return join(process.env['XDG_CONFIG_HOME'] ?? join(home, '.config'), 'OpsDeck');
  }
}

export function defaultVaultPath(): string {
  return join(appDataDir(), 'vault.opsdeck');
}

/** --vault beats OPSDECK_VAULT beats the default. */
export function resolveVaultPath(flag?: string): string {
  return flag ?? process.env['OPSDECK_VAULT'] ?? defaultVaultPath();
}
