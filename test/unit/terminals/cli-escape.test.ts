// `opsdeck ssh`'s escape like OpenSSH's: "~." at the start of a line hangs up, "~~" sends "~",
// whether keys come one by one or in one chunk.
import { describe, expect, it } from 'vitest';
import { EscapeReader } from '../../../electron/cli/terminals';

describe('EscapeReader', () => {
  it('hangs up on ~. at the start of a line, typed key by key or in one chunk', () => {
    const keys = new EscapeReader();
    expect(keys.feed('~')).toEqual({ send: '', hangUp: false });
    expect(keys.feed('.')).toEqual({ send: '', hangUp: true });
    expect(new EscapeReader().feed('ls\r~.')).toEqual({ send: 'ls\r', hangUp: true });
  });

  it('passes ~ through elsewhere, and ~~ as one ~', () => {
    expect(new EscapeReader().feed('cd ~/x\r')).toEqual({ send: 'cd ~/x\r', hangUp: false });
    expect(new EscapeReader().feed('~~')).toEqual({ send: '~', hangUp: false });
    expect(new EscapeReader().feed('~x')).toEqual({ send: '~x', hangUp: false });
  });
});
