/**
 * One pane: a slim bar (host, status, recording and broadcast marks, find, split, close), the
 * terminal surface the live xterm.js element is moved into while this is on screen, and what the
 * connection state calls for on top (host key question, reconnect offer, ...).
 */
import { useLayoutEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { FindBar } from './FindBar';
import { PaneBar } from './PaneBar';
import { PaneOverlay } from './PaneOverlay';
import { ReplayBar } from './ReplayBar';
import { focusPane } from './actions';
import { livePane, setActiveView } from './runtime/registry';
import { useTerminals, type Tab } from './terminalsStore';

export function PaneView({ paneId, tab }: { paneId: string; tab: Tab }) {
  const surface = useRef<HTMLDivElement>(null);
  const { pane, find, broadcastOn, target } = useTerminals(
    useShallow((s) => ({
      pane: s.panes[paneId],
      find: s.findPane === paneId,
      broadcastOn: s.broadcast,
      target: s.broadcastTargets.includes(paneId),
    })),
  );
  const active = tab.active === paneId;

  useLayoutEffect(() => {
    const live = livePane(paneId);
    const el = surface.current;
    if (!live || !el) return;
    live.view.mount(el);
    live.visible = true;
    if ('mounted' in live) live.mounted();
    return () => {
      live.visible = false;
      live.view.park();
    };
  }, [paneId]);

  // The pane with the keyboard: focus it, and give it the WebGL renderer (mounting moved it).
  useLayoutEffect(() => {
    if (!active) return;
    setActiveView(paneId);
    livePane(paneId)?.view.focus();
  }, [active, paneId]);

  if (!pane) return null;
  const cls = ['term-pane', active ? 'is-active' : '', broadcastOn && target ? 'is-broadcast' : ''].filter(Boolean).join(' ');
  return (
    <div
      className={cls}
      data-testid="terminal-pane"
      data-host={pane.host}
      data-status={pane.status}
      data-pane={pane.id}
      onMouseDown={() => focusPane(paneId)}
    >
      <PaneBar pane={pane} tab={tab} />
      <div className="term-surface-wrap">
        <div className="term-surface" ref={surface} data-testid="terminal-surface" />
        {find && <FindBar paneId={paneId} />}
        <PaneOverlay pane={pane} tabId={tab.id} />
      </div>
      {pane.kind === 'replay' && <ReplayBar paneId={paneId} />}
    </div>
  );
}
