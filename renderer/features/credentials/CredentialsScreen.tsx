/** Keys and passwords in the vault. Removing one that hosts still use is refused by the core. */
import { useCallback, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Credential } from '../../../shared/model';
import { useStore } from '../../app/store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { useHotkeys } from '../../ui/useHotkeys';
import { CredentialFormDialog } from './CredentialFormDialog';
import { CredentialTable } from './CredentialTable';
import './credentials.css';
import { ScreenError } from '../../ui/ScreenError';
import { NewButton } from '../../ui/NewButton';

type DialogState = { kind: 'add' } | { kind: 'delete'; credential: Credential } | null;

export function CredentialsScreen() {
  const s = useStore(
    useShallow((st) => ({
      credentials: st.credentials,
      loaded: st.credentialsLoaded,
      error: st.credentialsError,
      selected: st.selectedCredential,
      select: st.selectCredential,
      remove: st.removeCredential,
    })),
  );
  const showHost = (name: string) => {
    const st = useStore.getState();
    st.clearHostFilters();
    st.selectHost(name);
    st.go('hosts');
  };
  const [dialog, setDialog] = useState<DialogState>(null);
  const close = useCallback(() => setDialog(null), []);
  const selected = s.credentials.find((c) => c.name === s.selected);

  useHotkeys({
    n: () => setDialog({ kind: 'add' }),
    Delete: () => selected && setDialog({ kind: 'delete', credential: selected }),
  });

  return (
    <section className="screen" data-testid="credentials-screen">
      <ScreenHeader title="Keys & passwords" count={s.loaded ? s.credentials.length : undefined}>
        <NewButton label="Add credential" onClick={() => setDialog({ kind: 'add' })} testId="new-credential" />
      </ScreenHeader>
      <ScreenError message={s.error} />
      {s.loaded && s.credentials.length === 0 && !s.error && (
        <EmptyState icon="key" title="No keys or passwords yet" testId="credentials-empty">
          <p>
            Add the private keys and passwords your hosts sign in with. They are stored only inside the encrypted vault, and OpsDeck never
            shows them again: hosts refer to them by name.
          </p>
        </EmptyState>
      )}
      {s.credentials.length > 0 && (
        <CredentialTable
          credentials={s.credentials}
          selected={s.selected}
          onSelect={s.select}
          onDelete={(credential) => setDialog({ kind: 'delete', credential })}
          onHost={showHost}
        />
      )}
      {dialog?.kind === 'add' && <CredentialFormDialog onClose={close} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${dialog.credential.name}?`}
          confirmLabel="Delete credential"
          testId="delete-credential-dialog"
          onClose={close}
          onConfirm={() => s.remove(dialog.credential.name)}
          note={
            dialog.credential.usedBy.length > 0
              ? `Used by ${dialog.credential.usedBy.join(', ')}: point those hosts at another credential first.`
              : undefined
          }
        >
          <p>
            The {dialog.credential.kind === 'private-key' ? 'private key' : 'password'} <strong>{dialog.credential.name}</strong> will be
            erased from the vault. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
