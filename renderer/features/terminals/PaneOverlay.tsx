/**
 * What the connection state asks of the user, over the terminal (whose scrollback stays visible
 * underneath): an unknown host key to check, a failure to retry, a dropped connection to
 * reconnect (with the countdown when reconnecting by itself), a session that ended.
 */
import { useEffect, useState } from 'react';
import { Icon } from '../../ui/Icon';
import { closeNow, reconnectPane, trustAndConnect } from './actions';
import { HostKeyCard } from './HostKeyCard';
import type { Pane } from './terminalsStore';

function Countdown({ at }: { at: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, []);
  return <>{Math.max(0, Math.ceil((at - now) / 1000))} s</>;
}

export function PaneOverlay({ pane, tabId }: { pane: Pane; tabId: string }) {
  if (pane.kind !== 'ssh') return null;
  switch (pane.status) {
    case 'new':
    case 'connecting':
      return (
        <div className="term-pill" role="status" data-testid="pane-connecting">
          <span className="spinner" />
          Connecting to {pane.host}…
        </div>
      );
    case 'hostkey':
      return pane.question ? (
        <HostKeyCard
          question={pane.question}
          host={pane.host}
          onTrust={() => trustAndConnect(pane.id)}
          onCancel={() => closeNow(tabId, pane.id)}
        />
      ) : null;
    case 'failed':
    case 'dropped':
    case 'exited': {
      const lost = pane.status !== 'exited';
      const headline =
        pane.status === 'exited'
          ? `Session ended${pane.exitCode !== null ? ` (exit ${pane.exitCode})` : ''}.`
          : pane.status === 'dropped'
            ? 'Connection lost.'
            : 'Could not connect.';
      return (
        <div
          className={`term-banner${lost ? ' is-warn' : ''}`}
          role={lost ? 'alert' : 'status'}
          data-testid="pane-banner"
          data-kind={pane.status}
        >
          {lost && <Icon name="alert" />}
          <div className="term-banner-text">
            <strong>{headline}</strong>
            {pane.message && <span className="term-banner-detail">{pane.message}</span>}
            {pane.retry && (
              <span className="term-banner-detail" data-testid="pane-retry">
                Reconnecting in <Countdown at={pane.retry.at} /> (attempt {pane.retry.attempt})
              </span>
            )}
          </div>
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={() => reconnectPane(pane.id)}
            data-testid="pane-reconnect"
            autoFocus
          >
            <Icon name="refresh" size={14} />
            {pane.status === 'failed' ? 'Try again' : 'Reconnect'}
          </button>
          <button type="button" className="btn btn-sm" onClick={() => closeNow(tabId, pane.id)} data-testid="pane-dismiss">
            Close
          </button>
        </div>
      );
    }
    default:
      return null;
  }
}
