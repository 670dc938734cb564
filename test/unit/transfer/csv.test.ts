import { describe, expect, it } from 'vitest';
import { csvToInventory, guessColumns, parseCsv } from '../../../electron/core/transfer/csv';
import { exportCsv } from '../../../electron/core/transfer/exporters';
import type { Host } from '../../../shared/model';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('CSV parsing', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const t = parseCsv('\uFEFFName,IP,Notes\r\nweb1,10.0.0.1,"says ""hi"", twice"\r\ndb1,10.0.0.2,"two\r\nlines"\r\n\r\n', 'hosts.csv');
    expect(t.headers).toEqual(['Name', 'IP', 'Notes']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['web1', '10.0.0.1', 'says "hi", twice'] },
      { line: 3, cells: ['db1', '10.0.0.2', 'two\nlines'] },
    ]);
  });

  it('guesses the delimiter from the header: semicolons (European spreadsheets) and tabs', () => {
    expect(parseCsv('name;address\nweb;10.0.0.1\n', 'x').rows[0]?.cells).toEqual(['web', '10.0.0.1']);
    expect(parseCsv('name\taddress\tnotes\nweb\t10.0.0.1\ta, b\n', 'x').rows[0]?.cells).toEqual(['web', '10.0.0.1', 'a, b']);
  });

  it.each([
    ['name,address\nweb,"10.0.0.1\n', 2, /quoted field is never closed/],
    ['name,address\nweb,10.0.0.1,extra,more\n', 2, /this row has 4 fields but the header has 2/],
    ['name,address\n"web"x,10.0.0.1\n', 2, /unexpected text after a closing quote/],
  ])('refuses a malformed file naming file, line and problem: %j', (text, line, problem) => {
    const message = errorOf(() => parseCsv(text, 'in.csv'));
    expect(message).toContain(`in.csv, line ${line}:`);
    expect(message).toMatch(problem);
  });

  it('refuses an empty file', () => expect(errorOf(() => parseCsv('\uFEFF\r\n', 'e.csv'))).toMatch(/e\.csv: the file is empty/));
});

describe('column mapping', () => {
  it('guesses fields from common header names; the first column wins a field', () => {
    expect(
      guessColumns([
        'Hostname',
        'Server',
        'IP Address',
        'SSH Port',
        'Login',
        'Tags',
        'Group',
        'Bastion',
        'Key File',
        'Description',
        'Owner',
        'IP',
      ]),
    ).toEqual(['address', 'name', 'ignore', 'port', 'user', 'tags', 'groups', 'jumpHost', 'identityFile', 'notes', 'ignore', 'ignore']);
  });

  it('turns rows into hosts; bad values and duplicates are skipped with a reason and their line', () => {
    const table = parseCsv(
      'name,address,port,user,tags,groups,notes\n' +
        'web1,10.0.0.1,22,deploy,"prod; web","frontend,edge",\n' +
        'web1,10.0.0.9,,,,,\n' +
        'db1,10.0.0.2,ssh,,,,\n' +
        ',,,,,,\n' +
        ',10.0.0.3,,,,,"\'=HYPERLINK(""x"")"\n',
      'h.csv',
    );
    const inv = csvToInventory(table, guessColumns(table.headers), 'h.csv', '/data', '/home/ops');
    expect(inv.hosts).toMatchObject([
      {
        name: 'web1',
        address: '10.0.0.1',
        port: 22,
        user: 'deploy',
        tags: ['prod', 'web'],
        groups: ['frontend', 'edge'],
        source: { line: 2 },
      },
      { name: '10.0.0.3', address: '10.0.0.3', notes: '=HYPERLINK("x")' },
    ]);
    expect(inv.skipped.map((s) => [s.name, s.reason, s.source.line])).toEqual([
      ['web1', 'duplicate: the same name is on line 2', 3],
      ['db1', 'port "ssh" is not a port (1-65535)', 4],
      ['row 5', 'no name and no address', 5],
    ]);
  });

  it('needs a name or an address column', () => {
    const table = parseCsv('a,b\n1,2\n', 'x.csv');
    expect(errorOf(() => csvToInventory(table, ['ignore', 'ignore'], 'x.csv', '/', '/'))).toMatch(
      /no column is mapped to the host name or the address/,
    );
  });

  it('reads back what the CSV export writes, formula guard included', () => {
    const host: Host = {
      id: '1',
      name: 'web-1',
      address: '2001:db8::1',
      port: 2222,
      user: 'ops',
      auth: 'agent',
      credential: null,
      jumpHost: 'bastion',
      tags: ['prod', 'role:web'],
      groups: ['edge'],
      notes: '=SUM(A1) and, "quoted"\nsecond line',
      createdAt: '',
      updatedAt: '',
    };
    const { content } = exportCsv([host]);
    expect(content).toContain(`"'=SUM(A1) and, ""quoted""`);
    const table = parseCsv(content, 'export.csv');
    const [back] = csvToInventory(table, guessColumns(table.headers), 'export.csv', '/', '/').hosts;
    expect(back).toMatchObject({
      name: 'web-1',
      address: '2001:db8::1',
      port: 2222,
      user: 'ops',
      auth: 'agent',
      jumpHost: 'bastion',
      tags: host.tags,
      groups: host.groups,
      notes: host.notes,
    });
  });
});
