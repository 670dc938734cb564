import { describe, expect, it } from 'vitest';
import {
  expandHostPattern,
  jumpFromSshArgs,
  parseAnsible,
  parseAnsibleIni,
  parseAnsibleYaml,
  resolveAnsible,
} from '../../../electron/core/transfer/ansible';
import type { ParsedHost } from '../../../electron/core/transfer/types';

const OPTS = { baseDir: '/srv/inventory', home: '/home/ops' };

function byName(hosts: ParsedHost[]): Record<string, ParsedHost> {
  return Object.fromEntries(hosts.map((h) => [h.name, h]));
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('host ranges', () => {
  it('expands numbers with padding, letters, steps and several ranges', () => {
    expect(expandHostPattern('web[01:03].example.com', 'f', 1)).toEqual(['web01.example.com', 'web02.example.com', 'web03.example.com']);
    expect(expandHostPattern('db-[a:c]', 'f', 1)).toEqual(['db-a', 'db-b', 'db-c']);
    expect(expandHostPattern('n[0:10:5]', 'f', 1)).toEqual(['n0', 'n5', 'n10']);
    expect(expandHostPattern('r[1:2]-[a:b]', 'f', 1)).toEqual(['r1-a', 'r1-b', 'r2-a', 'r2-b']);
    expect(expandHostPattern('plain', 'f', 1)).toEqual(['plain']);
  });

  it.each([
    ['web[01:3]', /same width/],
    ['web[5:1]', /ends before it starts/],
    ['web[1:x]', /must be numbers/],
    ['web[1:5', /no closing/],
    ['web[1:5:0]', /bad step/],
  ])('refuses %s', (pattern, problem) => {
    expect(errorOf(() => expandHostPattern(pattern, 'inv.ini', 7))).toMatch(new RegExp(`^inv\\.ini, line 7: .*${problem.source}`));
  });
});

const INI = `\uFEFF# production inventory\r
ungrouped-host ansible_host=10.9.9.9\r
\r
[web]\r
web[01:02].example.com   ansible_user=deploy  # the web tier\r
lb.example.com:2222 ansible_host="203.0.113.5" opsdeck_tags="edge,public"\r
\r
[db]\r
db1 ansible_host=10.0.3.1 ansible_port=5022 ansible_ssh_private_key_file=keys/db.pem\r
\r
[prod:children]\r
web\r
db\r
\r
[prod:vars]\r
ansible_user=prod-user ; comment\r
opsdeck_tags=prod\r
\r
[web:vars]\r
ansible_ssh_common_args='-o ProxyJump=ops@bastion.example.com:2200'\r
\r
[all:vars]\r
ansible_user=everyone\r
ansible_port=22\r
`;

describe('Ansible INI', () => {
  it('reads groups, children, vars with precedence, ranges, host:port, quotes, comments, CRLF and a BOM', () => {
    const { hosts, skipped } = resolveAnsible(parseAnsibleIni(INI, 'hosts.ini'), OPTS);
    expect(skipped).toEqual([]);
    const h = byName(hosts);
    expect(Object.keys(h)).toEqual([
      'ungrouped-host',
      'web01.example.com',
      'web02.example.com',
      'lb.example.com',
      'db1',
      'bastion.example.com-2200',
    ]);
    expect(h['ungrouped-host']).toMatchObject({ address: '10.9.9.9', user: 'everyone', port: 22, groups: [] });
    // Host var beats child group var beats parent group var beats all.
    expect(h['web01.example.com']).toMatchObject({
      user: 'deploy',
      port: 22,
      groups: ['prod', 'web'],
      tags: ['prod'],
      jumpHost: 'bastion.example.com-2200',
    });
    expect(h['lb.example.com']).toMatchObject({ address: '203.0.113.5', port: 22, user: 'prod-user', tags: ['edge', 'public'] });
    expect(h['db1']).toMatchObject({
      address: '10.0.3.1',
      port: 5022,
      user: 'prod-user',
      identityFile: '/srv/inventory/keys/db.pem',
      groups: ['db', 'prod'],
    });
    expect(h['bastion.example.com-2200']).toMatchObject({ address: 'bastion.example.com', port: 2200, user: 'ops', synthetic: {} });
    expect(h['db1']?.source).toEqual({ file: 'hosts.ini', line: 9 });
  });

  it('takes the port from host:port when no ansible_port is set', () => {
    const { hosts } = resolveAnsible(parseAnsibleIni('[g]\nh1:2200\n', 'i'), OPTS);
    expect(hosts[0]).toMatchObject({ name: 'h1', port: 2200 });
  });

  it.each([
    ['[web\nhost1\n', 1, /bad section header/],
    ['[web:hostvars]\nhost1\n', 1, /unknown section type ":hostvars"/],
    ['[web:vars]\njust-a-word\n', 2, /expected "name=value"/],
    ['[web]\nhost1 ansible_port\n', 2, /expected "name=value" after the host name/],
    ['[web]\nhost1 ansible_host="10.0.0.1\n', 2, /unterminated double quote/],
    ['[a:children]\nb\n[b:children]\na\n', 4, /group children form a loop: a → b → a|b → a → b/],
  ])('refuses a malformed inventory naming file, line and problem: %j', (text, line, problem) => {
    const message = errorOf(() => resolveAnsible(parseAnsibleIni(text, 'inv.ini'), OPTS));
    expect(message).toContain(`inv.ini, line ${line}:`);
    expect(message).toMatch(problem);
  });

  it('skips a host whose port is not a port, with the reason', () => {
    const { hosts, skipped } = resolveAnsible(parseAnsibleIni('[g]\nbad ansible_port=http\ngood\n', 'i.ini'), OPTS);
    expect(hosts.map((h) => h.name)).toEqual(['good']);
    expect(skipped).toMatchObject([{ name: 'bad', reason: 'ansible_port "http" is not a port (1-65535)', source: { line: 2 } }]);
  });

  it('leaves Jinja templates out with a warning', () => {
    const { hosts } = resolveAnsible(parseAnsibleIni("[g]\nh ansible_host=\"{{ lookup('env','X') }}\"\n", 'i'), OPTS);
    expect(hosts[0]?.address).toBeUndefined();
    expect(hosts[0]?.warnings.join()).toMatch(/Jinja template/);
  });
});

const YAML = `---
# staging
all:
  vars:
    ansible_user: everyone
  hosts:
    solo.example.com:
  children:
    web:
      hosts:
        web[1:2].stage:
          ansible_port: 2222
      vars:
        opsdeck_tags: [stage, web]
    data:
      children:
        db:
          hosts:
            db.stage:
              ansible_host: 10.1.3.1
              opsdeck_jump_host: solo.example.com
              opsdeck_notes: "Primary database.\\nCall the DBA first."
              opsdeck_credential: db-key
`;

describe('Ansible YAML', () => {
  it('reads nested groups, host vars, group vars, ranges and OpsDeck variables', () => {
    const { hosts } = resolveAnsible(parseAnsibleYaml(YAML, 'stage.yml'), OPTS);
    const h = byName(hosts);
    expect(Object.keys(h)).toEqual(['solo.example.com', 'web1.stage', 'web2.stage', 'db.stage']);
    expect(h['web1.stage']).toMatchObject({
      port: 2222,
      user: 'everyone',
      groups: ['web'],
      tags: ['stage', 'web'],
      source: { file: 'stage.yml', line: 11 },
    });
    expect(h['db.stage']).toMatchObject({
      address: '10.1.3.1',
      groups: ['data', 'db'],
      jumpHost: 'solo.example.com',
      notes: 'Primary database.\nCall the DBA first.',
      credential: 'db-key',
    });
  });

  it.each([
    ['all:\n  hosts:\n    - web1\n    - web2\n', 3, /"hosts" of group "all" must be a mapping of host names \(found a list\)/],
    ['all:\n  hosts:\n    a: 1\n    a: 2\n', 4, /Map keys must be unique/],
    ['all:\n  children:\n    web: [1, 2]\n', 3, /group "web" must be a mapping/],
    ['all:\n  hosts:\n    h1:\n      - x\n', 4, /the variables of host "h1" must be a mapping/],
    ['all:\n  hosts: {\n', 3, /./],
    ['- just\n- a list\n', 1, /expected a mapping of groups/],
  ])('refuses malformed YAML naming file, line and problem: %j', (text, line, problem) => {
    const message = errorOf(() => resolveAnsible(parseAnsibleYaml(text, 'bad.yml'), OPTS));
    expect(message).toMatch(new RegExp(`^bad\\.yml, line ${line}: `));
    expect(message).toMatch(problem);
  });

  it('notes keys Ansible ignores too', () => {
    const inv = parseAnsibleYaml('all:\n  host:\n    a:\n', 'x.yml');
    expect(inv.notes).toMatchObject([
      { source: { line: 2 }, message: 'Unexpected key "host" in group "all" ignored (only hosts, vars and children are valid)' },
    ]);
  });

  it('tells INI from YAML by extension, else by the first line', () => {
    expect(parseAnsible('all:\n  hosts:\n    a:\n', 'inventory').hostOrder).toEqual(['a']);
    expect(parseAnsible('[g]\nb\n', 'inventory').hostOrder).toEqual(['b']);
    expect(parseAnsible('c ansible_host=1.2.3.4\n', 'hosts').hostOrder).toEqual(['c']);
  });
});

describe('jump hosts from ssh arguments', () => {
  it.each([
    ['-o ProxyJump=ops@b:22', 'ops@b:22'],
    ['-J b1,b2', 'b1,b2'],
    ['-o StrictHostKeyChecking=no -oProxyJump=b', 'b'],
    ['-o ProxyCommand="ssh -W %h:%p -q bastion"', 'bastion'],
  ])('%s', (args, hops) => expect(jumpFromSshArgs(args)).toEqual({ hops }));

  it('flags other ProxyCommands and ignores unrelated arguments', () => {
    expect(jumpFromSshArgs('-o ProxyCommand="nc -x proxy %h %p"')).toBe('unsupported');
    expect(jumpFromSshArgs('-o ServerAliveInterval=30')).toBeNull();
  });
});
