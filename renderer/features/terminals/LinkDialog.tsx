/**
 * Opening a link from terminal output: only plain http(s) gets this far (see runtime/sanitize.ts),
 * and only after Ctrl/Cmd-click. The full address is shown, because link text can lie.
 */
import { Dialog } from '../../ui/Dialog';
import { useTerminals } from './terminalsStore';

export function LinkDialog({ url }: { url: string }) {
  const close = () => useTerminals.setState({ link: null });
  const open = () => {
    close();
    window.open(url, '_blank', 'noopener,noreferrer');
  };
  return (
    <Dialog
      title="Open this link?"
      onClose={close}
      width={560}
      testId="link-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={close} data-autofocus>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" onClick={open} data-testid="link-open">
            Open in browser
          </button>
        </>
      }
    >
      <p>A program on the server printed this link. Open it only if you expected it.</p>
      <code className="term-link-url" data-testid="link-url">
        {url}
      </code>
    </Dialog>
  );
}
