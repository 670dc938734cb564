// Where Electron's binary is, or why it is not there. Electron's npm package throws on require()
// when its postinstall could not download the binary (as on offline or restricted machines).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary() {
  const require = createRequire(import.meta.url);
  try {
    const path = require('electron');
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { missing: "Electron's binary is not installed" };
  } catch {
    return { missing: "Electron's binary is not installed (its download was skipped or failed)" };
  }
}
