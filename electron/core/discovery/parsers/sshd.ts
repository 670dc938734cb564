/**
 * SSH daemon settings that matter for findings. `sshd -T` (root) prints the effective values; without
 * root we read sshd_config ourselves with sshd's rules: the first value of a keyword wins, `Include`
 * splices files in at its position, and anything after the first `Match` is conditional (ignored).
 */
import type { SshdFacts } from '../../../../shared/model/scan';
import { lines, subBlocks } from '../sections';

/** OpenSSH's defaults for the keywords we report. */
const DEFAULTS: Record<string, string> = {
  passwordauthentication: 'yes',
  permitrootlogin: 'prohibit-password',
  kbdinteractiveauthentication: 'yes',
  pubkeyauthentication: 'yes',
};

function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  );
}

function fromConfig(files: { name: string; body: string }[]): Map<string, string> {
  const byPath = new Map(files.map((f) => [f.name, f.body]));
  const settings = new Map<string, string>();
  let stopped = false;
  const visit = (path: string, depth: number) => {
    if (depth > 8) return;
    for (const line of lines(byPath.get(path))) {
      if (stopped) return;
      const m = /^\s*(\S+)\s*(?:=\s*|\s+)(.*)$/.exec(line);
      if (!m) continue;
      const key = m[1]!.toLowerCase();
      const value = m[2]!.trim();
      if (key === 'match') {
        stopped = true;
        return;
      }
      if (key === 'include') {
        for (const pattern of value.split(/\s+/)) {
          const abs = pattern.startsWith('/') ? pattern : `/etc/ssh/${pattern}`;
          const re = globToRegExp(abs);
          for (const f of files
            .map((x) => x.name)
            .filter((n) => re.test(n))
            .sort())
            visit(f, depth + 1);
        }
        continue;
      }
      // ChallengeResponseAuthentication is the old name of KbdInteractiveAuthentication.
      const k = key === 'challengeresponseauthentication' ? 'kbdinteractiveauthentication' : key;
      if (!settings.has(k)) settings.set(k, value);
    }
  };
  const main = files.find((f) => f.name === '/etc/ssh/sshd_config');
  if (main) visit(main.name, 0);
  else for (const f of files) visit(f.name, 0);
  return settings;
}

export function parseSshd(text: string | undefined): SshdFacts | null {
  const blocks = subBlocks(text ?? '');
  let settings: Map<string, string>;
  let source: SshdFacts['source'];
  const effective = blocks.find((b) => b.name === 'sshd -T');
  if (effective) {
    source = 'sshd -T';
    settings = new Map();
    for (const line of lines(effective.body)) {
      const m = /^(\S+)\s+(.*)$/.exec(line.trim());
      if (!m) continue;
      const key = m[1]!.toLowerCase();
      // Repeated keywords (port, listenaddress, hostkey) keep every value.
      settings.set(key, settings.has(key) ? `${settings.get(key)} ${m[2]}` : m[2]!);
    }
  } else {
    const files = blocks.filter((b) => b.name.startsWith('/'));
    if (files.length === 0) return null;
    source = 'config';
    settings = fromConfig(files);
  }
  const get = (k: string) => settings.get(k) ?? DEFAULTS[k] ?? null;
  const bool = (k: string) => {
    const v = get(k);
    return v === null ? null : v.toLowerCase() === 'yes';
  };
  const ports = (settings.get('port') ?? '22')
    .split(/\s+/)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  return {
    source,
    passwordAuthentication: bool('passwordauthentication'),
    permitRootLogin: get('permitrootlogin')?.toLowerCase().replace('without-password', 'prohibit-password') ?? null,
    kbdInteractiveAuthentication: bool('kbdinteractiveauthentication'),
    pubkeyAuthentication: bool('pubkeyauthentication'),
    ports: [...new Set(ports)],
    settings: Object.fromEntries(settings),
  };
}
