/**
 * CSV with a header row, as spreadsheets write it (RFC 4180): comma, semicolon or tab (guessed from
 * the header), double-quoted fields with doubled quotes and line breaks inside, CRLF, a BOM.
 * Columns map to host fields by header name (name, address, port, user, tags, groups, jump, key,
 * notes and common synonyms), or by the mapping the user chose in the wizard.
 */
import type { CsvField } from '../../../shared/contract/transfer';
import { AuthMethod } from '../../../shared/model';
import { fileError, resolvePath, stripBom } from './files';
import type { ParsedHost, ParsedInventory, SkippedEntry } from './types';

export interface CsvTable {
  delimiter: string;
  headers: string[];
  /** Data rows with the line each starts on. */
  rows: Array<{ line: number; cells: string[] }>;
}

const DELIMITERS = [',', ';', '\t'] as const;

function guessDelimiter(firstLine: string): string {
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const c of firstLine) {
      if (c === '"') quoted = !quoted;
      else if (!quoted && c === d) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** RFC 4180 records; an unterminated quote or a row wider than the header is an error naming its line. */
export function parseCsv(input: string, file: string): CsvTable {
  const text = stripBom(input);
  const delimiter = guessDelimiter(text.split(/\r\n|\n|\r/, 1)[0] ?? '');
  const records: Array<{ line: number; cells: string[] }> = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quotedAt: number | null = null;
    let inQuotes = false;
    let wasQuoted = false;
    for (;;) {
      if (i >= text.length) {
        if (inQuotes) throw fileError(file, quotedAt, 'a quoted field is never closed (missing ")');
        cells.push(cell);
        break;
      }
      const c = text[i] ?? '';
      if (inQuotes) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else {
            inQuotes = false;
            i++;
          }
          continue;
        }
        if (c === '\r' || c === '\n') {
          line++;
          if (c === '\r' && text[i + 1] === '\n') {
            cell += '\n';
            i += 2;
            continue;
          }
          cell += '\n';
          i++;
          continue;
        }
        cell += c;
        i++;
        continue;
      }
      if (c === '"' && cell.trim() === '' && !wasQuoted) {
        inQuotes = true;
        wasQuoted = true;
        quotedAt = line;
        cell = '';
        i++;
        continue;
      }
      if (c === delimiter) {
        cells.push(wasQuoted ? cell : cell.trim());
        cell = '';
        wasQuoted = false;
        i++;
        continue;
      }
      if (c === '\r' || c === '\n') {
        cells.push(wasQuoted ? cell : cell.trim());
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        break;
      }
      if (wasQuoted) {
        if (c === ' ' || c === '\t') {
          i++;
          continue;
        }
        throw fileError(file, line, `unexpected text after a closing quote ("${cell.slice(0, 20)}" then "${c}")`);
      }
      cell += c;
      i++;
    }
    if (cells.length === 1 && cells[0] === '') continue; // blank line
    records.push({ line: start, cells });
  }
  const [header, ...rows] = records;
  if (!header) throw fileError(file, null, 'the file is empty (a header row is needed: name,address,...)');
  const headers = header.cells.map((h) => h.trim());
  for (const r of rows) {
    if (r.cells.length > headers.length && r.cells.slice(headers.length).some((c) => c !== '')) {
      throw fileError(
        file,
        r.line,
        `this row has ${r.cells.length} fields but the header has ${headers.length} (an unquoted "${delimiter}" in a value?)`,
      );
    }
  }
  return { delimiter, headers, rows };
}

const SYNONYMS: Record<Exclude<CsvField, 'ignore'>, string[]> = {
  name: ['name', 'alias', 'host', 'hostalias', 'servername', 'server', 'inventoryname', 'inventoryhostname', 'node', 'machine'],
  address: ['address', 'ip', 'ipaddress', 'ipv4', 'ipv6', 'hostname', 'fqdn', 'dns', 'addr', 'ansiblehost', 'ip_address'],
  port: ['port', 'sshport', 'ansibleport'],
  user: ['user', 'username', 'login', 'sshuser', 'ansibleuser', 'account'],
  auth: ['auth', 'authmethod', 'authentication'],
  tags: ['tags', 'tag', 'labels', 'label'],
  groups: ['groups', 'group', 'hostgroup', 'hostgroups', 'ansiblegroup', 'ansiblegroups'],
  jumpHost: ['jumphost', 'jump', 'proxyjump', 'bastion', 'via', 'jumpserver', 'gateway'],
  credential: ['credential', 'credentialname'],
  identityFile: ['identityfile', 'key', 'keyfile', 'privatekey', 'sshkey', 'privatekeyfile', 'ansiblesshprivatekeyfile', 'keypath'],
  notes: ['notes', 'note', 'description', 'comment', 'comments', 'remarks'],
};

/** The mapping a header suggests: each field to the first column that names it; the rest ignored. */
export function guessColumns(headers: readonly string[]): CsvField[] {
  const taken = new Set<CsvField>();
  return headers.map((h) => {
    const key = h.toLowerCase().replace(/[^a-z0-9]/g, '');
    for (const [field, names] of Object.entries(SYNONYMS) as Array<[Exclude<CsvField, 'ignore'>, string[]]>) {
      if (!taken.has(field) && names.map((n) => n.replace(/[^a-z0-9]/g, '')).includes(key)) {
        taken.add(field);
        return field;
      }
    }
    return 'ignore';
  });
}

const splitList = (v: string): string[] =>
  v
    .split(/[;,|\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Rows to hosts. Bad values skip their row with the reason; a second row with a name already seen is a duplicate. */
export function csvToInventory(
  table: CsvTable,
  columns: readonly CsvField[],
  file: string,
  baseDir: string,
  home: string,
): ParsedInventory {
  const index = (f: CsvField) => columns.indexOf(f);
  if (index('name') === -1 && index('address') === -1) {
    throw fileError(file, 1, 'no column is mapped to the host name or the address; choose at least one in the column mapping');
  }
  const hosts: ParsedHost[] = [];
  const skipped: SkippedEntry[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const cell = (f: CsvField) => {
      const i = index(f);
      return i === -1 ? '' : (row.cells[i] ?? '').trim();
    };
    const source = { file, line: row.line };
    const name = cell('name') || cell('address');
    if (!name) {
      skipped.push({ kind: 'host', name: `row ${row.line}`, detail: '', reason: 'no name and no address', source });
      continue;
    }
    const first = seen.get(name.toLowerCase());
    if (first !== undefined) {
      skipped.push({ kind: 'host', name, detail: cell('address'), reason: `duplicate: the same name is on line ${first}`, source });
      continue;
    }
    seen.set(name.toLowerCase(), row.line);
    const portText = cell('port');
    const port = portText === '' ? undefined : Number(portText);
    if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
      skipped.push({ kind: 'host', name, detail: cell('address'), reason: `port "${portText}" is not a port (1-65535)`, source });
      continue;
    }
    const authText = cell('auth');
    const auth = authText === '' ? undefined : AuthMethod.safeParse(authText.toLowerCase());
    if (auth && !auth.success) {
      skipped.push({
        kind: 'host',
        name,
        detail: cell('address'),
        reason: `auth "${authText}" is not one of key, password, agent, keyboard-interactive`,
        source,
      });
      continue;
    }
    // Spreadsheet formula guard added by the CSV export (a leading ' before = + - @) comes off again.
    const notes = cell('notes').replace(/^'(?=[=+\-@])/, '');
    const host: ParsedHost = {
      name,
      ...(cell('address') ? { address: cell('address') } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(cell('user') ? { user: cell('user') } : {}),
      ...(auth?.success ? { auth: auth.data } : {}),
      ...(cell('identityFile') ? { identityFile: resolvePath(cell('identityFile'), baseDir, home) } : {}),
      ...(cell('credential') ? { credential: cell('credential') } : {}),
      ...(cell('jumpHost') ? { jumpHost: cell('jumpHost') } : {}),
      ...(notes ? { notes } : {}),
      groups: splitList(cell('groups')),
      tags: splitList(cell('tags')),
      warnings: [],
      source,
    };
    hosts.push(host);
  }
  const notes =
    hosts.length === 0 && skipped.length === 0 ? [{ source: { file, line: null }, message: 'No data rows under the header' }] : [];
  return { hosts, skipped, notes };
}
