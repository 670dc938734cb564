/** Test helpers for the import parsers: an in-memory file system and an empty vault view. */
import type { FileReader } from '../../../electron/core/transfer/files';
import type { VaultView } from '../../../electron/core/transfer/planner';

/** Files by absolute path; an Error value is thrown when the file is read (EACCES and friends). */
export function fakeFs(files: Record<string, string | Error>, home = '/home/ops'): FileReader & { reads: string[] } {
  const reads: string[] = [];
  const toRe = (glob: string) =>
    new RegExp(
      `^${glob
        .replace(/[.+^${}()|\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')}$`,
    );
  return {
    home,
    reads,
    read(path) {
      reads.push(path);
      const f = files[path];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      if (f instanceof Error) throw f;
      return f;
    },
    glob(pattern) {
      if (!/[*?[]/.test(pattern)) return [pattern];
      const re = toRe(pattern);
      return Object.keys(files)
        .filter((k) => re.test(k))
        .sort();
    },
  };
}

export const denied = (): Error => Object.assign(new Error('EACCES'), { code: 'EACCES' });

export function emptyView(over: Partial<VaultView> = {}): VaultView {
  return { hosts: [], credentials: [], groups: [], hostKeys: [], revokedKeys: new Set(), defaultUser: 'me', ...over };
}
