/**
 * The deep-check script ships as resources/deepcheck.sh (runnable by hand with `sh` for debugging).
 * It is looked up beside the source tree, in Electron's resources folder, or where
 * OPSDECK_RESOURCES points; callers may also pass the text themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

function candidates(): string[] {
  const list: string[] = [];
  if (process.env.OPSDECK_RESOURCES) list.push(join(process.env.OPSDECK_RESOURCES, 'deepcheck.sh'));
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) list.push(join(resourcesPath, 'deepcheck.sh'), join(resourcesPath, 'resources', 'deepcheck.sh'));
  try {
    list.push(fileURLToPath(new URL('../../../resources/deepcheck.sh', import.meta.url)));
  } catch {
    // bundled as CommonJS: import.meta.url is not available; the other candidates remain
  }
  list.push(join(process.cwd(), 'resources', 'deepcheck.sh'));
  return list;
}

export function loadDeepCheckScript(): string {
  if (cached) return cached;
  for (const path of candidates()) {
    try {
      cached = readFileSync(path, 'utf8');
      return cached;
    } catch {
      // try the next place
    }
  }
  throw new Error(`deepcheck.sh not found (looked in: ${candidates().join(', ')})`);
}
