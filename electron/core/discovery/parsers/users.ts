/** Local accounts (/etc/passwd, never shadow) with supplementary groups, and sudoers rules. */
import type { SudoRule, User } from '../../../../shared/model/scan';
import { lines, subBlocks } from '../sections';

const NO_LOGIN = /\/(nologin|false)$|^$|\/sync$|\/shutdown$|\/halt$/;

export function parseUsers(passwd: string | undefined, group: string | undefined): User[] {
  const members = new Map<string, string[]>();
  const groupNames = new Map<number, string>();
  for (const line of lines(group)) {
    const [name, , gid, list] = line.split(':');
    if (!name) continue;
    groupNames.set(Number(gid), name);
    for (const m of (list ?? '').split(',').filter(Boolean)) members.set(m, [...(members.get(m) ?? []), name]);
  }
  const users: User[] = [];
  for (const line of lines(passwd)) {
    const [name, , uid, gid, , home, shell] = line.split(':');
    if (!name || uid === undefined || gid === undefined) continue;
    const primary = groupNames.get(Number(gid));
    users.push({
      name,
      uid: Number(uid),
      gid: Number(gid),
      home: home ?? '',
      shell: shell ?? '',
      canLogin: !NO_LOGIN.test(shell ?? ''),
      groups: [...new Set([...(primary ? [primary] : []), ...(members.get(name) ?? [])])],
    });
  }
  return users;
}

/** User specification lines of sudoers ("who host=(runas) cmds"); Defaults and aliases are skipped. */
export function parseSudoers(text: string | undefined): SudoRule[] {
  const rules: SudoRule[] = [];
  for (const block of subBlocks(text ?? '')) {
    // Join backslash continuations first.
    const joined = block.body.replace(/\\\n/g, ' ');
    for (const line of lines(joined)) {
      const l = line.trim();
      if (/^(Defaults|[A-Z][A-Za-z]*_Alias|@include|#include)/.test(l)) continue;
      const m = /^(\S+)\s+(\S+\s*=.*)$/.exec(l);
      if (!m) continue;
      rules.push({ principal: m[1]!, rule: m[2]!.replace(/\s+/g, ' '), source: block.name, nopasswd: /NOPASSWD\s*:/.test(m[2]!) });
    }
  }
  return rules;
}
