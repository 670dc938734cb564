/** CSV column mapping: one select per column, with a few sample values so the user sees what is in it. */
import type { CsvField, CsvPreview } from '../../../shared/contract/transfer';

const FIELD_LABEL: Record<CsvField, string> = {
  name: 'Name',
  address: 'Address',
  port: 'Port',
  user: 'User',
  auth: 'Auth method',
  tags: 'Tags',
  groups: 'Groups',
  jumpHost: 'Jump host',
  credential: 'Credential (in the vault)',
  identityFile: 'Key file (path)',
  notes: 'Notes',
  ignore: 'Ignore',
};

const FIELDS = Object.keys(FIELD_LABEL) as CsvField[];

export function CsvMapping({ csv, onChange, busy }: { csv: CsvPreview; onChange: (columns: CsvField[]) => void; busy: boolean }) {
  const set = (index: number, field: CsvField) => {
    // A field belongs to one column: choosing it here frees any other column that had it.
    const next = csv.columns.map((c, i) => (i === index ? field : field !== 'ignore' && c === field ? 'ignore' : c));
    onChange(next);
  };
  return (
    <div className="csv-mapping" data-testid="csv-mapping">
      <div className="csv-mapping-head">
        <h3>Columns</h3>
        <span className="muted">
          {csv.rows} data row{csv.rows === 1 ? '' : 's'}, separated by {csv.delimiter === '\t' ? 'tabs' : `"${csv.delimiter}"`}. Choose what
          each column holds; a name or an address is needed.
        </span>
      </div>
      <div className="csv-columns">
        {csv.headers.map((header, i) => (
          <div key={`${header}-${i}`} className="csv-column" data-ignored={csv.columns[i] === 'ignore' || undefined}>
            <label className="csv-column-header" htmlFor={`csv-col-${i}`} title={header}>
              {header || `Column ${i + 1}`}
            </label>
            <select
              id={`csv-col-${i}`}
              className="select"
              value={csv.columns[i] ?? 'ignore'}
              disabled={busy}
              onChange={(e) => set(i, e.target.value as CsvField)}
              data-testid={`csv-column-${i}`}
            >
              {FIELDS.map((f) => (
                <option key={f} value={f}>
                  {FIELD_LABEL[f]}
                </option>
              ))}
            </select>
            <div className="csv-samples">
              {csv.sample.slice(0, 3).map((row, r) => (
                <div key={r} className="csv-sample mono" title={row[i] ?? ''}>
                  {row[i] || '\u00a0'}
                </div>
              ))}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
