/**
 * The terminals screen: tabs across the top, the active tab's pane(s), the broadcast bar while
 * broadcast is on, and the snippets or recordings panel at the side. Terminals keep running when
 * this screen is left; coming back shows them as they are.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../ui/Icon';
import { BroadcastBar } from './BroadcastBar';
import { RecordingsPanel } from './RecordingsPanel';
import { setActiveView } from './runtime/registry';
import { SnippetsPanel } from './SnippetsPanel';
import { TabStrip } from './TabStrip';
import { TabView } from './TabView';
import { TerminalsEmpty } from './TerminalsEmpty';
import { TermIcon } from './TermIcon';
import { setBroadcast } from './actions';
import { switcherHint } from './runtime/keys';
import { activePaneId, useTerminals } from './terminalsStore';
import './terminals.css';

/** The panels that can open at the side, one at a time. */
const SIDE_PANELS = [
  { id: 'snippets', label: 'Snippets', icon: 'snippet' },
  { id: 'recordings', label: 'Recordings', icon: 'record' },
] as const;

export function TerminalsScreen() {
  const { tab, active, broadcast, side } = useTerminals(
    useShallow((s) => ({
      tab: s.tabs.find((t) => t.id === s.activeTab) ?? null,
      active: activePaneId(s),
      broadcast: s.broadcast,
      side: s.side,
    })),
  );

  // WebGL follows the pane with the keyboard, and is given up when the screen is left.
  useEffect(() => {
    setActiveView(active);
    return () => setActiveView(null);
  }, [active]);

  const toggleSide = (panel: 'snippets' | 'recordings') => useTerminals.setState((s) => ({ side: s.side === panel ? null : panel }));

  return (
    <section className="screen terminals-screen" data-testid="terminals-screen">
      <header className="screen-header terminals-header">
        <h1>Terminals</h1>
        <TabStrip />
        <div className="screen-tools">
          <button
            type="button"
            className={`btn btn-sm ${broadcast ? 'btn-broadcast' : 'btn-ghost'}`}
            aria-pressed={broadcast}
            onClick={() => setBroadcast(!broadcast)}
            title="Type once into several terminals"
            data-testid="broadcast-toggle"
          >
            <TermIcon name="broadcast" />
            Broadcast
          </button>
          {SIDE_PANELS.map((p) => (
            <button
              key={p.id}
              type="button"
              className="btn btn-ghost btn-sm"
              aria-pressed={side === p.id}
              onClick={() => toggleSide(p.id)}
              data-testid={`${p.id}-toggle`}
            >
              <TermIcon name={p.icon} />
              {p.label}
            </button>
          ))}
          <button
            type="button"
            className="btn btn-ghost btn-sm btn-icon"
            aria-label="Terminal settings"
            title="Terminal settings"
            onClick={() => useTerminals.setState({ settingsOpen: true })}
            data-testid="terminal-settings"
          >
            <Icon name="settings" />
          </button>
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={() => useTerminals.setState({ switcherOpen: true })}
            data-testid="new-terminal"
          >
            <Icon name="plus" />
            New <kbd>{switcherHint}</kbd>
          </button>
        </div>
      </header>
      {broadcast && <BroadcastBar />}
      <div className="terminals-body">
        <div className="terminals-main">{tab ? <TabView key={tab.id} tab={tab} /> : <TerminalsEmpty />}</div>
        {side === 'snippets' && <SnippetsPanel />}
        {side === 'recordings' && <RecordingsPanel />}
      </div>
    </section>
  );
}
