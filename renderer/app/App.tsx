/** Top-level routing by vault state: unreachable core, lock screen, or the unlocked shell. */
import { useEffect } from 'react';
import { Shell } from './shell/Shell';
import { useServerEvents } from './shell/useServerEvents';
import { useStore } from './store';
import { useThemeSync } from './theme';
import { ConnectionError } from './ConnectionError';
import { LockScreen } from './vault/LockScreen';

export function App() {
  const vault = useStore((s) => s.vault);
  const vaultError = useStore((s) => s.vaultError);
  const refreshVault = useStore((s) => s.refreshVault);

  useThemeSync();
  useServerEvents();
  useEffect(() => {
    void refreshVault();
  }, [refreshVault]);

  if (!vault) return vaultError ? <ConnectionError message={vaultError} onRetry={() => void refreshVault()} /> : null;
  if (vault.state !== 'unlocked') return <LockScreen vault={vault} />;
  return <Shell />;
}
