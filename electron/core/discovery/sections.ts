/**
 * Split the deep-check script's output into named sections (see resources/deepcheck.sh for the
 * format). Notes ("denied", "timeout", "error") can appear inside any section and are pulled out
 * so that parsers see only the commands' own output.
 */

export interface ScriptNote {
  kind: string; // denied | timeout | error
  detail: string;
}

export interface RawScan {
  sections: Map<string, string>;
  notes: ScriptNote[];
  /** The script reached its last line: anything missing was absent on the host, not cut off. */
  complete: boolean;
}

export function splitSections(output: string, nonce: string): RawScan {
  const head = `@@${nonce} `;
  const noteHead = `@@${nonce}! `;
  const sections = new Map<string, string>();
  const notes: ScriptNote[] = [];
  let current: string | null = null;
  let buf: string[] = [];
  let complete = false;
  const flush = () => {
    if (current !== null) sections.set(current, (sections.get(current) ?? '') + buf.join('\n'));
    buf = [];
  };
  for (const line of output.split('\n')) {
    if (line.startsWith(noteHead)) {
      const [kind = '', ...rest] = line.slice(noteHead.length).trim().split(/\s+/);
      notes.push({ kind, detail: rest.join(' ') });
    } else if (line.startsWith(head)) {
      flush();
      current = line.slice(head.length).trim();
      if (current === 'end') complete = true;
    } else if (current !== null) buf.push(line);
  }
  flush();
  return { sections, notes, complete };
}

export interface Block {
  name: string;
  body: string;
}

/** Sub-blocks inside a section: "## name" header lines, each followed by its body. */
export function subBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let cur: { name: string; lines: string[] } | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) {
      if (cur) blocks.push({ name: cur.name, body: cur.lines.join('\n') });
      cur = { name: line.slice(3).trim(), lines: [] };
    } else if (cur) cur.lines.push(line);
  }
  if (cur) blocks.push({ name: cur.name, body: cur.lines.join('\n') });
  return blocks;
}

/** Non-empty lines, right-trimmed (tools pad columns with spaces). */
export function lines(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.length > 0);
}

/** KEY=VALUE lines (os-release style, quotes removed). Later keys do not override earlier ones. */
export function keyValues(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of lines(text)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (!m || map.has(m[1]!)) continue;
    let v = m[2]!.trim();
    if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) v = v.slice(1, -1);
    map.set(m[1]!, v.replace(/\\(["'$`\\])/g, '$1'));
  }
  return map;
}

/** Remove ANSI colour codes some tools print even without a terminal (rc-status on old OpenRC). */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}
