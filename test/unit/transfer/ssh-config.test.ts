import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { globFiles, realFileReader } from '../../../electron/core/transfer/files';
import { parseHop, parseSshConfig, proxyCommandHop, splitArgs } from '../../../electron/core/transfer/ssh-config';
import type { ParsedHost } from '../../../electron/core/transfer/types';
import { denied, fakeFs } from './helpers';

const HOME = '/home/ops';
const CONFIG = `${HOME}/.ssh/config`;

function parse(files: Record<string, string | Error>, main = CONFIG) {
  return parseSshConfig({ path: main }, { fs: fakeFs(files, HOME), localUser: 'me' });
}

function host(hosts: ParsedHost[], name: string): ParsedHost {
  const h = hosts.find((x) => x.name === name);
  if (!h) throw new Error(`no host ${name} in ${hosts.map((x) => x.name).join(',')}`);
  return h;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('ssh_config lexing', () => {
  it('splits like OpenSSH: quotes, escapes, comments at the start of a word', () => {
    expect(splitArgs('a "b c" \'d e\' f#g # comment', 'f', 1)).toEqual(['a', 'b c', 'd e', 'f#g']);
    expect(splitArgs('"say \\"hi\\""  x\\ y', 'f', 1)).toEqual(['say "hi"', 'x y']);
    expect(splitArgs('""', 'f', 1)).toEqual(['']);
  });

  it('reads a messy real-world file: BOM, CRLF, tabs, "=" separators, quotes, trailing comments, any keyword case', () => {
    const text =
      '\uFEFF# laptop config\r\n' +
      'host\tweb1   # the web box\r\n' +
      '\tHostName=10.0.0.11\r\n' +
      '  USER = "deploy"\r\n' +
      '  port\t2222 # non-standard\r\n' +
      '  IdentityFile "~/.ssh/id ed25519"\r\n' +
      '\r\n' +
      'Host=db1\r\n' +
      'Hostname 10.0.0.12\r\n';
    const { hosts } = parse({ [CONFIG]: text });
    expect(host(hosts, 'web1')).toMatchObject({
      address: '10.0.0.11',
      user: 'deploy',
      port: 2222,
      identityFile: `${HOME}/.ssh/id ed25519`,
      source: { file: CONFIG, line: 2 },
    });
    expect(host(hosts, 'db1')).toMatchObject({ address: '10.0.0.12', source: { line: 8 } });
  });

  it.each([
    ['Host web1\n  HostName "10.0.0.1\n', 2, /unterminated double quote/],
    ['Host web1\n  Port 99999\n', 2, /bad port "99999"/],
    ['Host web1\n  Port ssh\n', 2, /bad port "ssh"/],
    ['Host\n', 1, /"Host" needs at least one pattern/],
    ['Host a\n  HostName\n', 2, /"hostname" needs a value/],
    ['Host a\n  HostName a b\n', 2, /takes one value/],
    ['Host a\n  ProxyJump ops@:22\n', 2, /bad ProxyJump hop/],
  ])('refuses a malformed file, naming file, line and problem: %j', (text, line, problem) => {
    const message = errorOf(() => parse({ [CONFIG]: text }));
    expect(message).toContain(`${CONFIG}, line ${line}:`);
    expect(message).toMatch(problem);
  });

  it('names the main file when it cannot be read', () => {
    expect(errorOf(() => parse({ [CONFIG]: denied() }))).toBe(`${CONFIG}: the file is not readable (permission denied)`);
    expect(errorOf(() => parse({}))).toBe(`${CONFIG}: the file does not exist`);
  });
});

describe('ssh_config semantics', () => {
  it('makes every literal Host pattern a host; wildcard blocks are defaults, the first value wins', () => {
    const { hosts } = parse({
      [CONFIG]: `
Host *.prod !bastion.prod
  User prod-user
Host web1 web2
  HostName %h.example.com
  User web-user
Host *
  User fallback
  Port 2200
Host web1
  Port 22
Host app.prod bastion.prod
`,
    });
    expect(hosts.map((h) => h.name)).toEqual(['web1', 'web2', 'app.prod', 'bastion.prod']);
    // web1's Port comes from "Host *" (earlier in the file than "Host web1"): OpenSSH's first-match-wins.
    expect(host(hosts, 'web1')).toMatchObject({ address: 'web1.example.com', user: 'web-user', port: 2200 });
    expect(host(hosts, 'web2')).toMatchObject({ address: 'web2.example.com', user: 'web-user', port: 2200 });
    expect(host(hosts, 'app.prod')).toMatchObject({ user: 'prod-user', port: 2200 });
    expect(host(hosts, 'app.prod').address).toBeUndefined();
    // The negated pattern keeps bastion.prod out of the *.prod block.
    expect(host(hosts, 'bastion.prod')).toMatchObject({ user: 'fallback' });
  });

  it('applies options before the first Host to every host, and IdentityFile accumulates', () => {
    const { hosts } = parse({
      [CONFIG]: `User global
IdentityFile ~/.ssh/first
Host a
  IdentityFile %d/.ssh/%h_%r
  User ignored
`,
    });
    const a = host(hosts, 'a');
    expect(a.user).toBe('global');
    expect(a.identityFile).toBe(`${HOME}/.ssh/first`);
    expect(a.warnings.join()).toContain(`Also has IdentityFile ${HOME}/.ssh/a_global`);
  });

  it('skips Match blocks it cannot evaluate with a note, and warns about options it cannot carry over', () => {
    const { hosts, notes } = parse({
      [CONFIG]: `Host a
  LocalForward 8080 localhost:80
  ServerAliveInterval 30
  UseKeychain yes
Match host a exec "true"
  User from-match
  Include ~/.ssh/never
Host b
`,
    });
    expect(host(hosts, 'a').user).toBeUndefined();
    expect(host(hosts, 'a').warnings).toEqual(['LocalForward is not supported by OpsDeck and was not imported']);
    expect(notes.map((n) => n.message)).toEqual([
      '"Match host a exec "true"" block skipped: OpsDeck cannot evaluate exec without connecting',
      'Options OpsDeck does not use were ignored: ServerAliveInterval, UseKeychain',
    ]);
    expect(notes[0]?.source).toEqual({ file: CONFIG, line: 5 });
  });

  it('evaluates Match host, originalhost, user, localuser and all (with !) in file order, as OpenSSH does', () => {
    const { hosts, notes } = parse({
      [CONFIG]: `Host web1
  HostName 10.0.0.1
Host db1
  HostName db1.prod.example
Host lab
  User me
Match host *.prod.example
  User dbadmin
  Port 2222
Match originalhost web*
  User www
Match user me
  Port 2200
Match localuser me !host 10.*
  IdentityFile ~/.ssh/local
Match all
  User fallback
Match canonical host *
  User never
`,
    });
    // web1: matched by its alias; "user me" no longer holds once User is www; its address is 10.*.
    expect(host(hosts, 'web1')).toMatchObject({ address: '10.0.0.1', user: 'www' });
    expect(host(hosts, 'web1').port).toBeUndefined();
    expect(host(hosts, 'web1').identityFile).toBeUndefined();
    // db1: matched by the HostName set above the Match line.
    expect(host(hosts, 'db1')).toMatchObject({ user: 'dbadmin', port: 2222, identityFile: `${HOME}/.ssh/local` });
    expect(host(hosts, 'lab')).toMatchObject({ user: 'me', port: 2200, identityFile: `${HOME}/.ssh/local` });
    expect(notes.map((n) => n.message)).toEqual([
      '"Match canonical host *" block skipped: OpsDeck cannot evaluate canonical without connecting',
    ]);
  });

  it('refuses a Match line without a condition, or a criterion without its value', () => {
    expect(errorOf(() => parse({ [CONFIG]: 'Host a\nMatch\n' }))).toMatch(/line 2: "Match" needs a condition/);
    expect(errorOf(() => parse({ [CONFIG]: 'Match host\n' }))).toMatch(/line 1: "Match host" needs a value/);
  });

  it('follows Include: globs, relative paths from ~/.ssh, sorted, conditional inside a Host block', () => {
    const fs = {
      [CONFIG]: 'Include config.d/*.conf\nHost outer\n  Include ~/.ssh/scoped\nHost late\n',
      [`${HOME}/.ssh/config.d/20-db.conf`]: 'Host db\n  HostName 10.0.0.20\n',
      [`${HOME}/.ssh/config.d/10-web.conf`]: 'Host web\n  HostName 10.0.0.10\n',
      [`${HOME}/.ssh/config.d/README`]: 'not a config',
      [`${HOME}/.ssh/scoped`]: 'User scoped-user\nHost inner\n  User never\n',
    };
    const { hosts } = parse(fs);
    expect(hosts.map((h) => h.name)).toEqual(['web', 'db', 'outer', 'late']);
    // The included file's leading options apply only inside the Host block that included it.
    expect(host(hosts, 'outer').user).toBe('scoped-user');
    expect(host(hosts, 'late').user).toBeUndefined();
  });

  it('refuses an Include loop, naming the including line and the loop', () => {
    const a = `${HOME}/.ssh/a.conf`;
    const b = `${HOME}/.ssh/b.conf`;
    const message = errorOf(() => parse({ [CONFIG]: 'Include a.conf\n', [a]: '# a\nInclude b.conf\n', [b]: '\n\nInclude a.conf\n' }));
    expect(message).toBe(`${b}, line 3: Include loop: ${a} → ${b} → ${a}`);
    expect(errorOf(() => parse({ [CONFIG]: 'Include config\n' }))).toBe(`${CONFIG}, line 1: Include loop: ${CONFIG} → ${CONFIG}`);
  });

  it('refuses an unreadable included file, naming the including file and line', () => {
    const message = errorOf(() => parse({ [CONFIG]: 'Host a\n\nInclude secret.conf\n', [`${HOME}/.ssh/secret.conf`]: denied() }));
    expect(message).toBe(`${CONFIG}, line 3: the included file ${HOME}/.ssh/secret.conf is not readable (permission denied)`);
  });

  it('ignores an Include whose glob matches nothing, like OpenSSH', () => {
    expect(parse({ [CONFIG]: 'Include conf.d/*\nHost a\n' }).hosts.map((h) => h.name)).toEqual(['a']);
  });
});

describe('ProxyJump', () => {
  it('parses hops: user@host:port, ssh:// URIs, bracketed IPv6', () => {
    expect(parseHop('ops@bastion:2222', 'f', 1)).toEqual({ user: 'ops', host: 'bastion', port: 2222 });
    expect(parseHop('ssh://root@[2001:db8::1]:22', 'f', 1)).toEqual({ user: 'root', host: '2001:db8::1', port: 22 });
    expect(parseHop('bastion', 'f', 1)).toEqual({ host: 'bastion' });
  });

  it('turns a chain into jump hosts: config hosts by name, other hops become hosts of their own', () => {
    const { hosts } = parse({
      [CONFIG]: `Host bastion
  HostName 203.0.113.10
  User ops
Host app1
  HostName 10.0.1.5
  ProxyJump admin@edge.example.com:2222,bastion
Host app2
  HostName 10.0.1.6
  ProxyJump ops@bastion
Host app3
  ProxyJump other@bastion:2200
Host legacy
  ProxyCommand ssh -q -W %h:%p bastion
Host weird
  ProxyCommand nc -X connect -x proxy:3128 %h %p
Host *.example.com
  User edge-user
`,
    });
    expect(host(hosts, 'app1').jumpHost).toBe('bastion');
    const edge = host(hosts, 'edge.example.com-2222');
    expect(edge).toMatchObject({
      address: 'edge.example.com',
      port: 2222,
      user: 'admin',
      synthetic: { reason: 'added as the jump host of app1' },
    });
    // bastion is reached through the first hop of the chain.
    expect(host(hosts, 'bastion').jumpHost).toBe('edge.example.com-2222');
    // Same user as the config host: the config host itself.
    expect(host(hosts, 'app2').jumpHost).toBe('bastion');
    // A different user and port: a hop of its own, named after the host.
    expect(host(hosts, 'app3').jumpHost).toBe('bastion-2200');
    expect(host(hosts, 'bastion-2200')).toMatchObject({ address: '203.0.113.10', user: 'other', port: 2200 });
    expect(host(hosts, 'legacy').jumpHost).toBe('bastion');
    expect(host(hosts, 'weird').jumpHost).toBeUndefined();
    expect(host(hosts, 'weird').warnings.join()).toMatch(/ProxyCommand .* is not supported/);
  });

  it('reads ssh -W ProxyCommands in any order, and only those', () => {
    expect(proxyCommandHop('ssh -W %h:%p -l ops -p 2222 jump', 'f', 1)).toEqual({ host: 'jump', user: 'ops', port: 2222 });
    expect(proxyCommandHop('/usr/bin/ssh jump -W [%h]:%p', 'f', 1)).toEqual({ host: 'jump' });
    expect(proxyCommandHop('ssh -L 1:2:3 jump -W %h:%p', 'f', 1)).toBeNull();
    expect(proxyCommandHop('corkscrew proxy 8080 %h %p', 'f', 1)).toBeNull();
  });

  it('ignores a ProxyJump that points at the host itself (a "Host *" ProxyJump matching the bastion)', () => {
    const { hosts } = parse({ [CONFIG]: 'Host bastion\n  HostName 1.2.3.4\nHost web\nHost *\n  ProxyJump bastion\n' });
    expect(host(hosts, 'web').jumpHost).toBe('bastion');
    expect(host(hosts, 'bastion').jumpHost).toBeUndefined();
    expect(host(hosts, 'bastion').warnings.join()).toMatch(/points to the host itself/);
  });

  it('ProxyJump none switches a default off', () => {
    const { hosts } = parse({ [CONFIG]: 'Host direct\n  ProxyJump none\nHost *\n  ProxyJump bastion\nHost bastion\n' });
    expect(host(hosts, 'direct').jumpHost).toBeUndefined();
  });
});

describe('the real file system', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-sshcfg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('globs like glob(3): sorted, no hidden files unless asked, nothing for no match', () => {
    mkdirSync(join(dir, 'conf.d'));
    for (const f of ['b.conf', 'a.conf', '.hidden.conf', 'c.txt']) writeFileSync(join(dir, 'conf.d', f), 'x');
    expect(globFiles(join(dir, 'conf.d', '*.conf'))).toEqual([join(dir, 'conf.d', 'a.conf'), join(dir, 'conf.d', 'b.conf')]);
    expect(globFiles(join(dir, 'conf.d', '.*.conf'))).toEqual([join(dir, 'conf.d', '.hidden.conf')]);
    expect(globFiles(join(dir, 'nope', '*'))).toEqual([]);
  });

  it('reads an Include from disk relative to ~/.ssh', () => {
    mkdirSync(join(dir, '.ssh', 'config.d'), { recursive: true });
    writeFileSync(join(dir, '.ssh', 'config'), 'Include config.d/*\n');
    writeFileSync(join(dir, '.ssh', 'config.d', 'web'), 'Host web\n  HostName 10.1.1.1\n');
    const { hosts } = parseSshConfig({ path: join(dir, '.ssh', 'config') }, { fs: realFileReader(dir), localUser: 'me' });
    expect(hosts).toMatchObject([{ name: 'web', address: '10.1.1.1' }]);
  });

  it.skipIf(process.getuid?.() === 0)('reports a file it may not read', () => {
    const locked = join(dir, 'locked');
    writeFileSync(locked, 'Host x\n', { mode: 0o000 });
    expect(errorOf(() => parseSshConfig({ path: locked }, { fs: realFileReader(dir), localUser: 'me' }))).toMatch(/not readable/);
  });
});
