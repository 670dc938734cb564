/** First run: say what OpsDeck needs first and the shortest way to give it. */
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';

export function HostsEmptyState({ onNew, onKeys }: { onNew: () => void; onKeys: () => void }) {
  return (
    <EmptyState
      icon="server"
      title="Add your first host"
      testId="hosts-empty"
      actions={
        <>
          <button type="button" className="btn btn-primary" onClick={onNew} data-testid="empty-new-host">
            <Icon name="plus" size={14} />
            Add a host
          </button>
          <button type="button" className="btn" onClick={onKeys}>
            <Icon name="key" size={14} />
            Add a key first
          </button>
        </>
      }
    >
      <p>
        A host is a machine you reach over SSH: a name, its address, and how to sign in. If it needs a private key or a password, add that
        under Keys first and pick it in the host form.
      </p>
      <p>
        Press <kbd>N</kbd> to add a host from anywhere on this screen, or script it with <code>opsdeck host add</code>. Importing existing
        SSH configs and inventories comes in a later version.
      </p>
    </EmptyState>
  );
}
