/** Shown when the first call to the core fails: the browser host was stopped or the token is stale. */
import { EmptyState } from '../ui/EmptyState';

export function ConnectionError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <main className="lock-screen" data-testid="connection-error">
      <EmptyState
        icon="alert"
        title="OpsDeck is not reachable"
        actions={
          <button type="button" className="btn btn-primary" onClick={onRetry}>
            Try again
          </button>
        }
      >
        <p>{message}</p>
        <p>
          If you started it with <code>opsdeck serve</code>, open the full address it printed (with its token).
        </p>
      </EmptyState>
    </main>
  );
}
