/**
 * Broadcast is dangerous by design (one `reboot` reaches every ticked host), so while it is on a
 * bar in the warning colour says so, names every target and can be switched off in one click;
 * ticked panes also get the same coloured frame.
 */
import { useShallow } from 'zustand/react/shallow';
import { setBroadcast, toggleTarget } from './actions';
import { TermIcon } from './TermIcon';
import { useTerminals } from './terminalsStore';

export function BroadcastBar() {
  const { panes, targets } = useTerminals(useShallow((s) => ({ panes: s.panes, targets: s.broadcastTargets })));
  const candidates = Object.values(panes).filter((p) => p.kind === 'ssh');
  const live = targets.filter((id) => panes[id]?.status === 'open').length;
  return (
    <div className="term-broadcast-bar" role="status" data-testid="broadcast-bar">
      <TermIcon name="broadcast" />
      <strong>
        Broadcast on: keys typed in a ticked terminal go to all {live} ticked {live === 1 ? 'terminal' : 'terminals'}
      </strong>
      <div className="term-broadcast-targets">
        {candidates.map((p) => (
          <label key={p.id} className={`term-broadcast-chip${targets.includes(p.id) ? ' is-on' : ''}`}>
            <input type="checkbox" checked={targets.includes(p.id)} onChange={() => toggleTarget(p.id)} disabled={p.status !== 'open'} />
            {p.host}
          </label>
        ))}
      </div>
      <button type="button" className="btn btn-sm" onClick={() => setBroadcast(false)} data-testid="broadcast-stop">
        Stop broadcast
      </button>
    </div>
  );
}
