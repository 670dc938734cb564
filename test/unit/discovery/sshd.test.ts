import { describe, expect, it } from 'vitest';
import { parseSshd } from '../../../electron/core/discovery/parsers/sshd';
import { ALPINE, DEBIAN_ROOT, DEBIAN_USER, ROCKY, section } from './fixtures';

describe('sshd settings', () => {
  it('effective values from sshd -T (fleet, root)', () => {
    const s = parseSshd(section(DEBIAN_ROOT[0]!, 'sshd'))!;
    expect(s).toMatchObject({ source: 'sshd -T', passwordAuthentication: false, permitRootLogin: 'prohibit-password', ports: [22] });
  });

  it('config files without root, with sshd first-match and Include semantics (fleet, unprivileged)', () => {
    const s = parseSshd(section(DEBIAN_USER[0]!, 'sshd'))!;
    expect(s).toMatchObject({
      source: 'config',
      passwordAuthentication: false,
      permitRootLogin: 'prohibit-password',
      kbdInteractiveAuthentication: false,
    });
  });

  it('Include splices files in at its position and Match blocks are ignored', () => {
    const text = [
      '## /etc/ssh/sshd_config',
      'PasswordAuthentication no',
      'Include sshd_config.d/*.conf',
      'PermitRootLogin no',
      'Match User backup',
      'PasswordAuthentication yes',
      '## /etc/ssh/sshd_config.d/50-cloud.conf',
      'PasswordAuthentication yes',
      'PermitRootLogin yes',
      'Port 2222',
    ].join('\n');
    expect(parseSshd(text)).toMatchObject({ passwordAuthentication: false, permitRootLogin: 'yes', ports: [2222] });
  });

  it('risky settings (Rocky) and defaults when a keyword is absent', () => {
    expect(parseSshd(section(ROCKY, 'sshd'))).toMatchObject({ passwordAuthentication: true, permitRootLogin: 'yes' });
    expect(parseSshd(section(ALPINE, 'sshd'))).toMatchObject({ passwordAuthentication: false });
    expect(parseSshd('## /etc/ssh/sshd_config\nUsePAM yes')).toMatchObject({
      passwordAuthentication: true,
      permitRootLogin: 'prohibit-password',
      ports: [22],
    });
    expect(parseSshd('')).toBeNull();
  });
});
