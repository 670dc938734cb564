/**
 * No tab open: how to open one (the quick switcher, or a host right here), and sessions that run
 * in OpsDeck but in no tab of this window (after a reload), to take them over.
 */
import { useEffect, useState } from 'react';
import type { TerminalSession } from '../../../shared/contract/terminals';
import { useStore } from '../../app/store';
import { api } from '../../platform/api';
import { EmptyState } from '../../ui/EmptyState';
import { adoptSession, foreignSessions, openTerminal } from './actions';
import { switcherHint } from './runtime/keys';
import { useTerminals } from './terminalsStore';

const SHOWN_HOSTS = 8;

export function TerminalsEmpty() {
  const hosts = useStore((s) => s.hosts);
  const [running, setRunning] = useState<TerminalSession[]>([]);

  useEffect(() => {
    let live = true;
    api
      .call('terminals.list', {})
      .then((all) => live && setRunning(foreignSessions(all)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  return (
    <div className="terminals-empty">
      <EmptyState
        icon="terminal"
        title="No terminal open"
        testId="terminals-empty"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => useTerminals.setState({ switcherOpen: true })}>
            Open a terminal <kbd>{switcherHint}</kbd>
          </button>
        }
      >
        <p>
          A shell on any host in the vault, over the same SSH connection checks use. Type a host name in the quick switcher and press Enter.
        </p>
        {hosts.length > 0 && (
          <div className="terminals-empty-hosts">
            {hosts.slice(0, SHOWN_HOSTS).map((h) => (
              <button key={h.name} type="button" className="chip" onClick={() => openTerminal(h.name)} data-testid="empty-open-host">
                {h.name}
              </button>
            ))}
          </div>
        )}
        {running.length > 0 && (
          <div className="terminals-running" data-testid="terminals-running">
            <strong>Running, not shown in this window</strong>
            {running.map((s) => (
              <button key={s.id} type="button" className="btn btn-sm" onClick={() => void adoptSession(s).catch(() => undefined)}>
                {s.host} · since {new Date(s.startedAt).toLocaleTimeString()} — show
              </button>
            ))}
          </div>
        )}
      </EmptyState>
    </div>
  );
}
