/**
 * known_hosts for import. The SSH engine's own parser (ssh/known-hosts.ts) reads the entries; it
 * skips malformed lines the way OpenSSH does at connect time, but an import must not silently drop
 * what the user asked for, so every line it skipped is explained here and refused with its number.
 */
import { keyTypeOfBlob } from '../ssh/fingerprint';
import { parseKnownHosts } from '../ssh/known-hosts';
import { fileError, readOrFail, stripBom, type FileReader } from './files';
import type { ParsedKnownHosts } from './types';

/** Why the engine's parser skipped this line. */
function problemOf(line: string): string {
  const fields = line.split(/\s+/);
  if (fields[0]?.startsWith('@')) {
    const marker = fields.shift() ?? '';
    if (marker !== '@revoked' && marker !== '@cert-authority')
      return `unknown marker "${marker}" (only @revoked and @cert-authority exist)`;
  }
  const [hostField, keyType, keyB64] = fields;
  if (!hostField || !keyType || !keyB64) return 'expected "HOSTS KEY-TYPE BASE64-KEY"';
  if (hostField.startsWith('|')) {
    const [, kind, salt, hash] = hostField.split('|');
    if (kind !== '1' || !salt || !hash) return `the hashed host name "${hostField.slice(0, 24)}…" is malformed`;
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(keyB64)) return 'the key is not valid base64';
  const blobType = keyTypeOfBlob(Buffer.from(keyB64, 'base64'));
  if (blobType !== keyType)
    return blobType ? `the key is a ${blobType} key, but the line says ${keyType}` : `the key data is not a valid ${keyType} key`;
  return 'the line could not be read';
}

export function parseKnownHostsSource(source: { path: string } | { text: string; fileName: string }, fs: FileReader): ParsedKnownHosts {
  const file = 'path' in source ? source.path : source.fileName;
  const text = stripBom('path' in source ? readOrFail(fs, source.path) : source.text);
  const entries = parseKnownHosts(text);
  const read = new Set(entries.map((e) => e.line));
  // Split exactly as the engine's parser does, so line numbers agree.
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || read.has(i + 1)) return;
    throw fileError(file, i + 1, problemOf(line));
  });
  return { file, entries, notes: entries.length === 0 ? [{ source: { file, line: null }, message: 'No host keys in this file' }] : [] };
}
