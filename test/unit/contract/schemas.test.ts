import { describe, expect, it } from 'vitest';
import { api, isMethod, methods } from '../../../shared/api';
import { eventNames } from '../../../shared/events';
import { Address, HostInput, Name, Port, Tag } from '../../../shared/model';
import { fromZod } from '../../../electron/core/errors';

describe('contract', () => {
  it('every method has an input schema, an output schema and a summary', () => {
    for (const m of methods) {
      expect(api[m].input, m).toBeDefined();
      expect(api[m].output, m).toBeDefined();
      expect(api[m].summary.length, m).toBeGreaterThan(5);
    }
    expect(methods).toContain('hosts.add');
    expect(eventNames).toContain('vault.locked');
  });

  it('isMethod accepts only contract names (no prototype tricks)', () => {
    expect(isMethod('hosts.list')).toBe(true);
    expect(isMethod('toString')).toBe(false);
    expect(isMethod('__proto__')).toBe(false);
    expect(isMethod(42)).toBe(false);
  });
});

describe('inventory schemas', () => {
  it.each(['web1', 'db-01.prod', 'A_b', '9lives'])('accepts name %s', (n) => expect(Name.safeParse(n).success).toBe(true));
  it.each(['', ' ', '-x', 'a b', 'a;rm', 'x'.repeat(65), '$(id)'])('rejects name %j', (n) => expect(Name.safeParse(n).success).toBe(false));

  it.each(['198.18.0.11', 'example.com', 'db-1.internal.', '::1', 'fe80::1', '[2001:db8::1]'])('accepts address %s', (a) =>
    expect(Address.safeParse(a).success).toBe(true),
  );
  it.each(['', 'a b', 'host;id', '-oProxyCommand=x', 'a..b'])('rejects address %j', (a) =>
    expect(Address.safeParse(a).success).toBe(false),
  );

  it('strips brackets from IPv6 literals', () => expect(Address.parse('[2001:db8::1]')).toBe('2001:db8::1'));

  it.each([0, 65536, -1, 1.5, 'abc'])('rejects port %j', (p) => expect(Port.safeParse(p).success).toBe(false));
  it('accepts port strings from forms and the CLI', () => expect(Port.parse('2222')).toBe(2222));

  it('tags cannot carry spaces or shell characters', () => {
    expect(Tag.safeParse('env=prod').success).toBe(true);
    expect(Tag.safeParse('a b').success).toBe(false);
    expect(Tag.safeParse('`x`').success).toBe(false);
  });

  it('fills defaults for a minimal host', () => {
    expect(HostInput.parse({ name: 'h', address: '10.0.0.1' })).toMatchObject({ port: 22, tags: [], groups: [], notes: '' });
  });
});

describe('validation errors', () => {
  it('name the field and say what is wrong', () => {
    const r = HostInput.safeParse({ name: 'h', address: '10.0.0.1', port: 70000 });
    expect(r.success).toBe(false);
    if (!r.success) expect(fromZod(r.error)).toEqual({ code: 'VALIDATION', message: 'Port must be between 1 and 65535', field: 'port' });
  });

  it('say "is required" for a missing field', () => {
    const r = HostInput.safeParse({ name: 'h' });
    if (!r.success) expect(fromZod(r.error)).toMatchObject({ field: 'address', message: 'Address is required' });
    else expect.fail('should not parse');
  });

  it('strip the patch wrapper of hosts.update', () => {
    const r = api['hosts.update'].input.safeParse({ name: 'h', patch: { port: 0 } });
    if (!r.success) expect(fromZod(r.error).field).toBe('port');
    else expect.fail('should not parse');
  });
});
