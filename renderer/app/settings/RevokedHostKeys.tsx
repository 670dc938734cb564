/**
 * The host keys this vault refuses for every host (imported known_hosts @revoked lines). Read-only:
 * a revocation is added by importing the file and lifted by undoing that import, so where it came
 * from is always on record.
 */
import { useEffect, useState } from 'react';
import type { RevokedHostKey } from '../../../shared/contract/checks';
import { api } from '../../platform/api';
import { messageOf } from '../../ui/formErrors';

export function RevokedHostKeys() {
  const [keys, setKeys] = useState<RevokedHostKey[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    api.call('hostkeys.revoked', {}).then(
      (k) => alive && setKeys(k),
      (e: unknown) => alive && setError(messageOf(e)),
    );
    return () => {
      alive = false;
    };
  }, []);

  return (
    <div className="setting setting-stacked" data-testid="revoked-host-keys">
      <div className="setting-text">
        <div className="setting-title">Revoked host keys</div>
        <div className="setting-desc">
          Never trusted for any host, and never offered for trust. They come from @revoked lines in known_hosts files you import; undo that
          import to lift them.
        </div>
      </div>
      {error && <div className="setting-desc error-text">{error}</div>}
      {keys && keys.length === 0 && <div className="setting-desc">None.</div>}
      {keys && keys.length > 0 && (
        <ul className="revoked-list">
          {keys.map((k) => (
            <li key={k.fingerprint} data-testid="revoked-key">
              <span className="mono">
                {k.keyType} {k.fingerprint}
              </span>
              <span className="muted">
                from {k.source}, {new Date(k.addedAt).toLocaleDateString()}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
