/**
 * Groups with their host counts. Enter (or double-click) on a group shows its hosts; deleting a
 * group leaves its hosts in the vault.
 */
import { useCallback, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Group } from '../../../shared/model';
import { useStore } from '../../app/store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { useHotkeys } from '../../ui/useHotkeys';
import { useRowNavigation } from '../../ui/useRowNavigation';
import { GroupFormDialog } from './GroupFormDialog';
import { RowAction } from '../../ui/RowAction';
import { ScreenError } from '../../ui/ScreenError';
import { NewButton } from '../../ui/NewButton';
import { TableHead, type TableColumn } from '../../ui/TableHead';

const GROUP_COLUMNS: readonly TableColumn[] = [
  { label: 'Name', width: '24%' },
  { label: 'Hosts', width: '80px', className: 'num' },
  { label: 'Description' },
  { srLabel: 'Actions', width: '110px' },
];

type DialogState = { kind: 'add' } | { kind: 'delete'; group: Group } | null;

const keyOf = (g: Group) => g.name;

function showHostsOf(group: Group): void {
  const st = useStore.getState();
  st.clearHostFilters();
  st.setGroupFilter(group.name);
  st.go('hosts');
}

export function GroupsScreen() {
  const s = useStore(
    useShallow((st) => ({
      groups: st.groups,
      loaded: st.groupsLoaded,
      error: st.groupsError,
      selected: st.selectedGroup,
      select: st.selectGroup,
      remove: st.removeGroup,
    })),
  );
  const [dialog, setDialog] = useState<DialogState>(null);
  const close = useCallback(() => setDialog(null), []);
  const onDelete = (group: Group) => setDialog({ kind: 'delete', group });
  const { rowProps } = useRowNavigation({
    items: s.groups,
    keyOf,
    selected: s.selected,
    onSelect: s.select,
    onActivate: showHostsOf,
    onDelete,
  });
  const selected = s.groups.find((g) => g.name === s.selected);

  useHotkeys({
    n: () => setDialog({ kind: 'add' }),
    Delete: () => selected && onDelete(selected),
  });

  return (
    <section className="screen" data-testid="groups-screen">
      <ScreenHeader title="Groups" count={s.loaded ? s.groups.length : undefined}>
        <NewButton label="New group" onClick={() => setDialog({ kind: 'add' })} testId="new-group" />
      </ScreenHeader>
      <ScreenError message={s.error} />
      {s.loaded && s.groups.length === 0 && !s.error && (
        <EmptyState icon="group" title="No groups yet" testId="groups-empty">
          <p>
            Groups collect hosts you work on together (production, a customer, the database tier) so you can filter the host list by them.
          </p>
        </EmptyState>
      )}
      {s.groups.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="group-table" aria-label="Groups">
            <TableHead columns={GROUP_COLUMNS} />
            <tbody>
              {s.groups.map((g, i) => (
                <tr key={g.id} {...rowProps(g, i)} data-testid="group-row" data-group={g.name}>
                  <td className="cell-name">{g.name}</td>
                  <td className="num">{g.hostCount}</td>
                  <td className="muted" title={g.description}>
                    {g.description}
                  </td>
                  <td className="cell-actions">
                    <span className="row-actions">
                      <button
                        type="button"
                        tabIndex={-1}
                        className="btn btn-ghost btn-sm"
                        onClick={() => showHostsOf(g)}
                        title="Show hosts (Enter)"
                      >
                        Hosts
                      </button>
                      <RowAction icon="trash" label={`Delete ${g.name}`} title="Delete (Del)" onClick={() => onDelete(g)} />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog?.kind === 'add' && <GroupFormDialog onClose={close} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete group ${dialog.group.name}?`}
          confirmLabel="Delete group"
          testId="delete-group-dialog"
          onClose={close}
          onConfirm={() => s.remove(dialog.group.name)}
        >
          <p>
            {dialog.group.hostCount === 0
              ? 'The group has no hosts.'
              : `Its ${dialog.group.hostCount} ${dialog.group.hostCount === 1 ? 'host stays' : 'hosts stay'} in the vault; they just leave the group.`}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
