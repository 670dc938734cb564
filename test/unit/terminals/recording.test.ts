// Recording format (asciicast v2) and the recorder: event lines round-trip, typed secrets are
// starred, pages are written gzip'd, the size cap truncates, and a locked vault is waited out.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { castHeader, castLine, parseCastEvents, parseCastHeader } from '../../../electron/core/terminals/cast';
import { MAX_LOCKED_BUFFER, Recorder } from '../../../electron/core/terminals/recorder';
import { lastLine, looksLikeSecretPrompt, starInput } from '../../../electron/core/terminals/redact';
import type { RecordingsRepo } from '../../../electron/core/terminals/repos/recordings';
import { cappedTimes } from '../../../renderer/features/terminals/runtime/timeline';

class FakeRepo {
  pages: Array<{ page: number; text: string }> = [];
  totals: Array<{ bytes: number; durationMs: number; truncated: boolean; ended?: string }> = [];
  appendPage(_id: string, page: number, gz: Buffer, t: { bytes: number; durationMs: number; truncated: boolean }) {
    this.pages.push({ page, text: gunzipSync(gz).toString('utf8') });
    this.totals.push(t);
  }
  setTotals(_id: string, t: { bytes: number; durationMs: number; truncated: boolean }, ended?: string) {
    this.totals.push({ ...t, ...(ended ? { ended } : {}) });
  }
}

function recorder(opts: { writable?: () => boolean; clock?: { t: number } } = {}) {
  const repo = new FakeRepo();
  const clock = opts.clock ?? { t: 1_000_000 };
  const r = new Recorder({
    repo: repo as unknown as RecordingsRepo,
    id: 'rec-1',
    writable: opts.writable ?? (() => true),
    log: () => undefined,
    now: () => clock.t,
  });
  return { r, repo, clock };
}

describe('asciicast v2', () => {
  it('writes a header and event lines that parse back, control characters included', () => {
    const header = castHeader({ width: 80, height: 24, timestamp: 1_700_000_000, title: 'ops@h1', env: { TERM: 'xterm-256color' } });
    expect(JSON.parse(header)).toEqual({
      version: 2,
      width: 80,
      height: 24,
      timestamp: 1_700_000_000,
      title: 'ops@h1',
      env: { TERM: 'xterm-256color' },
    });
    expect(parseCastHeader(header)).toMatchObject({ width: 80, height: 24 });
    const lines = [castLine(0.1234567, 'o', '\x1b[1mhi\x1b[0m\r\n'), castLine(1.5, 'i', 'ls\r'), castLine(2, 'r', '100x30')].join('\n');
    expect(parseCastEvents(lines)).toEqual([
      { time: 0.123457, code: 'o', data: '\x1b[1mhi\x1b[0m\r\n' },
      { time: 1.5, code: 'i', data: 'ls\r' },
      { time: 2, code: 'r', data: '100x30' },
    ]);
  });

  it('skips malformed lines (a page cut short)', () => {
    expect(parseCastEvents('[1,"o","a"]\n[2,"o",\n\n{"x":1}\n[3,"z","b"]\n[4,"o","c"]')).toEqual([
      { time: 1, code: 'o', data: 'a' },
      { time: 4, code: 'o', data: 'c' },
    ]);
    expect(parseCastHeader('{"version":1}')).toBeNull();
  });
});

describe('secret prompts', () => {
  it('recognises password prompts through colour codes, not ordinary prompts', () => {
    expect(looksLikeSecretPrompt('\r\n[sudo] password for ops: ')).toBe(true);
    expect(looksLikeSecretPrompt('Enter passphrase for key /home/ops/.ssh/id_ed25519: ')).toBe(true);
    expect(looksLikeSecretPrompt('\x1b[1mPassword:\x1b[0m ')).toBe(true);
    expect(looksLikeSecretPrompt('Verification code: ')).toBe(true);
    expect(looksLikeSecretPrompt('\x1b]0;ops@h1: ~\x07\x1b[01;32mops@h1\x1b[00m:~$ ')).toBe(false);
    expect(looksLikeSecretPrompt('password changed\r\nops@h1:~$ ')).toBe(false);
    expect(lastLine('a\r\nb\rc')).toBe('c');
  });

  it('stars typed characters up to Enter', () => {
    expect(starInput('hunter2')).toEqual({ text: '*******', ended: false });
    expect(starInput('23\rls')).toEqual({ text: '**\rls', ended: true });
  });
});

describe('Recorder', () => {
  it('records output, input and resizes with times, starring what is typed at a password prompt', () => {
    const { r, repo, clock } = recorder();
    r.output('$ ');
    clock.t += 500;
    r.input('sudo -k; sudo true\r');
    r.output('[sudo] password for ops: ');
    clock.t += 1000;
    r.input('hun');
    r.input('ter2\r');
    r.output('\r\n$ ');
    r.resize(100, 30);
    r.finish();
    const events = parseCastEvents(repo.pages.map((p) => p.text).join(''));
    expect(events.map((e) => [e.code, e.data])).toEqual([
      ['o', '$ '],
      ['i', 'sudo -k; sudo true\r'],
      ['o', '[sudo] password for ops: '],
      ['i', '***'],
      ['i', '****\r'],
      ['o', '\r\n$ '],
      ['r', '100x30'],
    ]);
    expect(events[1]!.time).toBeCloseTo(0.5);
    expect(events[3]!.time).toBeCloseTo(1.5);
    const last = repo.totals[repo.totals.length - 1]!;
    expect(last.ended).toBeDefined();
    expect(last.truncated).toBe(false);
    expect(last.bytes).toBe(2 + 19 + 25 + 3 + 5 + 4);
  });

  it('writes full pages as they fill, not a row per packet', () => {
    const { r, repo } = recorder();
    const chunk = 'y\r\n'.repeat(10_000);
    for (let i = 0; i < 30; i++) r.output(chunk);
    expect(repo.pages.length).toBeGreaterThanOrEqual(3);
    expect(repo.pages.length).toBeLessThan(10);
    r.finish();
    expect(repo.pages.map((p) => p.page)).toEqual(repo.pages.map((_, i) => i));
  });

  it('waits out a locked vault, then writes; drops (and marks truncated) beyond the locked buffer', () => {
    let open = false;
    const { r, repo } = recorder({ writable: () => open });
    r.output('before lock');
    r.flush();
    expect(repo.pages).toEqual([]);
    open = true;
    r.flush();
    expect(repo.pages.length).toBe(1);
    open = false;
    const big = 'x'.repeat(1024 * 1024);
    for (let i = 0; i <= MAX_LOCKED_BUFFER / big.length + 1; i++) r.output(big);
    r.flush();
    open = true;
    r.output('after');
    r.finish();
    expect(repo.totals[repo.totals.length - 1]!.truncated).toBe(true);
    expect(repo.pages.map((p) => p.text).join('')).not.toContain('after');
  });
});

describe('replay timeline', () => {
  it('cuts long pauses to the idle cap', () => {
    const ev = (time: number) => ({ time, code: 'o' as const, data: '' });
    expect(cappedTimes([ev(0.5), ev(1), ev(61), ev(61.25)], 2)).toEqual([0.5, 1, 3, 3.25]);
  });
});
