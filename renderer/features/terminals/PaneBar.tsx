/** The bar above a pane: what it is connected to and the pane's own actions. */
import { Icon } from '../../ui/Icon';
import { requestClose, splitTab, toggleTarget } from './actions';
import { paneState } from './format';
import { findHint } from './runtime/keys';
import { TermIcon } from './TermIcon';
import { useTerminals, type Pane, type Tab } from './terminalsStore';

export function PaneBar({ pane, tab }: { pane: Pane; tab: Tab }) {
  const broadcast = useTerminals((s) => s.broadcast);
  const target = useTerminals((s) => s.broadcastTargets.includes(pane.id));
  const state = paneState(pane);
  return (
    <div className="term-pane-bar">
      <span className={`term-dot tone-${state.tone}`} aria-hidden="true" />
      <strong className="term-pane-host">{pane.kind === 'replay' ? `Recording of ${pane.host}` : pane.host}</strong>
      <span className="term-pane-state" data-testid="pane-state">
        {state.word}
      </span>
      {pane.title && <span className="term-pane-title">{pane.title}</span>}
      <span className="term-pane-spacer" />
      {pane.recording && (
        <span className="term-rec" title="This session is recorded in the vault" data-testid="pane-recording">
          REC
        </span>
      )}
      {broadcast && pane.kind === 'ssh' && (
        <label className="term-cast-tick" title="Keys typed in any ticked terminal go to all of them">
          <input type="checkbox" checked={target} onChange={() => toggleTarget(pane.id)} data-testid="pane-broadcast" />
          broadcast
        </label>
      )}
      <button
        type="button"
        className="btn btn-ghost btn-sm btn-icon"
        title={`Find in scrollback (${findHint})`}
        aria-label="Find in scrollback"
        onClick={() => useTerminals.setState({ findPane: pane.id })}
        data-testid="pane-find"
      >
        <Icon name="search" size={14} />
      </button>
      {pane.kind === 'ssh' && tab.panes.length === 1 && (
        <button
          type="button"
          className="btn btn-ghost btn-sm btn-icon"
          title="Split: a second terminal to this host alongside"
          aria-label="Split"
          onClick={() => splitTab(tab.id)}
          data-testid="pane-split"
        >
          <TermIcon name="split" size={14} />
        </button>
      )}
      <button
        type="button"
        className="btn btn-ghost btn-sm btn-icon"
        title="Close this pane"
        aria-label="Close pane"
        onClick={() => requestClose(tab.id, pane.id)}
        data-testid="pane-close"
      >
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}
