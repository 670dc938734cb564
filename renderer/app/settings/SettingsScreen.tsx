/** Settings: security (idle lock, passphrase, vault file, revoked host keys), appearance, and the shortcut list. */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { useStore } from '../store';
import { ChangePassphraseDialog } from './ChangePassphraseDialog';
import { IdleLockField } from './IdleLockField';
import { RevokedHostKeys } from './RevokedHostKeys';
import { ShortcutList } from './ShortcutList';
import { ThemePicker } from './ThemePicker';
import './settings.css';

export function SettingsScreen() {
  const { settings, vault } = useStore(useShallow((s) => ({ settings: s.settings, vault: s.vault })));
  const [changing, setChanging] = useState(false);

  return (
    <section className="screen" data-testid="settings-screen">
      <ScreenHeader title="Settings" />
      <div className="settings">
        <section className="settings-section">
          <h2>Security</h2>
          <div className="setting">
            <div className="setting-text">
              <div className="setting-title">Lock when idle</div>
              <div className="setting-desc">
                The vault locks itself and forgets its key after this many minutes without activity. 0 never locks.
              </div>
            </div>
            <IdleLockField value={settings?.idleLockMinutes ?? null} />
          </div>
          <div className="setting">
            <div className="setting-text">
              <div className="setting-title">Passphrase</div>
              <div className="setting-desc">Changing it re-wraps the vault key; the old passphrase stops working at once.</div>
            </div>
            <button type="button" className="btn" onClick={() => setChanging(true)} data-testid="change-passphrase">
              Change passphrase…
            </button>
          </div>
          <div className="setting">
            <div className="setting-text">
              <div className="setting-title">Vault file</div>
              <div className="setting-desc mono setting-path" data-testid="vault-path">
                {vault?.path}
              </div>
            </div>
          </div>
          <RevokedHostKeys />
        </section>
        <section className="settings-section">
          <h2>Appearance</h2>
          <div className="setting">
            <div className="setting-text">
              <div className="setting-title">Theme</div>
              <div className="setting-desc">System follows your operating system's light or dark mode.</div>
            </div>
            <ThemePicker />
          </div>
        </section>
        <section className="settings-section">
          <h2>Keyboard</h2>
          <ShortcutList />
        </section>
      </div>
      {changing && <ChangePassphraseDialog onClose={() => setChanging(false)} />}
    </section>
  );
}
