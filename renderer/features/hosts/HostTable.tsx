/**
 * The dense host table. Tag and group chips are buttons that filter the list by that value. Tick
 * boxes (Space on a row, or the header box for every shown row) pick hosts for a change to all of them.
 */
import { useImperativeHandle, type Ref } from 'react';
import type { Host } from '../../../shared/model';
import { Icon } from '../../ui/Icon';
import { useRowNavigation } from '../../ui/useRowNavigation';
import { authLabel, bracketed, formatAddress } from './hostFormat';
import { OpenTerminalButton } from '../terminals/openTerminal';
import { RowAction } from '../../ui/RowAction';
import { PickAllBox } from '../../ui/PickAllBox';
import { TableHead, type TableColumn } from '../../ui/TableHead';

const HOST_COLUMNS: readonly TableColumn[] = [
  { label: 'Name', width: '15%' },
  { label: 'Address', width: '16%' },
  { label: 'User', width: '9%' },
  { label: 'Auth', width: '14%' },
  { label: 'Tags', width: '16%' },
  { label: 'Groups', width: '14%' },
  { label: 'Jump host', width: '16%' },
  { srLabel: 'Actions', width: '116px' },
];

interface HostTableProps {
  hosts: readonly Host[];
  selected: string | null;
  /** Hosts ticked for a change to many (names). */
  picked: ReadonlySet<string>;
  onPick: (next: Set<string>) => void;
  onSelect: (name: string | null) => void;
  onEdit: (host: Host) => void;
  onDelete: (host: Host) => void;
  /** The Delete key on a row (the picked hosts when there are any; the row's own button deletes that row). */
  onDeleteKey: (host: Host) => void;
  /** Opens the host page (what the deep check found). */
  onOpen: (host: Host) => void;
  onTag: (tag: string) => void;
  onGroup: (group: string) => void;
  /** Lets the screen move focus into the list (from search, or on first arrow press). */
  ref?: Ref<HostTableHandle>;
}

export interface HostTableHandle {
  focus(): void;
}

const keyOf = (h: Host) => h.name;

export function HostTable({
  hosts,
  selected,
  picked,
  onPick,
  onSelect,
  onEdit,
  onDelete,
  onDeleteKey,
  onOpen,
  onTag,
  onGroup,
  ref,
}: HostTableProps) {
  const toggle = (name: string) => {
    const next = new Set(picked);
    if (!next.delete(name)) next.add(name);
    onPick(next);
  };
  const { rowProps, focusSelected } = useRowNavigation({
    items: hosts,
    keyOf,
    selected,
    onSelect,
    onActivate: onEdit,
    onDelete: onDeleteKey,
    onToggle: (h) => toggle(h.name),
  });
  const shown = hosts.map((h) => h.name);
  const columns: TableColumn[] = [
    {
      width: '36px',
      className: 'cell-check',
      label: <PickAllBox shown={shown} picked={picked} onChange={onPick} label="the hosts shown" />,
    },
    ...HOST_COLUMNS,
  ];
  useImperativeHandle(ref, () => ({ focus: focusSelected }), [focusSelected]);

  return (
    <div className="table-wrap">
      <table className="data-table host-table" data-testid="host-table" aria-label="Hosts">
        <TableHead columns={columns} />
        <tbody>
          {hosts.map((h, i) => (
            <tr key={h.id} {...rowProps(h, i)} data-testid="host-row" data-host={h.name} data-picked={picked.has(h.name) || undefined}>
              <td className="cell-check">
                <input
                  type="checkbox"
                  tabIndex={-1}
                  checked={picked.has(h.name)}
                  aria-label={`Pick ${h.name}`}
                  onClick={(e) => e.stopPropagation()}
                  onChange={() => toggle(h.name)}
                  data-testid="host-pick"
                />
              </td>
              <td className="cell-name" title={h.name}>
                {h.name}
              </td>
              <td className="mono" title={formatAddress(h)}>
                {bracketed(h.address)}
                <span className="faint">:{h.port}</span>
              </td>
              <td title={h.user}>{h.user}</td>
              <td title={h.credential ? `${authLabel(h.auth)} · ${h.credential}` : authLabel(h.auth)}>
                {authLabel(h.auth)}
                {h.credential && <span className="faint"> · {h.credential}</span>}
              </td>
              <td title={h.tags.join(', ')}>
                <div className="cell-chips">
                  {h.tags.map((t) => (
                    <button type="button" key={t} tabIndex={-1} className="chip" title={`Show hosts tagged ${t}`} onClick={() => onTag(t)}>
                      {t}
                    </button>
                  ))}
                </div>
              </td>
              <td title={h.groups.join(', ')}>
                <div className="cell-chips">
                  {h.groups.map((g) => (
                    <button
                      type="button"
                      key={g}
                      tabIndex={-1}
                      className="chip chip-group"
                      title={`Show hosts in ${g}`}
                      onClick={() => onGroup(g)}
                    >
                      {g}
                    </button>
                  ))}
                </div>
              </td>
              <td>
                {h.jumpHost && (
                  <span className="jump-cell" title={`Connects through ${h.jumpHost}`}>
                    <Icon name="jump" size={13} />
                    {h.jumpHost}
                  </span>
                )}
              </td>
              <td className="cell-actions">
                <span className="row-actions">
                  <RowAction
                    icon="chevronRight"
                    label={`Open ${h.name}`}
                    title="Open the host page (O)"
                    onClick={() => onOpen(h)}
                    testId="host-open"
                  />
                  <OpenTerminalButton host={h.name} variant="row" />
                  <RowAction icon="edit" label={`Edit ${h.name}`} title="Edit (Enter)" onClick={() => onEdit(h)} />
                  <RowAction icon="trash" label={`Delete ${h.name}`} title="Delete (Del)" onClick={() => onDelete(h)} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
