/**
 * "Trust this new host key?" inside the pane that asked for the connection. The fingerprint is the
 * one the server presented; trusting sends exactly that fingerprint back, and the core accepts the
 * key only if the server presents it again, so the answer cannot approve some other key.
 */
import type { HostKeyQuestion } from '../../../shared/contract/terminals';
import { Icon } from '../../ui/Icon';

function keyFileHint(keyType: string): string {
  const kind = keyType.replace(/^ssh-/, '').replace(/^ecdsa-sha2-nistp\d+$/, 'ecdsa');
  return `ssh-keygen -lf /etc/ssh/ssh_host_${kind}_key.pub`;
}

export function HostKeyCard({
  question,
  host,
  onTrust,
  onCancel,
}: {
  question: HostKeyQuestion;
  host: string;
  onTrust: () => void;
  onCancel: () => void;
}) {
  const viaJump = question.hop !== host;
  return (
    <div className="term-card" role="alertdialog" aria-labelledby="term-hostkey-title" data-testid="pane-hostkey">
      <h2 id="term-hostkey-title">
        <Icon name="shield" /> New host key
      </h2>
      <p>
        OpsDeck has not connected to <strong>{question.hop}</strong>
        {viaJump ? ` (the jump host on the way to ${host})` : ''} before. Trust this key only if its fingerprint matches the one the server
        shows; it is then kept in the vault and checked on every connection.
      </p>
      <dl className="term-card-facts">
        <dt>Address</dt>
        <dd className="mono">
          {question.address}:{question.port}
        </dd>
        <dt>Key type</dt>
        <dd className="mono">{question.keyType}</dd>
        <dt>Fingerprint</dt>
        <dd>
          <code data-testid="pane-hostkey-fingerprint">{question.fingerprint}</code>
        </dd>
      </dl>
      <p className="muted">
        On the server: <code>{keyFileHint(question.keyType)}</code>
      </p>
      <div className="term-card-actions">
        <button type="button" className="btn" onClick={onCancel} autoFocus data-testid="pane-hostkey-reject">
          Reject
        </button>
        <button type="button" className="btn btn-primary" onClick={onTrust} data-testid="pane-hostkey-trust">
          Trust and connect
        </button>
      </div>
    </div>
  );
}
