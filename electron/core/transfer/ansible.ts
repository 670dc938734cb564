/**
 * Ansible inventories, INI and YAML, read into one model and resolved the way Ansible does:
 * - groups with `hosts`, `vars` and `children` (`[g:vars]`, `[g:children]` in INI), `all` and
 *   `ungrouped`, hosts listed in several groups, `host:port`;
 * - host ranges `web[01:20].example.com`, `db-[a:f]`, `[1:10:2]` (zero padding kept);
 * - variables by precedence: `all`, then parent groups before child groups (by depth, then name),
 *   then host variables;
 * - ansible_host / ansible_port / ansible_user / ansible_ssh_private_key_file (and the old
 *   ansible_ssh_* spellings), a ProxyJump inside ansible_ssh_common_args, and OpsDeck's own
 *   opsdeck_tags / opsdeck_jump_host / opsdeck_credential / opsdeck_notes / opsdeck_auth that the
 *   Ansible export writes, so an export imports back to the same inventory.
 * A host's OpsDeck groups are every group it belongs to, directly or through `children`.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import type { AuthMethod } from '../../../shared/model';
import { fileError, resolvePath, splitLines, stripBom } from './files';
import { parseHop, proxyCommandHop, splitArgs, toName } from './ssh-config';
import type { ParsedHost, ParsedInventory, ParsedNote, SkippedEntry, SourceRef } from './types';

interface Var {
  value: unknown;
  source: SourceRef;
}
type Vars = Map<string, Var>;

interface Group {
  name: string;
  hosts: string[];
  vars: Vars;
  children: Array<{ name: string; source: SourceRef }>;
  source: SourceRef;
}

export interface AnsibleInventory {
  file: string;
  groups: Map<string, Group>;
  /** Host names in the order first seen. */
  hostOrder: string[];
  hostVars: Map<string, Vars>;
  hostSource: Map<string, SourceRef>;
  notes: ParsedNote[];
}

const MAX_HOSTS = 100_000;

// ------------------------------------------------------------------------------------ ranges

/** `web[01:03].x` → web01.x, web02.x, web03.x; `[a:c]`; `[0:10:5]`; several ranges multiply. */
export function expandHostPattern(pattern: string, file: string, line: number | null): string[] {
  const open = pattern.indexOf('[');
  if (open === -1) return [pattern];
  const close = pattern.indexOf(']', open);
  if (close === -1) throw fileError(file, line, `host range in "${pattern}" has no closing "]"`);
  const head = pattern.slice(0, open);
  const body = pattern.slice(open + 1, close);
  const tail = expandHostPattern(pattern.slice(close + 1), file, line);
  const parts = body.split(':');
  if (parts.length < 2 || parts.length > 3) throw fileError(file, line, `host range "[${body}]" must look like [01:20], [a:f] or [1:20:2]`);
  const [rawBeg = '', end = '', rawStep] = parts;
  const beg = rawBeg === '' ? '0' : rawBeg;
  const step = rawStep === undefined || rawStep === '' ? 1 : Number(rawStep);
  if (!Number.isInteger(step) || step < 1) throw fileError(file, line, `host range "[${body}]" has a bad step "${rawStep ?? ''}"`);
  let values: string[] = [];
  if (/^\d+$/.test(beg) && /^\d+$/.test(end)) {
    const padded = beg.length > 1 && beg.startsWith('0');
    if (padded && beg.length !== end.length)
      throw fileError(file, line, `host range "[${body}]": padded start and end must have the same width`);
    const from = Number(beg);
    const to = Number(end);
    if (to < from) throw fileError(file, line, `host range "[${body}]" ends before it starts`);
    if ((to - from) / step > MAX_HOSTS) throw fileError(file, line, `host range "[${body}]" is too large`);
    for (let i = from; i <= to; i += step) values.push(padded ? String(i).padStart(beg.length, '0') : String(i));
  } else if (/^[a-zA-Z]$/.test(beg) && /^[a-zA-Z]$/.test(end)) {
    const from = beg.charCodeAt(0);
    const to = end.charCodeAt(0);
    if (to < from) throw fileError(file, line, `host range "[${body}]" ends before it starts`);
    for (let c = from; c <= to; c += step) values.push(String.fromCharCode(c));
  } else {
    throw fileError(file, line, `host range "[${body}]" must be numbers ([01:20]) or single letters ([a:f])`);
  }
  values = values.map((v) => head + v);
  const out: string[] = [];
  for (const v of values) for (const t of tail) out.push(v + t);
  if (out.length > MAX_HOSTS) throw fileError(file, line, `host pattern "${pattern}" expands to more than ${MAX_HOSTS} hosts`);
  return out;
}

// ------------------------------------------------------------------------------------- model

function newInventory(file: string): AnsibleInventory {
  const inv: AnsibleInventory = { file, groups: new Map(), hostOrder: [], hostVars: new Map(), hostSource: new Map(), notes: [] };
  ensureGroup(inv, 'all', { file, line: null });
  ensureGroup(inv, 'ungrouped', { file, line: null });
  return inv;
}

function ensureGroup(inv: AnsibleInventory, name: string, source: SourceRef): Group {
  let g = inv.groups.get(name);
  if (!g) {
    g = { name, hosts: [], vars: new Map(), children: [], source };
    inv.groups.set(name, g);
  }
  return g;
}

function addHost(inv: AnsibleInventory, group: Group, pattern: string, vars: Vars, source: SourceRef): void {
  for (const name of expandHostPattern(pattern, source.file, source.line)) {
    if (!inv.hostVars.has(name)) {
      inv.hostOrder.push(name);
      inv.hostVars.set(name, new Map());
      inv.hostSource.set(name, source);
    }
    const hv = inv.hostVars.get(name);
    for (const [k, v] of vars) hv?.set(k, v);
    if (!group.hosts.includes(name)) group.hosts.push(name);
  }
  if (inv.hostOrder.length > MAX_HOSTS) throw fileError(source.file, source.line, `more than ${MAX_HOSTS} hosts`);
}

// --------------------------------------------------------------------------------------- INI

/** A value as Ansible's INI plugin sees it: quotes removed, a trailing ` # comment` dropped, numbers as numbers. */
function iniValue(raw: string): unknown {
  const v = raw.trim();
  const quoted = /^(["'])(.*)\1$/.exec(v);
  if (quoted) return quoted[2] ?? '';
  const uncommented = v.replace(/\s+[#;].*$/, '');
  if (/^-?\d+$/.test(uncommented)) return Number(uncommented);
  if (/^(true|false)$/i.test(uncommented)) return uncommented.toLowerCase() === 'true';
  return uncommented;
}

export function parseAnsibleIni(text: string, file: string): AnsibleInventory {
  const inv = newInventory(file);
  let section: { kind: 'hosts' | 'vars' | 'children'; group: Group } = {
    kind: 'hosts',
    group: ensureGroup(inv, 'ungrouped', { file, line: null }),
  };
  splitLines(text).forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const source = { file, line: lineNo };
    if (line.startsWith('[')) {
      const m = /^\[([^\]:\s]+)(?::([A-Za-z]+))?\]\s*(?:[#;].*)?$/.exec(line);
      if (!m?.[1]) throw fileError(file, lineNo, `bad section header "${line}" (expected [group], [group:vars] or [group:children])`);
      const kind = m[2] === undefined ? 'hosts' : m[2];
      if (kind !== 'hosts' && kind !== 'vars' && kind !== 'children')
        throw fileError(file, lineNo, `unknown section type ":${kind}" (expected :vars or :children)`);
      section = { kind, group: ensureGroup(inv, m[1], source) };
      return;
    }
    if (section.kind === 'vars') {
      const eq = line.indexOf('=');
      if (eq <= 0) throw fileError(file, lineNo, `expected "name=value" in [${section.group.name}:vars], found "${line}"`);
      section.group.vars.set(line.slice(0, eq).trim(), { value: iniValue(line.slice(eq + 1)), source });
      return;
    }
    const words = splitArgs(line, file, lineNo);
    if (section.kind === 'children') {
      const [child, ...extra] = words;
      if (!child) return;
      if (extra.length > 0) throw fileError(file, lineNo, `expected one group name per line in [${section.group.name}:children]`);
      ensureGroup(inv, child, source);
      section.group.children.push({ name: child, source });
      return;
    }
    const [pattern, ...assignments] = words;
    if (!pattern) return;
    const vars: Vars = new Map();
    for (const a of assignments) {
      const eq = a.indexOf('=');
      if (eq <= 0) throw fileError(file, lineNo, `expected "name=value" after the host name, found "${a}"`);
      const rawValue = a.slice(eq + 1);
      vars.set(a.slice(0, eq), { value: /^-?\d+$/.test(rawValue) ? Number(rawValue) : rawValue, source });
    }
    addHost(inv, section.group, pattern, vars, source);
  });
  return inv;
}

// -------------------------------------------------------------------------------------- YAML

export function parseAnsibleYaml(text: string, file: string): AnsibleInventory {
  const lc = new LineCounter();
  const doc = parseDocument(stripBom(text), { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0].line ?? null;
    throw fileError(file, line, first.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'not valid YAML');
  }
  const inv = newInventory(file);
  const lineOf = (node: unknown): number | null => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lc.linePos(range[0]).line : null;
  };
  const keyName = (pair: Pair): string => {
    const key = pair.key;
    const value = isScalar(key) ? key.value : key;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      throw fileError(file, lineOf(key), 'expected a name here');
    return String(value);
  };
  const isEmpty = (node: unknown) => node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === ''));

  const readVars = (node: unknown, into: Vars, what: string) => {
    if (isEmpty(node)) return;
    if (!isMap(node)) throw fileError(file, lineOf(node), `${what} must be a mapping of name: value`);
    for (const pair of node.items) {
      into.set(keyName(pair), { value: (pair.value as Node | null)?.toJSON() ?? null, source: { file, line: lineOf(pair.key) } });
    }
  };

  const readGroup = (name: string, node: unknown, parent: Group | null, source: SourceRef, depth: number) => {
    if (depth > 64) throw fileError(file, source.line, 'groups are nested too deep');
    const group = ensureGroup(inv, name, source);
    if (parent && parent.name !== name) parent.children.push({ name, source });
    if (isEmpty(node)) return;
    if (!isMap(node)) throw fileError(file, lineOf(node), `group "${name}" must be a mapping with hosts, vars or children`);
    for (const pair of node.items) {
      const key = keyName(pair);
      const at = { file, line: lineOf(pair.key) };
      if (key === 'hosts') {
        if (isEmpty(pair.value)) continue;
        if (!isMap(pair.value))
          throw fileError(
            file,
            lineOf(pair.value),
            `"hosts" of group "${name}" must be a mapping of host names (found ${isScalar(pair.value) ? 'a value' : 'a list'})`,
          );
        for (const h of pair.value.items) {
          const vars: Vars = new Map();
          readVars(h.value, vars, `the variables of host "${keyName(h)}"`);
          addHost(inv, group, keyName(h), vars, { file, line: lineOf(h.key) });
        }
      } else if (key === 'vars') {
        readVars(pair.value, group.vars, `"vars" of group "${name}"`);
      } else if (key === 'children') {
        if (isEmpty(pair.value)) continue;
        if (!isMap(pair.value)) throw fileError(file, lineOf(pair.value), `"children" of group "${name}" must be a mapping of group names`);
        for (const c of pair.value.items) readGroup(keyName(c), c.value, group, { file, line: lineOf(c.key) }, depth + 1);
      } else {
        inv.notes.push({
          source: at,
          message: `Unexpected key "${key}" in group "${name}" ignored (only hosts, vars and children are valid)`,
        });
      }
    }
  };

  const root = doc.contents;
  if (isEmpty(root)) return inv;
  if (!isMap(root)) throw fileError(file, lineOf(root), 'expected a mapping of groups at the top level (e.g. "all:")');
  for (const pair of root.items) readGroup(keyName(pair), pair.value, null, { file, line: lineOf(pair.key) }, 0);
  return inv;
}

/** INI or YAML: by extension, else by the first meaningful line (`[group]` or `host` vs `group:`). */
export function parseAnsible(text: string, file: string): AnsibleInventory {
  if (/\.(ya?ml|json)$/i.test(file)) return parseAnsibleYaml(text, file);
  if (/\.(ini|cfg)$/i.test(file)) return parseAnsibleIni(text, file);
  const first = splitLines(text)
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('#') && !l.startsWith(';'));
  if (first === '---' || (first !== undefined && /^[^\s[=]+:(\s|$)/.test(first) && !/=/.test(first))) return parseAnsibleYaml(text, file);
  return parseAnsibleIni(text, file);
}

// ------------------------------------------------------------------------------ resolution

function checkCycles(inv: AnsibleInventory): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[], via: SourceRef | null) => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting')
      throw fileError(via?.file ?? inv.file, via?.line ?? null, `group children form a loop: ${[...path, name].join(' → ')}`);
    state.set(name, 'visiting');
    for (const c of inv.groups.get(name)?.children ?? []) visit(c.name, [...path, name], c.source);
    state.set(name, 'done');
  };
  for (const name of inv.groups.keys()) visit(name, [], null);
}

interface ResolveOptions {
  /** Where relative key paths are resolved (the inventory's folder, or home for a dropped file). */
  baseDir: string;
  home: string;
}

const str = (v: unknown): string | undefined => {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
};
const templated = (v: unknown) => typeof v === 'string' && /\{\{|\{%/.test(v);

export function resolveAnsible(inv: AnsibleInventory, opts: ResolveOptions): ParsedInventory {
  checkCycles(inv);
  const parents = new Map<string, string[]>();
  for (const g of inv.groups.values()) for (const c of g.children) parents.set(c.name, [...(parents.get(c.name) ?? []), g.name]);
  const depthCache = new Map<string, number>();
  const depth = (name: string): number => {
    if (name === 'all') return 0;
    const cached = depthCache.get(name);
    if (cached !== undefined) return cached;
    const d = 1 + Math.max(0, ...(parents.get(name) ?? []).filter((p) => p !== 'all').map(depth));
    depthCache.set(name, d);
    return d;
  };
  const ancestors = (name: string, into: Set<string>) => {
    for (const p of parents.get(name) ?? []) {
      if (into.has(p)) continue;
      into.add(p);
      ancestors(p, into);
    }
  };

  const hosts: ParsedHost[] = [];
  const skipped: SkippedEntry[] = [];
  const jumps: Array<{ host: ParsedHost; spec: string; source: SourceRef }> = [];
  for (const name of inv.hostOrder) {
    const source = inv.hostSource.get(name) ?? { file: inv.file, line: null };
    const direct = [...inv.groups.values()].filter((g) => g.hosts.includes(name)).map((g) => g.name);
    const all = new Set(direct);
    for (const g of direct) ancestors(g, all);
    all.add('all');
    const ordered = [...all].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
    const vars: Vars = new Map();
    for (const g of ordered) for (const [k, v] of inv.groups.get(g)?.vars ?? []) vars.set(k, v);
    for (const [k, v] of inv.hostVars.get(name) ?? []) vars.set(k, v);

    const warnings: string[] = [];
    const get = (...keys: string[]): unknown => {
      for (const k of keys) {
        const v = vars.get(k);
        if (v === undefined) continue;
        if (templated(v.value)) {
          warnings.push(`${k} is a Jinja template (${str(v.value)}) and was not imported`);
          return undefined;
        }
        return v.value;
      }
      return undefined;
    };

    // `host:port` in the inventory name.
    let hostName = name;
    let portFromName: number | undefined;
    const hp = /^([^:[\]]+):(\d+)$/.exec(name);
    if (hp?.[1] && hp[2]) {
      hostName = hp[1];
      portFromName = Number(hp[2]);
    }
    const portRaw = get('ansible_port', 'ansible_ssh_port') ?? portFromName;
    const port = portRaw === undefined ? undefined : Number(portRaw);
    if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
      skipped.push({ kind: 'host', name: hostName, detail: '', reason: `ansible_port "${str(portRaw)}" is not a port (1-65535)`, source });
      continue;
    }
    const address = str(get('ansible_host', 'ansible_ssh_host'));
    const user = str(get('ansible_user', 'ansible_ssh_user', 'ansible_ssh_user'));
    const key = str(get('ansible_ssh_private_key_file', 'ansible_private_key_file'));
    const tagsRaw = get('opsdeck_tags');
    const tags = Array.isArray(tagsRaw) ? tagsRaw.map((t) => str(t) ?? '') : (str(tagsRaw)?.split(/[\s,]+/) ?? []);
    const notes = str(get('opsdeck_notes'));
    const credential = str(get('opsdeck_credential'));
    const authRaw = str(get('opsdeck_auth'));
    const auth = authRaw && ['key', 'password', 'agent', 'keyboard-interactive'].includes(authRaw) ? (authRaw as AuthMethod) : undefined;
    const host: ParsedHost = {
      name: hostName,
      ...(address !== undefined ? { address } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(user !== undefined ? { user } : {}),
      ...(auth !== undefined ? { auth } : {}),
      ...(key !== undefined ? { identityFile: resolvePath(key, opts.baseDir, opts.home) } : {}),
      ...(credential !== undefined ? { credential } : {}),
      ...(notes !== undefined ? { notes } : {}),
      groups: [...all].filter((g) => g !== 'all' && g !== 'ungrouped').sort(),
      tags: tags.filter(Boolean),
      warnings,
      source,
    };
    const jumpName = str(get('opsdeck_jump_host'));
    if (jumpName) host.jumpHost = jumpName;
    else {
      const spec = jumpFromSshArgs(`${str(get('ansible_ssh_common_args')) ?? ''} ${str(get('ansible_ssh_extra_args')) ?? ''}`);
      if (spec === 'unsupported')
        warnings.push('The ProxyCommand in ansible_ssh_common_args is not supported: only "ssh -W %h:%p HOST" becomes a jump host');
      else if (spec) jumps.push({ host, spec: spec.hops, source: vars.get('ansible_ssh_common_args')?.source ?? source });
    }
    hosts.push(host);
  }

  // ProxyJump hops: an inventory host (by name, or by address and port) or a host of its own.
  const byName = new Map(hosts.map((h) => [h.name.toLowerCase(), h]));
  for (const { host, spec, source } of jumps) {
    const hops = spec.split(',').map((h) => parseHop(h.trim(), source.file, source.line ?? 0));
    const names = hops.map((hop) => {
      const known =
        byName.get(hop.host.toLowerCase()) ??
        hosts.find(
          (h) =>
            (h.address ?? h.name).toLowerCase() === hop.host.toLowerCase() &&
            (h.port ?? 22) === (hop.port ?? 22) &&
            (!hop.user || hop.user === h.user),
        );
      if (known) return known.name;
      let name = toName(hop.port && hop.port !== 22 ? `${hop.host}-${hop.port}` : hop.host);
      const stem = name;
      for (let i = 2; byName.has(name.toLowerCase()) && byName.get(name.toLowerCase())?.address !== hop.host; i++) name = `${stem}-${i}`;
      if (!byName.has(name.toLowerCase())) {
        const made: ParsedHost = {
          name,
          address: hop.host,
          ...(hop.port !== undefined ? { port: hop.port } : {}),
          ...(hop.user !== undefined ? { user: hop.user } : {}),
          groups: [],
          tags: [],
          warnings: [],
          source,
          synthetic: { reason: `added as the jump host of ${host.name}` },
        };
        hosts.push(made);
        byName.set(name.toLowerCase(), made);
      }
      return name;
    });
    host.jumpHost = names[names.length - 1];
    for (let i = names.length - 1; i > 0; i--) {
      const hop = byName.get((names[i] ?? '').toLowerCase());
      if (hop && hop.jumpHost === undefined && hop.name !== names[i - 1]) hop.jumpHost = names[i - 1];
    }
  }

  const notes = [...inv.notes];
  if (hosts.length === 0 && skipped.length === 0)
    notes.push({ source: { file: inv.file, line: null }, message: 'No hosts in this inventory' });
  return { hosts, skipped, notes };
}

/** ProxyJump from ssh arguments: `-J hop`, `-o ProxyJump=hop`, `-o ProxyCommand="ssh -W %h:%p hop"`. */
export function jumpFromSshArgs(args: string): { hops: string } | 'unsupported' | null {
  let words: string[];
  try {
    words = splitArgs(args, '', 0);
  } catch {
    return null;
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (w === '-J') return words[i + 1] ? { hops: words[i + 1] ?? '' } : null;
    if (w.startsWith('-J')) return { hops: w.slice(2) };
    const opt = w === '-o' ? words[++i] : w.startsWith('-o') ? w.slice(2) : undefined;
    if (opt === undefined) continue;
    const m = /^(\w+)\s*[= ]\s*(.*)$/s.exec(opt);
    if (!m) continue;
    const name = (m[1] ?? '').toLowerCase();
    if (name === 'proxyjump') return m[2] ? { hops: m[2] } : null;
    if (name === 'proxycommand') {
      const hop = proxyCommandHop(m[2] ?? '', '', 0);
      if (!hop) return 'unsupported';
      return { hops: `${hop.user ? `${hop.user}@` : ''}${hop.host}${hop.port ? `:${hop.port}` : ''}` };
    }
  }
  return null;
}
