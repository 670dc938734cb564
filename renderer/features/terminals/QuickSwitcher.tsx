/**
 * Ctrl/Cmd+K: type part of a host's name (or address or tag), Enter opens a terminal to it.
 * Open tabs are listed too, to jump back to one.
 */
import { useMemo, useState } from 'react';
import { useStore } from '../../app/store';
import { Dialog } from '../../ui/Dialog';
import { openTerminal, selectTab } from './actions';
import { paneLabel, paneState } from './format';
import { switcherItems, type SwitcherItem } from './switcherItems';
import { useTerminals } from './terminalsStore';

export function QuickSwitcher() {
  const hosts = useStore((s) => s.hosts);
  const tabs = useTerminals((s) => s.tabs);
  const panes = useTerminals((s) => s.panes);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);

  const tabRows = useMemo(
    () =>
      tabs.map((t) => {
        const ps = t.panes.flatMap((id) => (panes[id] ? [panes[id]] : []));
        return { id: t.id, label: ps.map(paneLabel).join(' | '), detail: ps[0] ? paneState(ps[0]).word : '' };
      }),
    [tabs, panes],
  );
  const items = useMemo(() => switcherItems(query, hosts, tabRows), [query, hosts, tabRows]);
  const current = Math.min(index, Math.max(0, items.length - 1));

  const close = () => useTerminals.setState({ switcherOpen: false });
  const choose = (item: SwitcherItem | undefined) => {
    if (!item) return;
    close();
    if (item.kind === 'host') openTerminal(item.host);
    else {
      selectTab(item.tab);
      useStore.getState().go('terminals');
    }
  };

  return (
    <Dialog title="Open a terminal" onClose={close} width={520} testId="quick-switcher">
      <input
        className="input"
        placeholder="Host name, address or tag"
        value={query}
        data-autofocus
        aria-label="Host"
        aria-controls="switcher-list"
        aria-activedescendant={items[current] ? `switcher-${current}` : undefined}
        data-testid="switcher-input"
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setIndex(Math.min(current + 1, items.length - 1));
          else if (e.key === 'ArrowUp') setIndex(Math.max(current - 1, 0));
          else if (e.key === 'Enter') choose(items[current]);
          else return;
          e.preventDefault();
        }}
      />
      <ul className="switcher-list" id="switcher-list" role="listbox" aria-label="Matches">
        {items.length === 0 && <li className="switcher-empty muted">No host matches “{query}”.</li>}
        {items.map((item, i) => (
          <li
            key={item.kind === 'host' ? `h:${item.host}` : `t:${item.tab}`}
            id={`switcher-${i}`}
            role="option"
            aria-selected={i === current}
            className="switcher-item"
            data-testid="switcher-item"
            onMouseEnter={() => setIndex(i)}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(item);
            }}
          >
            <span className="switcher-kind">{item.kind === 'host' ? 'open' : 'go to'}</span>
            <strong>{item.kind === 'host' ? item.host : item.label}</strong>
            <span className="muted switcher-detail">{item.detail}</span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
