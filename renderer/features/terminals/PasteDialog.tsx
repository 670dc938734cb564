/**
 * Shown before a paste that carries control characters (made visible here, removed if sent) or
 * several lines that would each run at once. Cancel is the default: the risky choice is a click.
 */
import { Dialog } from '../../ui/Dialog';
import { confirmPaste } from './actions';
import { livePane } from './runtime/registry';
import { reviewPaste } from './runtime/paste';
import type { PasteRequest } from './terminalsStore';

const PREVIEW_PARTS = 400;

export function PasteDialog({ request }: { request: PasteRequest }) {
  const bracketed = livePane(request.pane)?.view.bracketedPaste ?? false;
  const r = reviewPaste(request.text, bracketed);
  const shown = r.parts.slice(0, PREVIEW_PARTS);
  return (
    <Dialog
      title="Check this paste"
      onClose={() => confirmPaste(null)}
      width={600}
      testId="paste-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={() => confirmPaste(null)} data-autofocus data-testid="paste-cancel">
            Cancel
          </button>
          <button type="button" className="btn btn-primary" onClick={() => confirmPaste(r.clean)} data-testid="paste-confirm">
            {r.controls > 0 ? 'Paste without control characters' : `Paste ${r.runningLines} lines`}
          </button>
        </>
      }
    >
      {r.controls > 0 && (
        <p data-testid="paste-controls">
          The clipboard holds {r.controls} control {r.controls === 1 ? 'character' : 'characters'} (marked below). They can make a terminal
          do things you did not type, so they are removed if you paste.
        </p>
      )}
      {r.runningLines > 0 && (
        <p>
          This is {r.runningLines} lines, and the program in this terminal has not asked for bracketed paste: each line will run as soon as
          it arrives.
        </p>
      )}
      <pre className="term-paste-preview" data-testid="paste-preview">
        {shown.map((p, i) =>
          p.control ? (
            <mark key={i} className="term-ctl">
              {p.text}
            </mark>
          ) : (
            <span key={i}>{p.text.length > 4000 ? `${p.text.slice(0, 4000)}…` : p.text}</span>
          ),
        )}
        {r.parts.length > PREVIEW_PARTS && '…'}
      </pre>
    </Dialog>
  );
}
