/**
 * Reading import files: text with a BOM and any line ending, errors that name the file, the line and
 * the problem, and a small glob for ssh_config `Include` (Node 20 has no fs.glob). Parsers take a
 * `FileReader` so tests can hand them a fake file system (loops, unreadable files) without root.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { OpsError } from '../../../shared/model';

/** Import files larger than this are refused before parsing (no inventory is this large). */
export const MAX_IMPORT_FILE = 32 * 1024 * 1024;

export interface FileReader {
  /** The file's text; throws an Error with a Node `code` (ENOENT, EACCES, EISDIR) when it cannot. */
  read(path: string): string;
  /** Paths matching a glob pattern, sorted like glob(3); [] when nothing matches. */
  glob(pattern: string): string[];
  home: string;
}

/** A parse failure: names the file, the line (when there is one) and the problem. Nothing is imported. */
export function fileError(file: string, line: number | null, problem: string): OpsError {
  return new OpsError('VALIDATION', `${file}${line !== null ? `, line ${line}` : ''}: ${problem}`, 'source');
}

export function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'is not readable (permission denied)';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EFBIG') return 'is too large';
  return `cannot be read (${code ?? 'error'})`;
}

/** Text without a byte-order mark, split into lines whatever the line endings (LF, CRLF, CR). */
export function splitLines(text: string): string[] {
  return stripBom(text).split(/\r\n|\n|\r/);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function expandHome(path: string, home: string): string {
  if (path === '~') return home;
  if (path.startsWith('~/')) return join(home, path.slice(2));
  return path;
}

/** `~` expansion, then relative paths against `base`. */
export function resolvePath(path: string, base: string, home: string): string {
  const expanded = expandHome(path, home);
  return isAbsolute(expanded) ? expanded : resolve(base, expanded);
}

function globSegmentToRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] ?? '';
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end === -1) re += '\\[';
      else {
        let body = segment.slice(i + 1, end);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const hasMagic = (s: string) => /[*?[]/.test(s);

/** glob(3) over the real file system: `*`, `?` and `[...]` per path segment, hidden files only when asked for. */
export function globFiles(pattern: string): string[] {
  const absolute = resolve(pattern);
  const parts = absolute.split(sep).filter(Boolean);
  let bases: string[] = [sep];
  for (const part of parts) {
    const next: string[] = [];
    for (const base of bases) {
      if (!hasMagic(part)) {
        next.push(join(base, part));
        continue;
      }
      const re = globSegmentToRegExp(part);
      let names: string[] = [];
      try {
        names = readdirSync(base);
      } catch {
        continue;
      }
      for (const name of names.sort()) if ((part.startsWith('.') || !name.startsWith('.')) && re.test(name)) next.push(join(base, name));
    }
    bases = next;
  }
  return bases.filter((p) => {
    try {
      lstatSync(p);
      return true;
    } catch {
      return false; // matched a directory name but not the rest of the pattern
    }
  });
}

export function realFileReader(home = homedir()): FileReader {
  return {
    home,
    read(path) {
      const st = statSync(path);
      if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (st.size > MAX_IMPORT_FILE) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
      return readFileSync(path, 'utf8');
    },
    glob: (pattern) => (hasMagic(pattern) ? globFiles(pattern) : [pattern]),
  };
}

/** Reads a file or throws an error that names it and says why. */
export function readOrFail(fs: FileReader, path: string, via?: { file: string; line: number }): string {
  try {
    return fs.read(path);
  } catch (e) {
    if (via) throw fileError(via.file, via.line, `the included file ${path} ${why(e)}`);
    throw fileError(path, null, `the file ${why(e)}`);
  }
}

export const dirOf = (path: string): string => dirname(path);
