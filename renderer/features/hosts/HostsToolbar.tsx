/** Search (/ focuses it), tag and group filters, and the New host button, in the screen header. */
import type { Ref } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../app/store';
import { tagCounts } from './filterHosts';
import { NewButton } from '../../ui/NewButton';
import { SearchBox } from '../../ui/SearchBox';

interface HostsToolbarProps {
  searchRef: Ref<HTMLInputElement>;
  /** Arrow down or Esc on an empty search hands focus to the list. */
  onLeaveSearch: () => void;
  onNew: () => void;
}

export function HostsToolbar({ searchRef, onLeaveSearch, onNew }: HostsToolbarProps) {
  const { hosts, groups, hostQuery, tagFilter, groupFilter } = useStore(
    useShallow((s) => ({ hosts: s.hosts, groups: s.groups, hostQuery: s.hostQuery, tagFilter: s.tagFilter, groupFilter: s.groupFilter })),
  );
  const { setHostQuery, setTagFilter, setGroupFilter } = useStore(
    useShallow((s) => ({ setHostQuery: s.setHostQuery, setTagFilter: s.setTagFilter, setGroupFilter: s.setGroupFilter })),
  );
  const tags = tagCounts(hosts);

  return (
    <>
      <SearchBox
        value={hostQuery}
        onChange={setHostQuery}
        placeholder="Search hosts"
        onLeave={onLeaveSearch}
        slashHint
        inputRef={searchRef}
        testId="host-search"
      />
      <select
        className="select filter-select"
        aria-label="Filter by tag"
        value={tagFilter ?? ''}
        onChange={(e) => setTagFilter(e.target.value || null)}
        data-active={tagFilter ? true : undefined}
        data-testid="tag-filter"
      >
        <option value="">All tags</option>
        {tags.map(([tag, count]) => (
          <option key={tag} value={tag}>
            {tag} ({count})
          </option>
        ))}
      </select>
      <select
        className="select filter-select"
        aria-label="Filter by group"
        value={groupFilter ?? ''}
        onChange={(e) => setGroupFilter(e.target.value || null)}
        data-active={groupFilter ? true : undefined}
        data-testid="group-filter"
      >
        <option value="">All groups</option>
        {groups.map((g) => (
          <option key={g.name} value={g.name}>
            {g.name} ({g.hostCount})
          </option>
        ))}
      </select>
      <NewButton label="New host" onClick={onNew} testId="new-host" />
    </>
  );
}
