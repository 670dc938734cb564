/** What can be done to the picked hosts at once; shown above the list while any host is ticked. */
import { Icon } from '../../ui/Icon';
import { MAX_TERMINALS_AT_ONCE } from '../terminals/openTerminal';

interface HostsBulkBarProps {
  count: number;
  /** Picked hosts the filters hide right now: said, so a change never surprises. */
  hidden: number;
  onTags: () => void;
  onGroups: () => void;
  onCheck: () => void;
  onTerminals: () => void;
  onDelete: () => void;
  onClear: () => void;
}

export function HostsBulkBar({ count, hidden, onTags, onGroups, onCheck, onTerminals, onDelete, onClear }: HostsBulkBarProps) {
  const tooMany = count > MAX_TERMINALS_AT_ONCE;
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Picked hosts" data-testid="bulk-bar">
      <span className="bulk-count" data-testid="bulk-count">
        <strong>{count}</strong> picked
        {hidden > 0 && <span className="muted"> ({hidden} hidden by the filters)</span>}
      </span>
      <button type="button" className="btn btn-sm" onClick={onTags} data-testid="bulk-tags">
        Tags…
      </button>
      <button type="button" className="btn btn-sm" onClick={onGroups} data-testid="bulk-groups">
        Groups…
      </button>
      <button type="button" className="btn btn-sm" onClick={onCheck} data-testid="bulk-check">
        <Icon name="pulse" size={14} />
        Deep check
      </button>
      <button
        type="button"
        className="btn btn-sm"
        onClick={onTerminals}
        disabled={tooMany}
        title={
          tooMany
            ? `Pick at most ${MAX_TERMINALS_AT_ONCE} hosts to open terminals`
            : 'A terminal tab on each (then Broadcast to type into all)'
        }
        data-testid="bulk-terminals"
      >
        <Icon name="terminal" size={14} />
        Terminals
      </button>
      <button type="button" className="btn btn-sm btn-danger-outline" onClick={onDelete} data-testid="bulk-delete">
        <Icon name="trash" size={14} />
        Delete…
      </button>
      <span className="bulk-spacer" />
      <button type="button" className="btn btn-ghost btn-sm" onClick={onClear} title="Untick all (Esc)" data-testid="bulk-clear">
        Untick all <kbd aria-hidden="true">Esc</kbd>
      </button>
    </div>
  );
}
