/** Filters under the header: tag, group, service kinds, and hiding ssh/system services. */
import { useShallow } from 'zustand/react/shallow';
import type { ServiceKind } from '../../../shared/model';
import { useStore } from '../../app/store';
import { kindLabel } from '../host/scanFormat';
import { filtersActive, NO_FILTERS } from './model/filters';

interface Facets {
  tags: Array<[string, number]>;
  groups: Array<[string, number]>;
  kinds: ServiceKind[];
}

export function MapFilterBar({ facets }: { facets: Facets }) {
  const { filters, setFilters } = useStore(useShallow((s) => ({ filters: s.mapFilters, setFilters: s.setMapFilters })));
  const toggleKind = (k: ServiceKind) =>
    setFilters({ kinds: filters.kinds.includes(k) ? filters.kinds.filter((x) => x !== k) : [...filters.kinds, k] });
  return (
    <div className="map-filters" role="toolbar" aria-label="Map filters">
      <select
        className="select filter-select"
        aria-label="Filter by tag"
        value={filters.tag ?? ''}
        onChange={(e) => setFilters({ tag: e.target.value || null })}
        data-active={filters.tag ? true : undefined}
        data-testid="map-tag-filter"
      >
        <option value="">All tags</option>
        {facets.tags.map(([t, n]) => (
          <option key={t} value={t}>
            {t} ({n})
          </option>
        ))}
      </select>
      <select
        className="select filter-select"
        aria-label="Filter by group"
        value={filters.group ?? ''}
        onChange={(e) => setFilters({ group: e.target.value || null })}
        data-active={filters.group ? true : undefined}
        data-testid="map-group-filter"
      >
        <option value="">All groups</option>
        {facets.groups.map(([g, n]) => (
          <option key={g} value={g}>
            {g} ({n})
          </option>
        ))}
      </select>
      <div className="map-kind-filter" role="group" aria-label="Show only these kinds of service">
        {facets.kinds.map((k) => (
          <button
            key={k}
            type="button"
            className={`map-kind-chip map-kind-${k}`}
            aria-pressed={filters.kinds.includes(k)}
            onClick={() => toggleKind(k)}
            data-testid={`map-kind-${k}`}
          >
            <span className="map-kind-dot" aria-hidden="true" />
            {kindLabel(k)}
          </button>
        ))}
      </div>
      <label className="map-check">
        <input
          type="checkbox"
          checked={filters.hideSystem}
          onChange={(e) => setFilters({ hideSystem: e.target.checked })}
          data-testid="map-hide-system"
        />
        Hide ssh and system services
      </label>
      {filtersActive({ ...filters, hideSystem: false }) && (
        <button
          type="button"
          className="btn btn-sm btn-ghost"
          onClick={() => setFilters({ ...NO_FILTERS, hideSystem: filters.hideSystem })}
          data-testid="map-clear-filters"
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
