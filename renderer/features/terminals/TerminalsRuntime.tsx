/**
 * What terminals need on every screen of the unlocked app: the quick switcher shortcut
 * (Ctrl/Cmd+K), find (in the terminals screen), the preferences loaded from the vault, and the
 * dialogs a terminal can raise (paste review, link, close, settings, switcher).
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../app/store';
import { CloseDialog } from './CloseDialog';
import { LinkDialog } from './LinkDialog';
import { PasteDialog } from './PasteDialog';
import { QuickSwitcher } from './QuickSwitcher';
import { TerminalSettingsDialog } from './TerminalSettingsDialog';
import { loadTerminalData } from './actions';
import { isSwitcherKey, terminalShortcut } from './runtime/keys';
import { activePaneId, useTerminals } from './terminalsStore';

function useTerminalKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const inTerminal = e.target instanceof Element && e.target.closest('.term-host') !== null;
      const shortcut = terminalShortcut(e);
      if (shortcut === 'switcher' || (!inTerminal && isSwitcherKey(e))) {
        e.preventDefault();
        useTerminals.setState({ switcherOpen: true });
      } else if (shortcut === 'find' && useStore.getState().screen === 'terminals') {
        e.preventDefault();
        useTerminals.setState((s) => ({ findPane: activePaneId(s) }));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function TerminalsRuntime() {
  const vaultOpen = useStore((s) => s.vault?.state === 'unlocked');
  const d = useTerminals(
    useShallow((s) => ({ switcher: s.switcherOpen, settings: s.settingsOpen, paste: s.paste, link: s.link, closing: s.closing })),
  );
  useTerminalKeys();

  useEffect(() => {
    if (vaultOpen) loadTerminalData().catch(() => undefined);
  }, [vaultOpen]);

  return (
    <>
      {d.switcher && <QuickSwitcher />}
      {d.settings && <TerminalSettingsDialog />}
      {d.paste && <PasteDialog request={d.paste} />}
      {d.link && <LinkDialog url={d.link} />}
      {d.closing && <CloseDialog tab={d.closing.tab} pane={d.closing.pane} />}
    </>
  );
}
