/**
 * Pasted text is untrusted: a web page can put `echo hi\e[201~; rm -rf ~\n` on the clipboard, and
 * the ESC ends bracketed paste early so the rest runs as typed. We strip every control character
 * except tab and line ends before xterm.js wraps the paste, and ask first when something was
 * stripped, or when several lines would run one after another because the shell did not turn
 * bracketed paste on.
 */
export interface PasteReview {
  /** What will be sent if the user agrees (controls removed). */
  clean: string;
  /** The original in pieces, control characters named (ESC, ^C, DEL, 0x9b), for the dialog to mark. */
  parts: Array<{ text: string; control: boolean }>;
  /** How many control characters were removed. */
  controls: number;
  /** Lines that would each run at once (bracketed paste off); 0 when that is not a concern. */
  runningLines: number;
}

// C0 except \t \n \r, DEL, and C1 (0x80-0x9f: 8-bit CSI/OSC in some terminals).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Names as terminal people write them (caret notation), in plain ASCII so every font shows them. */
export function controlName(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x1b) return 'ESC';
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return 'DEL';
  return `0x${code.toString(16)}`;
}

function split(text: string): PasteReview['parts'] {
  const parts: PasteReview['parts'] = [];
  let last = 0;
  for (const m of text.matchAll(CONTROLS)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), control: false });
    parts.push({ text: controlName(m[0]), control: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), control: false });
  return parts;
}

export function reviewPaste(text: string, bracketed: boolean): PasteReview {
  let controls = 0;
  const clean = text.replace(CONTROLS, () => {
    controls += 1;
    return '';
  });
  const lines = clean.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const runningLines = !bracketed && lines.length > 1 ? lines.length : 0;
  return { clean, parts: split(text), controls, runningLines };
}

export function needsReview(r: PasteReview): boolean {
  return r.controls > 0 || r.runningLines > 0;
}
