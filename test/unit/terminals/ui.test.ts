// Keyboard routing between the shell and the app, and the quick switcher's ranking.
import { describe, expect, it } from 'vitest';
import { isSwitcherKey, terminalShortcut } from '../../../renderer/features/terminals/runtime/keys';
import { retryDelayMs } from '../../../renderer/features/terminals/runtime/retry';
import { switcherItems } from '../../../renderer/features/terminals/switcherItems';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('terminal shortcuts', () => {
  it('on Linux/Windows leaves Ctrl+letter to the shell and takes Ctrl+Shift+letter', () => {
    expect(terminalShortcut(key('c', { ctrlKey: true }), false)).toBeNull();
    expect(terminalShortcut(key('k', { ctrlKey: true }), false)).toBeNull();
    expect(terminalShortcut(key('f', { ctrlKey: true }), false)).toBeNull();
    expect(terminalShortcut(key('K', { ctrlKey: true, shiftKey: true }), false)).toBe('switcher');
    expect(terminalShortcut(key('F', { ctrlKey: true, shiftKey: true }), false)).toBe('find');
    expect(terminalShortcut(key('C', { ctrlKey: true, shiftKey: true }), false)).toBe('copy');
    expect(terminalShortcut(key('V', { ctrlKey: true, shiftKey: true }), false)).toBe('paste');
  });

  it('on macOS uses Cmd, and leaves Ctrl to the shell', () => {
    expect(terminalShortcut(key('k', { metaKey: true }), true)).toBe('switcher');
    expect(terminalShortcut(key('f', { metaKey: true }), true)).toBe('find');
    expect(terminalShortcut(key('c', { metaKey: true }), true)).toBeNull(); // the browser's own copy
    expect(terminalShortcut(key('c', { ctrlKey: true }), true)).toBeNull();
  });

  it('opens the switcher with Ctrl/Cmd+K outside terminals', () => {
    expect(isSwitcherKey(key('k', { ctrlKey: true }), false)).toBe(true);
    expect(isSwitcherKey(key('k', { metaKey: true }), true)).toBe(true);
    expect(isSwitcherKey(key('k', { ctrlKey: true }), true)).toBe(false);
    expect(isSwitcherKey(key('k', { ctrlKey: true, altKey: true }), false)).toBe(false);
  });
});

describe('reconnect back-off', () => {
  it('doubles from 1 s up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
});

describe('quick switcher', () => {
  const hosts = [
    { name: 'web-12', address: '10.0.0.12', user: 'ops', tags: ['prod'] },
    { name: 'web-1', address: '10.0.0.11', user: 'ops', tags: ['prod'] },
    { name: 'db-web', address: '10.0.3.1', user: 'pg', tags: [] },
    { name: 'cache', address: '10.0.4.1', user: 'ops', tags: ['webcache'] },
    { name: 'mail', address: '10.0.5.1', user: 'ops', tags: [] },
  ];

  it('puts the exact name first, then prefixes, substrings, then address or tag matches', () => {
    const names = switcherItems('web-1', hosts, []).map((i) => (i.kind === 'host' ? i.host : i.label));
    expect(names).toEqual(['web-1', 'web-12']);
    expect(switcherItems('web', hosts, []).map((i) => (i.kind === 'host' ? i.host : ''))).toEqual(['web-1', 'web-12', 'db-web', 'cache']);
    expect(switcherItems('10.0.5', hosts, []).map((i) => (i.kind === 'host' ? i.host : ''))).toEqual(['mail']);
  });

  it('lists matching open tabs after hosts', () => {
    const items = switcherItems('web', hosts, [{ id: 't1', label: 'web-1', detail: 'connected' }]);
    expect(items[items.length - 1]).toEqual({ kind: 'tab', tab: 't1', label: 'web-1', detail: 'connected' });
  });
});
