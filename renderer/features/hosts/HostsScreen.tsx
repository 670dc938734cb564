/**
 * The host list: toolbar, table or empty state, and the add/edit/delete dialogs. Owns the
 * screen's shortcuts: / search, N new, Delete remove, arrows into the list from anywhere.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Host } from '../../../shared/model';
import { useStore } from '../../app/store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { useHotkeys } from '../../ui/useHotkeys';
import { filterHosts } from './filterHosts';
import { formatAddress } from './hostFormat';
import { HostFormDialog } from './HostFormDialog';
import { HostsEmptyState } from './HostsEmptyState';
import { HostsToolbar } from './HostsToolbar';
import { HostsBulkBar } from './HostsBulkBar';
import { BulkEditDialog } from './BulkEditDialog';
import { HostTable, type HostTableHandle } from './HostTable';
import './hosts.css';
import { openTerminal, openTerminals } from '../terminals/openTerminal';
import { ScreenError } from '../../ui/ScreenError';
import { NoMatches } from '../../ui/NoMatches';

type DialogState =
  | { kind: 'add' }
  | { kind: 'edit'; host: Host }
  | { kind: 'delete'; host: Host }
  | { kind: 'bulk-edit'; what: 'tags' | 'groups' }
  | { kind: 'bulk-delete' }
  | null;

export function HostsScreen() {
  const s = useStore(
    useShallow((st) => ({
      hosts: st.hosts,
      hostsLoaded: st.hostsLoaded,
      hostsError: st.hostsError,
      hostQuery: st.hostQuery,
      tagFilter: st.tagFilter,
      groupFilter: st.groupFilter,
      selectedHost: st.selectedHost,
      pickedSet: st.pickedHosts,
    })),
  );
  const {
    selectHost,
    removeHost,
    bulkHosts,
    setPicked,
    setCheckSelection,
    newCheck,
    setTagFilter,
    setGroupFilter,
    clearHostFilters,
    go,
    openHost,
  } = useStore(
    useShallow((st) => ({
      bulkHosts: st.bulkHosts,
      setPicked: st.setPickedHosts,
      setCheckSelection: st.setCheckSelection,
      newCheck: st.newCheck,
      openHost: st.openHost,
      selectHost: st.selectHost,
      removeHost: st.removeHost,
      setTagFilter: st.setTagFilter,
      setGroupFilter: st.setGroupFilter,
      clearHostFilters: st.clearHostFilters,
      go: st.go,
    })),
  );
  const [dialog, setDialog] = useState<DialogState>(null);
  const search = useRef<HTMLInputElement>(null);
  const table = useRef<HostTableHandle>(null);
  // Set when a delete succeeds: the deleted row had focus, so once the dialog is gone (and the browser
  // has returned focus to its opener, which no longer exists) the list takes focus back.
  const focusListAfterDialog = useRef(false);
  useEffect(() => {
    if (dialog !== null || !focusListAfterDialog.current) return;
    focusListAfterDialog.current = false;
    table.current?.focus();
  }, [dialog]);

  const visible = useMemo(
    () => filterHosts(s.hosts, { query: s.hostQuery, tag: s.tagFilter, group: s.groupFilter }),
    [s.hosts, s.hostQuery, s.tagFilter, s.groupFilter],
  );
  const selected = visible.find((h) => h.name === s.selectedHost);
  const closeDialog = useCallback(() => setDialog(null), []);
  // Ticked hosts, by name; a host deleted or renamed elsewhere simply drops out.
  const pickedSet = s.pickedSet;
  const picked = useMemo(() => s.hosts.filter((h) => pickedSet.has(h.name)).map((h) => h.name), [s.hosts, pickedSet]);
  const hiddenPicked = picked.length - visible.filter((h) => pickedSet.has(h.name)).length;
  const [bulkNote, setBulkNote] = useState<string | null>(null);
  const checkHosts = (names: string[]) => {
    setCheckSelection(names);
    newCheck();
    go('check');
  };

  useHotkeys({
    '/': () => search.current?.focus(),
    n: () => setDialog({ kind: 'add' }),
    Delete: () => {
      if (picked.length > 0) setDialog({ kind: 'bulk-delete' });
      else if (selected) setDialog({ kind: 'delete', host: selected });
    },
    o: () => selected && openHost(selected.name),
    t: () => selected && openTerminal(selected.name),
    ArrowDown: () => table.current?.focus(),
    ArrowUp: () => table.current?.focus(),
    Escape: () => picked.length > 0 && setPicked(new Set()),
  });

  const filtered = s.hostQuery !== '' || s.tagFilter !== null || s.groupFilter !== null;
  const count = filtered ? `${visible.length} of ${s.hosts.length}` : String(s.hosts.length);

  return (
    <section className="screen" data-testid="hosts-screen">
      <ScreenHeader title="Hosts" count={s.hostsLoaded ? count : undefined}>
        {s.hosts.length > 0 && (
          <HostsToolbar searchRef={search} onLeaveSearch={() => table.current?.focus()} onNew={() => setDialog({ kind: 'add' })} />
        )}
      </ScreenHeader>
      <ScreenError message={s.hostsError} />
      {s.hostsLoaded && s.hosts.length === 0 && !s.hostsError && (
        <HostsEmptyState onNew={() => setDialog({ kind: 'add' })} onKeys={() => go('credentials')} />
      )}
      {s.hosts.length > 0 && visible.length === 0 && (
        <NoMatches action="Clear filters" onAction={clearHostFilters}>
          No hosts match these filters.
        </NoMatches>
      )}
      {picked.length > 0 && (
        <HostsBulkBar
          count={picked.length}
          hidden={hiddenPicked}
          onTags={() => setDialog({ kind: 'bulk-edit', what: 'tags' })}
          onGroups={() => setDialog({ kind: 'bulk-edit', what: 'groups' })}
          onCheck={() => checkHosts(picked)}
          onTerminals={() => openTerminals(picked)}
          onDelete={() => setDialog({ kind: 'bulk-delete' })}
          onClear={() => setPicked(new Set())}
        />
      )}
      {bulkNote && picked.length === 0 && (
        <div className="bulk-note" role="status" data-testid="bulk-note">
          {bulkNote}
        </div>
      )}
      {visible.length > 0 && (
        <HostTable
          ref={table}
          hosts={visible}
          picked={pickedSet}
          onPick={(next) => {
            setPicked(next);
            setBulkNote(null);
          }}
          selected={s.selectedHost}
          onSelect={selectHost}
          onEdit={(host) => setDialog({ kind: 'edit', host })}
          onDelete={(host) => setDialog({ kind: 'delete', host })}
          onDeleteKey={(host) => setDialog(picked.length > 0 ? { kind: 'bulk-delete' } : { kind: 'delete', host })}
          onOpen={(host) => openHost(host.name)}
          onTag={setTagFilter}
          onGroup={setGroupFilter}
        />
      )}
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <HostFormDialog host={dialog.kind === 'edit' ? dialog.host : undefined} onClose={closeDialog} />
      )}
      {dialog?.kind === 'bulk-edit' && (
        <BulkEditDialog
          what={dialog.what}
          names={picked}
          onClose={closeDialog}
          onDone={(changed) => setBulkNote(`${changed} of ${picked.length} hosts changed.`)}
        />
      )}
      {dialog?.kind === 'bulk-delete' && (
        <ConfirmDialog
          title={`Delete ${picked.length} host${picked.length === 1 ? '' : 's'}?`}
          confirmLabel={`Delete ${picked.length} host${picked.length === 1 ? '' : 's'}`}
          testId="bulk-delete-dialog"
          onClose={closeDialog}
          onConfirm={async () => {
            const changed = await bulkHosts(picked, { kind: 'delete' });
            setPicked(new Set());
            setBulkNote(`${changed} host${changed === 1 ? '' : 's'} deleted.`);
            focusListAfterDialog.current = true;
          }}
        >
          <p>
            {picked.slice(0, 8).join(', ')}
            {picked.length > 8 && ` and ${picked.length - 8} more`} will be removed from the vault. Their credentials and groups stay.
            {hiddenPicked > 0 && ` ${hiddenPicked} of them ${hiddenPicked === 1 ? 'is' : 'are'} hidden by the filters.`}
          </p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${dialog.host.name}?`}
          confirmLabel="Delete host"
          testId="delete-host-dialog"
          onClose={closeDialog}
          onConfirm={async () => {
            await removeHost(dialog.host.name);
            focusListAfterDialog.current = true;
          }}
        >
          <p>
            <strong>{dialog.host.name}</strong> <span className="mono muted">{formatAddress(dialog.host)}</span> will be removed from the
            vault. Its credential and groups stay.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
