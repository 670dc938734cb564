// Pasted text and other remote-controlled strings: control characters (bracketed-paste smuggling),
// lines that would run one by one, window titles, and which links may be opened.
import { describe, expect, it } from 'vitest';
import { needsReview, reviewPaste } from '../../../renderer/features/terminals/runtime/paste';
import { cleanTitle, safeLink } from '../../../renderer/features/terminals/runtime/sanitize';

describe('reviewPaste', () => {
  it('passes plain text and tabs untouched, without asking', () => {
    const r = reviewPaste('ls -la\t/etc', true);
    expect(r).toMatchObject({ clean: 'ls -la\t/etc', controls: 0, runningLines: 0 });
    expect(needsReview(r)).toBe(false);
  });

  it('strips an ESC that would end bracketed paste early, and shows it before sending', () => {
    const evil = 'echo safe\x1b[201~; touch /tmp/pwned\n';
    const r = reviewPaste(evil, true);
    expect(r.clean).toBe('echo safe[201~; touch /tmp/pwned\n');
    expect(r.clean).not.toContain('\x1b');
    expect(r.parts).toEqual([
      { text: 'echo safe', control: false },
      { text: 'ESC', control: true },
      { text: '[201~; touch /tmp/pwned\n', control: false },
    ]);
    expect(r.controls).toBe(1);
    expect(needsReview(r)).toBe(true);
  });

  it('strips other C0 controls, DEL and C1 (8-bit CSI) but keeps line ends', () => {
    const r = reviewPaste('a\x03b\x7fc\x9b31md\r\ne\x00', true);
    expect(r.clean).toBe('abc31md\r\ne');
    expect(r.controls).toBe(4);
    expect(r.parts.filter((p) => p.control).map((p) => p.text)).toEqual(['^C', 'DEL', '0x9b', '^@']);
  });

  it('asks before several lines run one by one (bracketed paste off), not when the shell waits for Enter', () => {
    expect(reviewPaste('one\ntwo\nthree\n', false).runningLines).toBe(3);
    expect(needsReview(reviewPaste('one\ntwo', false))).toBe(true);
    expect(needsReview(reviewPaste('one\ntwo', true))).toBe(false);
    expect(needsReview(reviewPaste('just one line\n', false))).toBe(false);
  });
});

describe('cleanTitle', () => {
  it('keeps titles printable, bidi-safe and short', () => {
    expect(cleanTitle('ops@h1: ~')).toBe('ops@h1: ~');
    expect(cleanTitle('a\x1b]0;b\x07c')).toBe('a ]0;b c');
    expect(cleanTitle('evil\u202Egnp.exe')).toBe('evil gnp.exe');
    expect(cleanTitle('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>'); // shown as text by React
    expect(cleanTitle('x'.repeat(1000)).length).toBe(121);
  });
});

describe('safeLink', () => {
  it('allows plain http(s) only', () => {
    expect(safeLink('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeLink('http://10.0.0.1:8080')).toBe('http://10.0.0.1:8080/');
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://attacker/x.desktop',
      'ms-msdt:/id',
      'data:text/html,x',
      'not a url',
    ]) {
      expect(safeLink(bad), bad).toBeNull();
    }
  });

  it('refuses credentials in the URL and absurd lengths', () => {
    expect(safeLink('https://user:pass@evil.example/')).toBeNull();
    expect(safeLink('https://bank.example@evil.example/')).toBeNull();
    expect(safeLink(`https://example.org/${'a'.repeat(3000)}`)).toBeNull();
  });
});
