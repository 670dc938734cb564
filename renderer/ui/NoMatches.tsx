/** "Nothing matches" under a list's search or filters, with the one action that brings the list back. */
import type { ReactNode } from 'react';

export function NoMatches({ children, action, onAction }: { children: ReactNode; action: string; onAction: () => void }) {
  return (
    <div className="no-matches" data-testid="no-matches">
      {children}
      <button type="button" className="btn btn-sm" onClick={onAction}>
        {action}
      </button>
    </div>
  );
}
