/** Credentials as a dense table: what kind, which key, and which hosts depend on it. */
import type { Credential } from '../../../shared/model';
import { Icon } from '../../ui/Icon';
import { useRowNavigation } from '../../ui/useRowNavigation';
import { RowAction } from '../../ui/RowAction';
import { TableHead, type TableColumn } from '../../ui/TableHead';

const CREDENTIAL_COLUMNS: readonly TableColumn[] = [
  { label: 'Name', width: '16%' },
  { label: 'Kind', width: '11%' },
  { label: 'Key type', width: '11%' },
  { label: 'Fingerprint', width: '32%' },
  { label: 'Used by', width: '19%' },
  { label: 'Added', width: '9%' },
  { srLabel: 'Actions', width: '44px' },
];

interface CredentialTableProps {
  credentials: readonly Credential[];
  selected: string | null;
  onSelect: (name: string | null) => void;
  onDelete: (credential: Credential) => void;
  onHost: (host: string) => void;
}

const keyOf = (c: Credential) => c.name;
/** A key used by fifty hosts shows two and a count; the cell's tooltip lists them all. */
const USED_BY_SHOWN = 2;

function date(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function CredentialTable({ credentials, selected, onSelect, onDelete, onHost }: CredentialTableProps) {
  const { rowProps } = useRowNavigation({ items: credentials, keyOf, selected, onSelect, onDelete });
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="credential-table" aria-label="Credentials">
        <TableHead columns={CREDENTIAL_COLUMNS} />
        <tbody>
          {credentials.map((c, i) => (
            <tr key={c.id} {...rowProps(c, i)} data-testid="credential-row" data-credential={c.name}>
              <td className="cell-name" title={c.comment ? `${c.name} (${c.comment})` : c.name}>
                {c.name}
              </td>
              <td>
                <span className="kind-cell">
                  {c.kind === 'private-key' ? 'Private key' : 'Password'}
                  {c.hasPassphrase && (
                    <span className="faint" title="Protected by a passphrase (kept in the vault)" aria-label="protected by a passphrase">
                      <Icon name="lock" size={12} />
                    </span>
                  )}
                </span>
              </td>
              <td className="mono">{c.keyType ?? <span className="faint">—</span>}</td>
              <td className="mono" title={c.fingerprint ?? undefined}>
                {c.fingerprint ?? <span className="faint">—</span>}
              </td>
              <td title={c.usedBy.join(', ')}>
                <div className="cell-chips">
                  {c.usedBy.length === 0 && <span className="faint">Not used</span>}
                  {c.usedBy.slice(0, USED_BY_SHOWN).map((h) => (
                    <button type="button" key={h} tabIndex={-1} className="chip" title={`Show ${h} in Hosts`} onClick={() => onHost(h)}>
                      {h}
                    </button>
                  ))}
                  {c.usedBy.length > USED_BY_SHOWN && <span className="more-count">+{c.usedBy.length - USED_BY_SHOWN} more</span>}
                </div>
              </td>
              <td className="muted">{date(c.createdAt)}</td>
              <td className="cell-actions">
                <span className="row-actions">
                  <RowAction icon="trash" label={`Delete ${c.name}`} title="Delete (Del)" onClick={() => onDelete(c)} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
