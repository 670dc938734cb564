/** What the app shows until the vault is open: create it the first time, unlock it afterwards. */
import type { VaultStatus } from '../../../shared/model';
import { RestoreFromBackupLink } from '../../features/transfer/RestoreDialog';
import { Logo } from '../shell/Logo';
import { CreateVaultForm } from './CreateVaultForm';
import { UnlockForm } from './UnlockForm';
import './lock.css';

export function LockScreen({ vault }: { vault: VaultStatus }) {
  const creating = vault.state === 'missing';
  return (
    <main className="lock-screen" data-testid="lock-screen" data-state={vault.state}>
      <div className="lock-card">
        <div className="lock-brand">
          <Logo size={28} />
          <span>OpsDeck</span>
        </div>
        {creating ? <CreateVaultForm /> : <UnlockForm />}
      </div>
      <RestoreFromBackupLink />
      <footer className="lock-footer" title={vault.path}>
        Vault <span className="mono">{vault.path}</span>
      </footer>
    </main>
  );
}
