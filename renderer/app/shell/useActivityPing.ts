/**
 * The core's idle lock can only see API calls, but someone reading or filtering the host list for
 * ten minutes is not idle. While the user is active (keys, pointer) we send a cheap vault.status at
 * most once a minute, which also notices a lock whose event was missed (a dropped socket).
 */
import { useEffect } from 'react';
import { api } from '../../platform/api';
import { useStore } from '../store';

const PING_EVERY_MS = 60_000;

export function useActivityPing(): void {
  useEffect(() => {
    let last = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - last < PING_EVERY_MS) return;
      last = now;
      api
        .call('vault.status', {})
        .then((status) => {
          if (status.state !== 'unlocked') useStore.getState().vaultLocked();
        })
        .catch(() => undefined);
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true, capture: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, []);
}
