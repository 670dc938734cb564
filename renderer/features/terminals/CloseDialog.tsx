/** Closing a tab or pane whose session still runs hangs up what runs in it: ask first. */
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { closeNow } from './actions';
import { isLive, useTerminals } from './terminalsStore';

export function CloseDialog({ tab, pane }: { tab: string; pane: string | null }) {
  const hosts = useTerminals((s) => {
    const t = s.tabs.find((x) => x.id === tab);
    const ids = pane ? [pane] : (t?.panes ?? []);
    return ids.flatMap((id) => (isLive(s.panes[id]) ? [s.panes[id]!.host] : [])).join(', ');
  });
  return (
    <ConfirmDialog
      title="Close the running session?"
      confirmLabel="Close session"
      testId="close-dialog"
      onClose={() => useTerminals.setState({ closing: null })}
      onConfirm={() => {
        closeNow(tab, pane);
        return Promise.resolve();
      }}
    >
      The shell on <strong>{hosts}</strong> is still running. Closing hangs it up, and programs started in it stop (unless they run under
      nohup, screen or tmux).
    </ConfirmDialog>
  );
}
