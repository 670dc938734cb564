/**
 * What deep checks need on every screen of the unlocked app: the event subscriptions (progress,
 * host-key questions, scans changed) and the host-key dialog, which must show wherever the user is.
 */
import { useEffect } from 'react';
import { api } from '../../platform/api';
import { useStore } from '../../app/store';
import { HostKeyDialog } from './HostKeyDialog';

function useCheckEvents(): void {
  useEffect(() => {
    const offProgress = api.on('check.progress', (p) => useStore.getState().checkProgress(p));
    const offQuestion = api.on('hostkey.confirm', (q) => useStore.getState().askHostKey(q));
    const offSettled = api.on('hostkey.settled', ({ requestId }) => useStore.getState().hostKeySettled(requestId));
    const offChanged = api.on('inventory.changed', ({ what }) => {
      const s = useStore.getState();
      if (s.vault?.state !== 'unlocked' || (what !== 'scans' && what !== 'hosts')) return;
      if (s.fleetLoaded) void s.loadFleet();
      if (s.screen === 'host' && s.hostPage) void s.loadHostPage();
    });
    return () => {
      offProgress();
      offQuestion();
      offSettled();
      offChanged();
    };
  }, []);
}

export function ChecksRuntime() {
  useCheckEvents();
  const question = useStore((s) => s.hostKeyQuestions[0]);
  return question ? <HostKeyDialog key={question.requestId} question={question} /> : null;
}
