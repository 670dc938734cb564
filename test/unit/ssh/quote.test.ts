import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QuoteError, shJoin, shQuote } from '../../../electron/core/ssh/quote';

/** Run `printf '%s\0' <quoted...>` in a real shell and split what arrives: the ground truth. */
function roundTrip(shell: string[], values: string[]): string[] {
  const out = execFileSync(shell[0]!, [...shell.slice(1), `printf '%s\\0' ${shJoin(values)}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

const NASTY = [
  '',
  ' ',
  "'",
  "''",
  `it's`,
  '"',
  '\\',
  "\\'",
  '$(rm -rf /)',
  '`reboot`',
  '${HOME}',
  '$HOME',
  'a;b',
  'a|b',
  'a&&b',
  'a\nb',
  'line1\r\nline2',
  '\t',
  '*',
  '?',
  '[a-z]',
  '~',
  '~root',
  '-rf',
  '--',
  '-',
  '!',
  '!!',
  '#comment',
  'a b  c',
  '>out',
  '<in',
  '2>&1',
  '%s%n',
  'ünïcødé ✓ 日本',
  '\u202eevil',
  'x'.repeat(4096),
];

function randomString(rnd: () => number): string {
  const alphabet = ` \t\n'"\\$\`;|&*?~-!#(){}[]<>=%^,.:/@+abcXYZ019\u00e9\u4e2d\u202e`;
  const len = Math.floor(rnd() * 40);
  let s = '';
  for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  return s;
}

/** A small deterministic PRNG so failures reproduce. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('shQuote', () => {
  it('leaves plain words alone and quotes the rest', () => {
    expect(shQuote('abc-1.2_3/x:y@z,w+v=u%')).toBe('abc-1.2_3/x:y@z,w+v=u%');
    expect(shQuote('')).toBe("''");
    expect(shQuote('a b')).toBe("'a b'");
    expect(shQuote("it's")).toBe(`'it'"'"'s'`);
    expect(shQuote('$(id)')).toBe("'$(id)'");
  });

  it('refuses NUL, which no argument can carry', () => {
    expect(() => shQuote('a\0b')).toThrow(QuoteError);
  });

  const shells = [
    ['/bin/sh', '-c'],
    ['/bin/bash', '-c'],
    ['/bin/dash', '-c'],
    ['busybox', 'sh', '-c'],
  ].filter(([bin]) => (bin === 'busybox' ? existsSync('/bin/busybox') || existsSync('/usr/bin/busybox') : existsSync(bin!)));

  for (const shell of shells) {
    it(`survives nasty input in ${shell.slice(0, -1).join(' ')}`, () => {
      expect(roundTrip(shell, NASTY)).toEqual(NASTY);
    });

    it(`round-trips 2,000 random strings in ${shell.slice(0, -1).join(' ')}`, () => {
      const rnd = mulberry32(0xc0ffee);
      for (let batch = 0; batch < 20; batch++) {
        const values = Array.from({ length: 100 }, () => randomString(rnd));
        expect(roundTrip(shell, values)).toEqual(values);
      }
    });
  }
});
