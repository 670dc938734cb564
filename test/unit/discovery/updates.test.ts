import { describe, expect, it } from 'vitest';
import { parseUpdates } from '../../../electron/core/discovery/parsers/updates';
import { ALPINE, DEBIAN_ROOT, ROCKY, parsed, section } from './fixtures';

describe('pending updates', () => {
  it('apt list --upgradable: security from the -security suite', () => {
    const text = `## apt
libssl3/stable-security 3.0.17-1~deb12u3 amd64 [upgradable from: 3.0.15-1~deb12u1]
tzdata/stable-updates,stable 2025b-0+deb12u1 all [upgradable from: 2024a-0+deb12u1]`;
    expect(parseUpdates(text, false, false)).toEqual({
      source: 'apt',
      checked: true,
      items: [
        { name: 'libssl3', current: '3.0.15-1~deb12u1', available: '3.0.17-1~deb12u3', security: true },
        { name: 'tzdata', current: '2024a-0+deb12u1', available: '2025b-0+deb12u1', security: false },
      ],
    });
  });

  it('fleet hosts are up to date against their local repository', () => {
    expect(parseUpdates(section(DEBIAN_ROOT[0]!, 'updates'), false, false)).toEqual({ source: 'apt', items: [], checked: true });
  });

  it('dnf check-update + updateinfo (Rocky): security by advisory, current version from the rpm list', () => {
    const u = parsed(ROCKY).facts.updates;
    expect(u.source).toBe('dnf');
    expect(u.items.filter((i) => i.security).map((i) => i.name)).toEqual(['openssl', 'openssl-libs']);
    expect(u.items.find((i) => i.name === 'nginx')).toEqual({
      name: 'nginx',
      current: '1:1.20.1-14.el9_2.1',
      available: '1:1.20.1-14.el9_2.2',
      security: false,
    });
  });

  it('apk version -l "<" (Alpine)', () => {
    expect(parseUpdates(section(ALPINE, 'updates'), false, false).items[0]).toEqual({
      name: 'busybox',
      current: '1.36.1-r15',
      available: '1.36.1-r19',
      security: false,
    });
  });

  it('no cache or a timeout means "not checked", not "no updates"', () => {
    expect(parseUpdates('## apt\n', true, false).checked).toBe(false);
    expect(parseUpdates('## dnf\n', false, true).checked).toBe(false);
    expect(parseUpdates('', false, false)).toEqual({ source: null, items: [], checked: false });
  });
});
