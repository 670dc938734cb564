/** Search (/ focuses it): matching hosts, services and addresses; Enter or a click jumps to one. */
import { useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import { useStore } from '../../app/store';
import { Icon } from '../../ui/Icon';
import { searchNodes } from './model/search';
import type { MapGraph } from './model/types';

export function MapSearch({
  graph,
  onJump,
  inputRef,
}: {
  graph: MapGraph | null;
  onJump: (id: string) => void;
  inputRef: Ref<HTMLInputElement>;
}) {
  const query = useStore((s) => s.mapQuery);
  const setQuery = useStore((s) => s.setMapQuery);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const hits = useMemo(() => (graph ? searchNodes(graph, query) : []), [graph, query]);

  const jump = (id: string) => {
    onJump(id);
    setOpen(false);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (hits.length === 0 ? 0 : (a + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length));
    } else if (e.key === 'Enter') {
      const hit = hits[active] ?? hits[0];
      if (hit) jump(hit.id);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (open && query) setOpen(false);
      else setQuery('');
    }
  };

  return (
    <div className="search-box map-search">
      <Icon name="search" size={14} />
      <input
        ref={inputRef}
        type="search"
        className="input"
        placeholder="Find host or service"
        aria-label="Find a host or service on the map"
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls="map-search-results"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKey}
        spellCheck={false}
        data-testid="map-search"
      />
      {!query && <kbd aria-hidden="true">/</kbd>}
      {open && query.trim() !== '' && (
        <ul className="map-search-results" id="map-search-results" role="listbox" data-testid="map-search-results">
          {hits.length === 0 && <li className="map-search-empty">Nothing on the map matches.</li>}
          {hits.map((h, i) => (
            <li key={h.id} role="option" aria-selected={i === active}>
              <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => jump(h.id)} data-testid="map-search-hit">
                <span className="map-search-label">{h.label}</span>
                <span className="map-search-detail">{h.detail}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
