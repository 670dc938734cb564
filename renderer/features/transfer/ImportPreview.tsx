/**
 * The preview: every item with what will happen to it and why, filterable by action, plus the file's
 * notes. Hosts and host keys the import would write have a tick box: unticking one asks the core for
 * a new preview without it (so what only it needed, a key or a group, goes too).
 */
import { useMemo, useState } from 'react';
import type { ImportAction, ImportItem, ImportPlan } from '../../../shared/contract/transfer';
import { Icon } from '../../ui/Icon';

const ACTION_LABEL: Record<ImportAction, string> = { add: 'Add', update: 'Update', skip: 'Skip' };
const KIND_LABEL: Record<ImportItem['kind'], string> = {
  host: 'Host',
  credential: 'Key',
  group: 'Group',
  'host-key': 'Host key',
  'revoked-key': 'Revocation',
};

type Filter = 'all' | ImportAction;

/** "line 12" in the file being imported; "other.conf:3" in a file it includes. */
function where(source: ImportItem['source'], main: string): string {
  if (!source) return '';
  if (source.file === main) return source.line ? `line ${source.line}` : '';
  const file = source.file.split(/[\\/]/).pop() ?? source.file;
  return source.line ? `${file}:${source.line}` : file;
}

const LISTS = new Set(['groups', 'tags']);
const ORDER: Record<ImportAction, number> = { add: 0, update: 1, skip: 2 };
// An unticked item stays among the ones it was with, so it does not jump away from under the pointer.
const rank = (i: ImportItem) => (i.excluded ? 0 : ORDER[i.action]);

/** Items the user can tick in or out: hosts and host keys the import would write (or was told not to). */
export const isChoosable = (i: ImportItem) => i.kind !== 'credential' && i.kind !== 'group' && (i.action !== 'skip' || i.excluded === true);

function Details({ item }: { item: ImportItem }) {
  if (item.action === 'update') {
    return (
      <ul className="change-list">
        {item.changes.map((c) =>
          LISTS.has(c.field) ? (
            // Groups and tags are only ever added to: show what joins, not a before/after that reads like a removal.
            <li key={c.field}>
              <span className="muted">{c.field}</span> <span className="change-to">+ {addedTo(c.from, c.to)}</span>
            </li>
          ) : (
            <li key={c.field}>
              <span className="muted">{c.field}</span> <span className="change-from">{c.from}</span> <span aria-hidden="true">→</span>{' '}
              <span className="change-to">{c.to}</span>
            </li>
          ),
        )}
      </ul>
    );
  }
  return <span className="mono">{item.detail}</span>;
}

function addedTo(from: string, to: string): string {
  const before = new Set(from.split(', '));
  return to
    .split(', ')
    .filter((x) => !before.has(x))
    .join(', ');
}

interface ImportPreviewProps {
  plan: ImportPlan;
  /** Called with the names to leave out, the whole list (it replaces the request's `exclude`). */
  onExclude: (names: string[]) => void;
  busy: boolean;
}

export function ImportPreview({ plan, onExclude, busy }: ImportPreviewProps) {
  const [filter, setFilter] = useState<Filter>('all');
  const items = useMemo(
    () => (filter === 'all' ? [...plan.items].sort((a, b) => rank(a) - rank(b)) : plan.items.filter((i) => i.action === filter)),
    [plan.items, filter],
  );
  const choosable = useMemo(() => plan.items.filter(isChoosable), [plan.items]);
  const choosableNames = useMemo(() => [...new Set(choosable.map((i) => i.name))], [choosable]);
  const planned = useMemo(() => [...new Set(choosable.filter((i) => i.excluded).map((i) => i.name))], [choosable]);
  // The box flips at once; the core's new preview follows. The choice counts only while that request
  // runs against this plan: a new plan (or a failed request, busy again false) shows the core's answer.
  const [pending, setPending] = useState<{ plan: ImportPlan; names: string[] } | null>(null);
  const excluded = busy && pending?.plan === plan ? pending.names : planned;
  const allIn = excluded.length === 0;
  const choose = (next: string[]) => {
    setPending({ plan, names: next });
    onExclude(next);
  };
  const toggle = (name: string) => choose(excluded.includes(name) ? excluded.filter((n) => n !== name) : [...excluded, name]);
  const tabs: Array<[Filter, string, number]> = [
    ['all', 'All', plan.items.length],
    ['add', 'Add', plan.counts.add],
    ['update', 'Update', plan.counts.update],
    ['skip', 'Skipped', plan.counts.skip],
  ];

  return (
    <div className="import-preview" data-testid="import-preview">
      <div className="preview-bar">
        <div className="segmented" role="radiogroup" aria-label="Show">
          {tabs.map(([id, label, count]) => (
            <button
              key={id}
              type="button"
              role="radio"
              aria-checked={filter === id}
              onClick={() => setFilter(id)}
              data-testid={`preview-filter-${id}`}
            >
              {label} <span className="tab-count">{count}</span>
            </button>
          ))}
        </div>
      </div>
      {items.length === 0 ? (
        <div className="preview-empty">{plan.items.length === 0 ? 'Nothing in this file to import.' : 'Nothing in this view.'}</div>
      ) : (
        <div className="preview-table-wrap">
          <table className="data-table preview-table" aria-label="What the import will do">
            <colgroup>
              <col style={{ width: '36px' }} />
              <col style={{ width: '84px' }} />
              <col style={{ width: '96px' }} />
              <col style={{ width: '20%' }} />
              <col style={{ width: '34%' }} />
              <col />
              <col style={{ width: '110px' }} />
            </colgroup>
            <thead>
              <tr>
                <th>
                  {choosable.length > 0 && (
                    <input
                      type="checkbox"
                      aria-label={allIn ? 'Leave everything out' : 'Take everything in'}
                      title={allIn ? 'Leave everything out' : 'Take everything in'}
                      checked={allIn}
                      ref={(box) => {
                        if (box) box.indeterminate = !allIn && excluded.length < choosableNames.length;
                      }}
                      disabled={busy}
                      onChange={() => choose(allIn ? choosableNames : [])}
                      data-testid="preview-toggle-all"
                    />
                  )}
                </th>
                <th>Action</th>
                <th>Type</th>
                <th>Name</th>
                <th>Details</th>
                <th>Why</th>
                <th>Source</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <tr
                  key={`${item.kind}:${item.name}:${i}`}
                  data-testid="preview-row"
                  data-action={item.action}
                  data-name={item.name}
                  data-kind={item.kind}
                  data-excluded={item.excluded || undefined}
                >
                  <td>
                    {isChoosable(item) && (
                      <input
                        type="checkbox"
                        aria-label={`Import ${item.name}`}
                        checked={!excluded.includes(item.name)}
                        disabled={busy}
                        onChange={() => toggle(item.name)}
                        data-testid="preview-include"
                      />
                    )}
                  </td>
                  <td>
                    <span className={`action-badge action-${item.action}`}>{ACTION_LABEL[item.action]}</span>
                  </td>
                  <td className="muted">{KIND_LABEL[item.kind]}</td>
                  <td className="cell-name" title={item.name}>
                    {item.name}
                  </td>
                  <td className="cell-wrap">
                    <Details item={item} />
                  </td>
                  <td className="cell-wrap">
                    {item.reason && <div className={item.action === 'skip' ? 'skip-reason' : 'muted'}>{item.reason}</div>}
                    {item.warnings.map((w) => (
                      <div key={w} className="item-warning">
                        <Icon name="alert" size={12} />
                        <span>{w}</span>
                      </div>
                    ))}
                  </td>
                  <td
                    className="muted mono"
                    title={item.source ? `${item.source.file}${item.source.line ? `, line ${item.source.line}` : ''}` : ''}
                  >
                    {where(item.source, plan.source)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {plan.notes.length > 0 && (
        <ul className="preview-notes" data-testid="import-notes">
          {plan.notes.map((n, i) => (
            <li key={i}>
              <Icon name="info" size={13} />
              <span>
                {n.source && where(n.source, plan.source) && <span className="mono muted">{where(n.source, plan.source)}: </span>}
                {n.message}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
