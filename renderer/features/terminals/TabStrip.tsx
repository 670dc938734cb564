/** The tab list: host (or the title the shell set), a status dot, unread and broadcast marks, close. */
import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../ui/Icon';
import { requestClose, selectTab } from './actions';
import { paneLabel, paneState } from './format';
import { useTerminals, type Tab } from './terminalsStore';

function TabButton({ tab, active }: { tab: Tab; active: boolean }) {
  const { all, targets, broadcast } = useTerminals(
    useShallow((s) => ({ all: s.panes, targets: s.broadcastTargets, broadcast: s.broadcast })),
  );
  const panes = tab.panes.flatMap((id) => (all[id] ? [all[id]] : []));
  const first = panes[0];
  if (!first) return null;
  const label = panes.map(paneLabel).join(' | ');
  const state = paneState(panes.find((p) => p.id === tab.active) ?? first);
  const unread = !active && panes.some((p) => p.unread);
  const casting = broadcast && panes.some((p) => targets.includes(p.id));
  return (
    <div
      className={`term-tab${active ? ' is-active' : ''}${casting ? ' is-broadcast' : ''}`}
      data-testid="terminal-tab"
      data-host={first.host}
    >
      <button
        type="button"
        role="tab"
        aria-selected={active}
        className="term-tab-main"
        onClick={() => selectTab(tab.id)}
        title={`${label} — ${state.word}${first.title ? `\n${first.title}` : ''}`}
      >
        <span className={`term-dot tone-${state.tone}`} aria-hidden="true" />
        <span className="term-tab-label">{label}</span>
        {unread && <span className="term-unread" aria-label="new output" />}
      </button>
      <button
        type="button"
        className="term-tab-close"
        aria-label={`Close ${label}`}
        onClick={() => requestClose(tab.id)}
        data-testid="terminal-tab-close"
      >
        <Icon name="close" size={12} />
      </button>
    </div>
  );
}

export function TabStrip() {
  const { tabs, activeTab } = useTerminals(useShallow((s) => ({ tabs: s.tabs, activeTab: s.activeTab })));
  return (
    <div className="term-tabs" role="tablist" aria-label="Open terminals">
      {tabs.map((t) => (
        <TabButton key={t.id} tab={t} active={t.id === activeTab} />
      ))}
    </div>
  );
}
