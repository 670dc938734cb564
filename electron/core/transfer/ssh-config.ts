/**
 * OpenSSH client config (ssh_config(5)) as OpenSSH itself reads it:
 * - `Keyword value`, `Keyword=value`, tabs, double or single quotes, `#` comments at the start of a
 *   word, keywords in any case, CRLF and a BOM;
 * - `Include` with globs, `~`, relative paths (against ~/.ssh, as for a user config), inside Host
 *   blocks too (conditional), loops and unreadable files reported with the including line;
 * - `Host` blocks with several patterns, `*`, `?` and `!negation`; the first value obtained for an
 *   option wins, so wildcard blocks act as defaults for the hosts they match, in file order;
 * - `Match` blocks with `all`, `host`, `originalhost`, `user` and `localuser` criteria (and `!`) are
 *   evaluated as OpenSSH does, in file order, against the host name and user as set so far; a block
 *   whose conditions need a live connection (`exec`, `canonical`, `localnetwork`, ...) is skipped
 *   with a note;
 * - `ProxyJump` chains with `user@host:port` hops and `ssh -W %h:%p hop` ProxyCommands become jump
 *   hosts. Every literal Host pattern becomes a host.
 * Malformed input (an unterminated quote, a bad port, a Host line without patterns) throws an error
 * naming the file and line; nothing is imported then.
 */
import { hostname as localHostname } from 'node:os';
import { join } from 'node:path';
import { fileError, readOrFail, resolvePath, splitLines, type FileReader } from './files';
import type { ParsedHost, ParsedInventory, ParsedNote, SourceRef } from './types';

/** One `Match` criterion OpsDeck can evaluate without connecting. */
interface MatchCriterion {
  kind: 'all' | 'host' | 'originalhost' | 'user' | 'localuser';
  patterns: string[];
  negated: boolean;
}

/** A Match block's criteria, or null when one of them needs a live connection (the block never applies). */
type Cond = { kind: 'host'; patterns: string[] } | { kind: 'match'; criteria: MatchCriterion[] | null };

/** What a condition is tested against: the alias, and the host name and user as set so far. */
interface MatchContext {
  alias: string;
  hostname: string;
  user: string;
  localUser: string;
}

const EVALUABLE = new Set(['all', 'host', 'originalhost', 'user', 'localuser']);

/** `Match` arguments: criteria with comma-separated patterns; null when one cannot be evaluated here. */
function parseMatch(args: string[], file: string, line: number): { criteria: MatchCriterion[] | null; unevaluable: string[] } {
  if (args.length === 0) throw fileError(file, line, '"Match" needs a condition (for example "Match host *.prod" or "Match all")');
  const criteria: MatchCriterion[] = [];
  const unevaluable: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = (args[i] ?? '').toLowerCase();
    const negated = word.startsWith('!');
    const kind = negated ? word.slice(1) : word;
    if (kind === 'all' || kind === 'canonical' || kind === 'final') {
      // canonical/final only say which pass applies; OpsDeck reads the file once, like the first pass.
      if (kind === 'all') criteria.push({ kind: 'all', patterns: [], negated });
      else if (kind === 'canonical' || kind === 'final') unevaluable.push(kind);
      continue;
    }
    const value = args[i + 1];
    if (value === undefined) throw fileError(file, line, `"Match ${kind}" needs a value`);
    i++;
    if (EVALUABLE.has(kind)) criteria.push({ kind: kind as MatchCriterion['kind'], patterns: value.split(','), negated });
    else unevaluable.push(kind);
  }
  return { criteria: unevaluable.length > 0 ? null : criteria, unevaluable };
}

function criterionMatches(c: MatchCriterion, ctx: MatchContext): boolean {
  const subject = { all: '', host: ctx.hostname, originalhost: ctx.alias, user: ctx.user, localuser: ctx.localUser }[c.kind];
  const hit = c.kind === 'all' ? true : hostPatternsMatch(c.patterns, subject);
  return c.negated ? !hit : hit;
}

interface Directive {
  keyword: string;
  args: string[];
  /** The text after the keyword, for options that take the rest of the line (ProxyCommand). */
  rest: string;
  file: string;
  line: number;
  conds: Cond[];
}

interface HostLine {
  patterns: string[];
  file: string;
  line: number;
  conds: Cond[];
}

export interface SshConfigOptions {
  fs: FileReader;
  /** The local user name (%u, and the user OpenSSH logs in as when none is configured). */
  localUser: string;
}

const MAX_INCLUDE_DEPTH = 16;

/** Options OpsDeck reads. */
const USED = new Set(['hostname', 'user', 'port', 'identityfile', 'proxyjump', 'proxycommand']);
/** Options that change how (or whether) a connection works and that OpsDeck cannot carry over: a warning on the host. */
const UNSUPPORTED = new Set([
  'localforward',
  'remoteforward',
  'dynamicforward',
  'certificatefile',
  'pkcs11provider',
  'securitykeyprovider',
  'hostkeyalias',
  'canonicalizehostname',
  'remotecommand',
  'forwardagent',
  'forwardx11',
  'identityagent',
  'sendenv',
  'setenv',
  'bindaddress',
  'bindinterface',
]);

// ------------------------------------------------------------------------------------ lexing

/** Splits arguments like OpenSSH's argv_split: whitespace, quotes, backslash escapes, `#` comments. */
export function splitArgs(text: string, file: string, line: number): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= text.length) break;
    if (text[i] === '#') break; // a comment starts at the beginning of a word
    let arg = '';
    let quote: string | null = null;
    let quoteStart = 0;
    while (i < text.length) {
      const c = text[i] ?? '';
      const next = text[i + 1] ?? '';
      if (quote) {
        if (c === '\\' && (next === quote || next === '\\')) {
          arg += next;
          i += 2;
        } else if (c === quote) {
          quote = null;
          i++;
        } else {
          arg += c;
          i++;
        }
        continue;
      }
      if (c === ' ' || c === '\t') break;
      if (c === '"' || c === "'") {
        quote = c;
        quoteStart = i;
        i++;
      } else if (c === '\\' && (next === ' ' || next === '\\' || next === '"' || next === "'")) {
        arg += next;
        i += 2;
      } else {
        arg += c;
        i++;
      }
    }
    if (quote)
      throw fileError(file, line, `unterminated ${quote === '"' ? 'double' : 'single'} quote (opened at column ${quoteStart + 1})`);
    args.push(arg);
  }
  return args;
}

/** `Keyword value`, `Keyword=value`, `Keyword = value`: the keyword (lower case) and the rest. */
function splitKeyword(text: string, file: string, line: number): { keyword: string; spelled: string; rest: string } {
  const m = /^([^\s=]+)[ \t]*(?:=[ \t]*)?(.*)$/.exec(text);
  if (!m?.[1]) throw fileError(file, line, 'expected "Keyword value"');
  return { keyword: m[1].toLowerCase(), spelled: m[1], rest: m[2] ?? '' };
}

// --------------------------------------------------------------------------------- patterns

function globToRegExp(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'is',
  );
}

/** OpenSSH's Host line rule: some pattern matches and no negated one does. Case-insensitive. */
export function hostPatternsMatch(patterns: readonly string[], alias: string): boolean {
  let positive = false;
  for (const p of patterns) {
    const negated = p.startsWith('!');
    if (globToRegExp(negated ? p.slice(1) : p).test(alias)) {
      if (negated) return false;
      positive = true;
    }
  }
  return positive;
}

const isLiteral = (p: string) => !p.startsWith('!') && !/[*?]/.test(p);

function condsMatch(conds: readonly Cond[], ctx: MatchContext): boolean {
  return conds.every((c) =>
    c.kind === 'host' ? hostPatternsMatch(c.patterns, ctx.alias) : c.criteria !== null && c.criteria.every((m) => criterionMatches(m, ctx)),
  );
}

// ------------------------------------------------------------------------------- reading

interface ReadState {
  fs: FileReader;
  directives: Directive[];
  hostLines: HostLine[];
  notes: ParsedNote[];
  /** Options OpsDeck does not use, by lower-case keyword, as first spelled. */
  ignored: Map<string, string>;
}

function readConfig(state: ReadState, file: string, text: string, depth: number, context: Cond[], stack: string[]): void {
  let current: Cond | null = null;
  splitLines(text).forEach((raw, index) => {
    const lineNo = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const { keyword, spelled, rest } = splitKeyword(trimmed, file, lineNo);
    const conds = current ? [...context, current] : context;
    if (keyword === 'host') {
      const patterns = splitArgs(rest, file, lineNo);
      if (patterns.length === 0) throw fileError(file, lineNo, '"Host" needs at least one pattern');
      current = { kind: 'host', patterns };
      state.hostLines.push({ patterns, file, line: lineNo, conds: context });
      return;
    }
    if (keyword === 'match') {
      const { criteria, unevaluable } = parseMatch(splitArgs(rest, file, lineNo), file, lineNo);
      current = { kind: 'match', criteria };
      if (criteria === null)
        state.notes.push({
          source: { file, line: lineNo },
          message: `"Match ${rest.trim()}" block skipped: OpsDeck cannot evaluate ${unevaluable.join(', ')} without connecting`,
        });
      return;
    }
    if (keyword === 'include') {
      const patterns = splitArgs(rest, file, lineNo);
      if (patterns.length === 0) throw fileError(file, lineNo, '"Include" needs a file name');
      if (conds.some((c) => c.kind === 'match' && c.criteria === null)) return; // inside a skipped Match block
      for (const pattern of patterns) {
        const absolute = resolvePath(pattern, join(state.fs.home, '.ssh'), state.fs.home);
        for (const path of state.fs.glob(absolute)) {
          if (stack.includes(path))
            throw fileError(file, lineNo, `Include loop: ${[...stack.slice(stack.indexOf(path)), path].join(' → ')}`);
          if (depth + 1 > MAX_INCLUDE_DEPTH) throw fileError(file, lineNo, `Include files are nested more than ${MAX_INCLUDE_DEPTH} deep`);
          const included = readOrFail(state.fs, path, { file, line: lineNo });
          readConfig(state, path, included, depth + 1, conds, [...stack, path]);
        }
      }
      return;
    }
    const args = USED.has(keyword) && keyword !== 'proxycommand' ? splitArgs(rest, file, lineNo) : [];
    if (USED.has(keyword)) {
      if (keyword === 'proxycommand' ? rest.trim() === '' : args.length === 0) throw fileError(file, lineNo, `"${keyword}" needs a value`);
      if (keyword !== 'proxycommand' && args.length > 1)
        throw fileError(file, lineNo, `"${keyword}" takes one value, found ${args.length}`);
      if (keyword === 'port') parsePort(args[0] ?? '', file, lineNo);
      if (keyword === 'proxyjump' && args[0]?.toLowerCase() !== 'none')
        for (const hop of (args[0] ?? '').split(',')) parseHop(hop.trim(), file, lineNo);
    } else if (!UNSUPPORTED.has(keyword) && !state.ignored.has(keyword)) {
      state.ignored.set(keyword, spelled);
    }
    state.directives.push({ keyword, args, rest: rest.trim(), file, line: lineNo, conds });
  });
}

function parsePort(value: string, file: string, line: number): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65535) throw fileError(file, line, `bad port "${value}" (1-65535)`);
  return Number(value);
}

// ------------------------------------------------------------------------------- resolving

interface Hop {
  user?: string;
  host: string;
  port?: number;
}

interface Resolved {
  alias: string;
  hostname?: { value: string; line: Directive };
  user?: string;
  port?: number;
  identityFiles: Array<{ path: string; d: Directive }>;
  jump: { hops: Hop[]; d: Directive } | null;
  warnings: string[];
}

/** `[user@]host[:port]`, `ssh://[user@]host[:port]`, `[v6]:port`. */
export function parseHop(spec: string, file: string, line: number): Hop {
  const s = spec.replace(/^ssh:\/\//, '');
  const at = s.lastIndexOf('@');
  const user = at > 0 ? s.slice(0, at) : undefined;
  let hostPort = at >= 0 ? s.slice(at + 1) : s;
  let port: number | undefined;
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(hostPort);
  if (v6) {
    hostPort = v6[1] ?? '';
    if (v6[2] !== undefined) port = parsePort(v6[2], file, line);
  } else {
    const m = /^([^:]+):([^:]*)$/.exec(hostPort);
    if (m) {
      hostPort = m[1] ?? '';
      port = parsePort(m[2] ?? '', file, line);
    }
  }
  if (!hostPort || /^:\d*$/.test(hostPort) || /[\s/@]/.test(hostPort))
    throw fileError(file, line, `bad ProxyJump hop "${spec}" (expected [user@]host[:port])`);
  return { ...(user ? { user } : {}), host: hostPort, ...(port !== undefined ? { port } : {}) };
}

const NO_ARG_FLAGS = new Set('46AaCfGgKkMNnqsTtVvXxYy'.split(''));
const ARG_FLAGS = new Set('BbcDEeFIiJLlmOoPpQRSwW'.split(''));

/** `ssh [-q] [-l user] [-p port] -W %h:%p hop` (any order): the hop, or null for anything else. */
export function proxyCommandHop(command: string, file: string, line: number): Hop | null {
  let words: string[];
  try {
    words = splitArgs(command, file, line);
  } catch {
    return null;
  }
  if (words[0] !== 'ssh' && !/\/ssh$/.test(words[0] ?? '')) return null;
  let user: string | undefined;
  let port: number | undefined;
  let forward: string | undefined;
  const rest: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? '';
    if (!w.startsWith('-') || w.length < 2) {
      rest.push(w);
      continue;
    }
    const flag = w[1] ?? '';
    if (NO_ARG_FLAGS.has(flag) && w.length === 2) continue;
    if (!ARG_FLAGS.has(flag)) return null;
    const value = w.length > 2 ? w.slice(2) : words[++i];
    if (value === undefined) return null;
    if (flag === 'W') forward = value;
    else if (flag === 'l') user = value;
    else if (flag === 'p') port = /^\d+$/.test(value) ? Number(value) : undefined;
    else if (flag !== 'q' && flag !== 'o' && flag !== 'i' && flag !== 'F') return null;
  }
  if (forward !== '%h:%p' && forward !== '[%h]:%p') return null;
  if (rest.length !== 1 || !rest[0]) return null;
  const hop = parseHop(rest[0], file, line);
  return { ...hop, ...(user && !hop.user ? { user } : {}), ...(port && !hop.port ? { port } : {}) };
}

function expandTokens(value: string, tokens: Record<string, string>, warn: (t: string) => void): string {
  return value.replace(/%(.)/g, (whole, t: string) => {
    if (t === '%') return '%';
    const v = tokens[t];
    if (v === undefined) {
      warn(whole);
      return whole;
    }
    return v;
  });
}

function resolveAlias(alias: string, directives: readonly Directive[], localUser: string): Resolved {
  const r: Resolved = { alias, identityFiles: [], jump: null, warnings: [] };
  const seen = new Set<string>();
  const unsupported = new Set<string>();
  let jumpDecided = false;
  for (const d of directives) {
    // Match host/user see the values as set so far in the file (OpenSSH's first pass).
    if (!condsMatch(d.conds, { alias, hostname: r.hostname?.value ?? alias, user: r.user ?? localUser, localUser })) continue;
    if (UNSUPPORTED.has(d.keyword)) {
      unsupported.add(d.keyword);
      continue;
    }
    if (!USED.has(d.keyword)) continue;
    const value = d.args[0] ?? '';
    if (d.keyword === 'identityfile') {
      if (value.toLowerCase() !== 'none') r.identityFiles.push({ path: value, d });
      continue;
    }
    // ProxyJump and ProxyCommand share one slot: whichever comes first wins (as in OpenSSH).
    if (d.keyword === 'proxyjump' || d.keyword === 'proxycommand') {
      if (jumpDecided) continue;
      jumpDecided = true;
      if (d.keyword === 'proxyjump') {
        if (value.toLowerCase() !== 'none') r.jump = { hops: value.split(',').map((h) => parseHop(h.trim(), d.file, d.line)), d };
      } else if (d.rest.toLowerCase() !== 'none') {
        const hop = proxyCommandHop(d.rest, d.file, d.line);
        if (hop) r.jump = { hops: [hop], d };
        else r.warnings.push(`ProxyCommand (${d.file}, line ${d.line}) is not supported: only "ssh -W %h:%p HOST" becomes a jump host`);
      }
      continue;
    }
    if (seen.has(d.keyword)) continue;
    seen.add(d.keyword);
    if (d.keyword === 'hostname') r.hostname = { value, line: d };
    else if (d.keyword === 'user') r.user = value;
    else if (d.keyword === 'port') r.port = Number(value);
  }
  for (const k of unsupported) r.warnings.push(`${displayKeyword(k)} is not supported by OpsDeck and was not imported`);
  return r;
}

const KEYWORD_CASE: Record<string, string> = {
  localforward: 'LocalForward',
  remoteforward: 'RemoteForward',
  dynamicforward: 'DynamicForward',
  certificatefile: 'CertificateFile',
  pkcs11provider: 'PKCS11Provider',
  securitykeyprovider: 'SecurityKeyProvider',
  hostkeyalias: 'HostKeyAlias',
  canonicalizehostname: 'CanonicalizeHostname',
  remotecommand: 'RemoteCommand',
  forwardagent: 'ForwardAgent',
  forwardx11: 'ForwardX11',
  identityagent: 'IdentityAgent',
  sendenv: 'SendEnv',
  setenv: 'SetEnv',
  bindaddress: 'BindAddress',
  bindinterface: 'BindInterface',
};
const displayKeyword = (k: string) => KEYWORD_CASE[k] ?? k;

/** A host name usable as an OpsDeck name: letters, digits, dot, dash, underscore. */
export function toName(s: string): string {
  return (
    s
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '')
      .slice(0, 64) || 'host'
  );
}

// ----------------------------------------------------------------------------------- entry

export type ConfigSource = { path: string } | { text: string; fileName: string };

export function parseSshConfig(source: ConfigSource, opts: SshConfigOptions): ParsedInventory {
  const file = 'path' in source ? source.path : source.fileName;
  const text = 'path' in source ? readOrFail(opts.fs, source.path) : source.text;
  const state: ReadState = { fs: opts.fs, directives: [], hostLines: [], notes: [], ignored: new Map() };
  readConfig(state, file, text, 0, [], 'path' in source ? [source.path] : []);

  // Every literal Host pattern is a host, in the order first seen (when its enclosing Include applies to it).
  const aliases: Array<{ alias: string; at: HostLine }> = [];
  const byLower = new Map<string, string>();
  for (const h of state.hostLines) {
    for (const p of h.patterns) {
      const ctx = { alias: p, hostname: p, user: opts.localUser, localUser: opts.localUser };
      if (!isLiteral(p) || byLower.has(p.toLowerCase()) || !condsMatch(h.conds, ctx)) continue;
      byLower.set(p.toLowerCase(), p);
      aliases.push({ alias: p, at: h });
    }
  }

  const home = opts.fs.home;
  const resolved = new Map(aliases.map(({ alias }) => [alias, resolveAlias(alias, state.directives, opts.localUser)]));
  const hosts: ParsedHost[] = [];
  const byName = new Map<string, ParsedHost>();

  const toHost = (r: Resolved, source: SourceRef): ParsedHost => {
    const warnings = [...r.warnings];
    const tokenWarn = (where: string) => (t: string) => warnings.push(`${where}: the token ${t} is not supported and was kept as is`);
    const address = r.hostname ? expandTokens(r.hostname.value, { h: r.alias, n: r.alias }, tokenWarn('HostName')) : undefined;
    const user = r.user ? expandTokens(r.user, { u: opts.localUser, h: address ?? r.alias, n: r.alias }, tokenWarn('User')) : undefined;
    const tokens = { d: home, u: opts.localUser, h: address ?? r.alias, n: r.alias, r: user ?? opts.localUser, l: localHostname() };
    const keys = r.identityFiles.map((k) => resolvePath(expandTokens(k.path, tokens, tokenWarn('IdentityFile')), home, home));
    const [identityFile, ...more] = [...new Set(keys)];
    if (more.length > 0) warnings.push(`Also has IdentityFile ${more.join(', ')}: OpsDeck uses one key per host (the first)`);
    return {
      name: r.alias,
      ...(address !== undefined ? { address } : {}),
      ...(r.port !== undefined ? { port: r.port } : {}),
      ...(user !== undefined ? { user } : {}),
      ...(identityFile ? { identityFile } : {}),
      groups: [],
      tags: [],
      warnings,
      source,
    };
  };

  for (const { alias, at } of aliases) {
    const host = toHost(resolved.get(alias) ?? resolveAlias(alias, state.directives, opts.localUser), { file: at.file, line: at.line });
    hosts.push(host);
    byName.set(alias.toLowerCase(), host);
  }

  // ProxyJump hops: config hosts by name, anything else becomes a host of its own.
  const synthetic = new Map<string, ParsedHost>();
  const hopRef = (hop: Hop, forAlias: string, d: Directive): string => {
    const alias = byLower.get(hop.host.toLowerCase());
    if (alias) {
      const known = byName.get(alias.toLowerCase());
      const sameUser = !hop.user || hop.user === (known?.user ?? opts.localUser);
      const samePort = !hop.port || hop.port === (known?.port ?? 22);
      if (sameUser && samePort) return alias;
    }
    const base = toHost(resolveAlias(hop.host, state.directives, opts.localUser), { file: d.file, line: d.line });
    const address = base.address ?? hop.host;
    const user = hop.user ?? base.user;
    const port = hop.port ?? base.port;
    const key = `${user ?? ''}@${address.toLowerCase()}:${port ?? 22}`;
    const existing = synthetic.get(key);
    if (existing) return existing.name;
    const stem = toName(port && port !== 22 ? `${hop.host}-${port}` : hop.host);
    let name = stem;
    for (let i = 2; byName.has(name.toLowerCase()); i++) name = `${stem}-${i}`;
    const host: ParsedHost = {
      ...base,
      name,
      address,
      ...(user !== undefined ? { user } : {}),
      ...(port !== undefined ? { port } : {}),
      synthetic: { reason: `added as the jump host of ${forAlias}` },
    };
    synthetic.set(key, host);
    byName.set(name.toLowerCase(), host);
    hosts.push(host);
    return name;
  };

  // First every host's own jump (the last hop), then the links inside chains a,b,c (c through b, b through a).
  const chains: Array<{ host: ParsedHost; refs: string[] }> = [];
  for (const { alias } of aliases) {
    const jump = resolved.get(alias)?.jump;
    const host = byName.get(alias.toLowerCase());
    if (!jump || !host) continue;
    const refs = jump.hops.map((hop) => hopRef(hop, alias, jump.d));
    const last = refs[refs.length - 1];
    if (!last) continue;
    if (last.toLowerCase() === alias.toLowerCase()) {
      host.warnings.push(`ProxyJump points to the host itself (${jump.d.file}, line ${jump.d.line}); ignored`);
      continue;
    }
    host.jumpHost = last;
    if (refs.length > 1) chains.push({ host, refs });
  }
  for (const { host, refs } of chains) {
    for (let i = refs.length - 1; i > 0; i--) {
      const hop = byName.get((refs[i] ?? '').toLowerCase());
      const previous = refs[i - 1] ?? '';
      if (!hop || hop.name.toLowerCase() === previous.toLowerCase()) continue;
      if (hop.jumpHost === undefined) {
        hop.jumpHost = previous;
        if (!hop.synthetic) hop.warnings.push(`Reached through ${previous} (from the ProxyJump chain of ${host.name})`);
      } else if (hop.jumpHost.toLowerCase() !== previous.toLowerCase()) {
        host.warnings.push(`ProxyJump chain: ${hop.name} keeps its own jump host ${hop.jumpHost} instead of ${previous}`);
      }
    }
  }

  const notes = [...state.notes];
  if (state.ignored.size > 0) {
    const names = [...state.ignored.values()].sort((a, b) => a.localeCompare(b));
    notes.push({ source: null, message: `Options OpsDeck does not use were ignored: ${names.join(', ')}` });
  }
  if (hosts.length === 0)
    notes.push({
      source: { file, line: null },
      message: 'No Host entries with a plain name (wildcard-only blocks are defaults, not hosts)',
    });
  return { hosts, skipped: [], notes };
}
