import { describe, expect, it } from 'vitest';
import { parseSudoers, parseUsers } from '../../../electron/core/discovery/parsers/users';
import { DEBIAN_ROOT, DEBIAN_USER, ROCKY, parsed, section } from './fixtures';

describe('users and sudo', () => {
  it('login users with groups (fleet): ops is in sudo, service accounts cannot log in', () => {
    const users = parseUsers(section(DEBIAN_ROOT[1]!, 'users.passwd'), section(DEBIAN_ROOT[1]!, 'users.group'));
    expect(users.find((u) => u.name === 'ops')).toMatchObject({
      uid: 1000,
      canLogin: true,
      groups: expect.arrayContaining(['ops', 'sudo']) as string[],
    });
    expect(users.find((u) => u.name === 'fleetapp')?.canLogin).toBe(false);
    expect(users.find((u) => u.name === 'sync')?.canLogin).toBe(false);
  });

  it('sudoers: user specs only, continuation lines joined, NOPASSWD flagged (Rocky)', () => {
    const rules = parseSudoers(section(ROCKY, 'users.sudo'));
    expect(rules).toEqual([
      { principal: 'root', rule: 'ALL=(ALL) ALL', source: '/etc/sudoers', nopasswd: false },
      { principal: '%wheel', rule: 'ALL=(ALL) ALL', source: '/etc/sudoers', nopasswd: false },
      {
        principal: 'deploy',
        rule: 'ALL=(root) NOPASSWD: /usr/bin/systemctl restart nginx, /usr/bin/systemctl reload nginx',
        source: '/etc/sudoers.d/deploy',
        nopasswd: true,
      },
    ]);
  });

  it('fleet sudo rules as root; denied (and said so) without root', () => {
    expect(parsed(DEBIAN_ROOT[1]!).facts.sudo.some((r) => r.nopasswd)).toBe(true);
    const user = parsed(DEBIAN_USER[1]!);
    expect(user.facts.sudo).toEqual([]);
    expect(user.facts.meta.denied).toContain('sudoers');
    expect(user.gaps).toContain('not readable without root: sudo rules');
  });
});
