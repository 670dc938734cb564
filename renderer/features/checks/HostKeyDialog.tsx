/**
 * "Trust this new host key?" OpsDeck has never seen a key for this address: the user compares the
 * SHA256 fingerprint with one obtained out of band and trusts it (stored in the vault) or rejects
 * it (that host fails with HOST_KEY_REJECTED; the others go on). Several questions queue up and
 * show one at a time. Focus starts on Reject and Esc rejects: trusting always takes a deliberate
 * choice, as `ssh` asks for a typed "yes".
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../app/store';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';
import { endpoint } from '../host/scanFormat';
import type { HostKeyQuestion } from './checksSlice';
import './checks.css';

/** Where an admin reads the same fingerprint on the server itself. */
function keyFileHint(keyType: string): string {
  const kind = keyType.replace(/^ssh-/, '').replace(/^ecdsa-sha2-nistp\d+$/, 'ecdsa');
  return `ssh-keygen -lf /etc/ssh/ssh_host_${kind}_key.pub`;
}

export function HostKeyDialog({ question }: { question: HostKeyQuestion }) {
  const { hosts, waiting, error, answer, check, cancelCheck } = useStore(
    useShallow((s) => ({
      hosts: s.hosts,
      waiting: s.hostKeyQuestions.length - 1,
      error: s.hostKeyError,
      answer: s.answerHostKey,
      check: s.check,
      cancelCheck: s.cancelCheck,
    })),
  );
  const [busy, setBusy] = useState(false);
  // The question names the address the SSH connection went to; show the vault's names for it.
  const names = hosts.filter((h) => h.address === question.host && h.port === question.port).map((h) => h.name);
  const title = names.length > 0 ? names.join(', ') : question.host;
  // "Stop check" only for this window's own run, and only once it can be cancelled.
  const canStop = check?.state === 'running' && check.runId !== null && !check.cancelling && names.some((n) => n in check.rows);

  const respond = async (accept: boolean) => {
    if (busy) return;
    setBusy(true);
    await answer(question.requestId, accept);
    setBusy(false);
  };

  return (
    <Dialog
      title="New host key"
      onClose={() => void respond(false)}
      width={520}
      testId="hostkey-dialog"
      busy={busy}
      footer={
        <>
          {canStop && (
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => void cancelCheck()}
              disabled={busy}
              title="Reject the keys still waiting and stop the deep check"
              data-testid="hostkey-stop"
            >
              Stop check
            </button>
          )}
          {waiting > 0 && (
            <span className="muted" data-testid="hostkey-queue">
              {waiting} more {waiting === 1 ? 'key' : 'keys'} waiting
            </span>
          )}
          <span className="spacer" />
          <button
            type="button"
            className="btn"
            onClick={() => void respond(false)}
            disabled={busy}
            data-autofocus
            data-testid="hostkey-reject"
          >
            Reject
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void respond(true)} disabled={busy} data-testid="hostkey-trust">
            {busy && <span className="spinner" />}
            Trust and continue
          </button>
        </>
      }
    >
      <p className="hostkey-lead">
        OpsDeck has not connected to <strong data-testid="hostkey-host">{title}</strong> before. Trust this key only if its fingerprint
        matches the one the server shows; it is then kept in the vault and checked on every connection.
      </p>
      <dl className="hostkey-facts">
        <dt>Address</dt>
        <dd className="mono">{endpoint(question.host, question.port)}</dd>
        <dt>Key type</dt>
        <dd className="mono" data-testid="hostkey-type">
          {question.keyType}
        </dd>
        <dt>Fingerprint</dt>
        <dd>
          <code className="hostkey-fingerprint" data-testid="hostkey-fingerprint">
            {question.fingerprint}
          </code>
        </dd>
      </dl>
      <p className="hostkey-hint">
        On the server: <code>{keyFileHint(question.keyType)}</code>
      </p>
      {error && (
        <div className="banner-error" role="alert">
          <Icon name="alert" />
          <span>{error}</span>
        </div>
      )}
    </Dialog>
  );
}
