import { describe, expect, it } from 'vitest';
import { describeGaps } from '../../../electron/core/discovery/facts';
import { keyValues, splitSections, subBlocks } from '../../../electron/core/discovery/sections';
import { raw } from './fixtures';

describe('splitSections', () => {
  it('splits on the nonce only and pulls notes out of any section', () => {
    const out = ['@@n meta', 'a=1', '@@x fake', '@@n os', 'line', '', '@@n! denied sudoers', 'more', '@@n end'].join('\n');
    const r = splitSections(out, 'n');
    expect([...r.sections.keys()]).toEqual(['meta', 'os', 'end']);
    expect(r.sections.get('meta')).toContain('@@x fake'); // another nonce is just text
    expect(r.sections.get('os')).toBe('line\n\nmore');
    expect(r.notes).toEqual([{ kind: 'denied', detail: 'sudoers' }]);
    expect(r.complete).toBe(true);
  });

  it('knows when output was cut off (a real scan whose host went away mid-run)', () => {
    const r = splitSections(raw('debian/cutoff-root.txt'), 'cap');
    expect(r.complete).toBe(false);
    expect(describeGaps(r.notes, r.complete)).toContain('the scan output ended early (cut off or the script was stopped)');
  });

  it('reads sub-blocks and KEY=VALUE lines with quotes', () => {
    expect(subBlocks('## a\n1\n## b c\n2\n3')).toEqual([
      { name: 'a', body: '1' },
      { name: 'b c', body: '2\n3' },
    ]);
    const kv = keyValues('A="x y"\nB=\'z\'\nC=plain\nA=ignored\nnot a pair');
    expect(Object.fromEntries(kv)).toEqual({ A: 'x y', B: 'z', C: 'plain' });
  });
});
