/** Building blocks of the host page's tabs: titled sections, fact lists, list search, quiet empties. */
import type { ReactNode } from 'react';
import { SearchBox } from '../../ui/SearchBox';

export function Section({
  title,
  count,
  tools,
  children,
  wide,
  testId,
}: {
  title: string;
  count?: ReactNode;
  tools?: ReactNode;
  children: ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  return (
    <section className={`host-section ${wide ? 'host-section-wide' : ''}`} data-testid={testId}>
      <header className="host-section-header">
        <h2>{title}</h2>
        {count !== undefined && <span className="host-section-count">{count}</span>}
        {tools && <div className="host-section-tools">{tools}</div>}
      </header>
      {children}
    </section>
  );
}

export type FactRow = [label: string, value: ReactNode, title?: string];

/** Label/value pairs; rows whose value is null or '' are left out rather than shown as blanks. */
export function Facts({ rows }: { rows: FactRow[] }) {
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '');
  return (
    <dl className="facts">
      {shown.map(([label, value, title]) => (
        <div key={label} className="fact">
          <dt>{label}</dt>
          <dd title={title ?? (typeof value === 'string' ? value : undefined)}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ListSearch({
  value,
  onChange,
  placeholder,
  shown,
  total,
  testId,
}: {
  value: string;
  onChange: (v: string) => void;
  placeholder: string;
  shown: number;
  total: number;
  testId?: string;
}) {
  return (
    <div className="list-search">
      <SearchBox value={value} onChange={onChange} placeholder={placeholder} testId={testId} />
      <span className="faint">{value ? `${shown} of ${total}` : String(total)}</span>
    </div>
  );
}

/** Every whitespace-separated term must occur in one of the fields (case-insensitive). */
export function matchAll(query: string, ...fields: (string | null | undefined)[]): boolean {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const text = fields.join('\n').toLowerCase();
  return terms.every((t) => text.includes(t));
}

export function Quiet({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="host-quiet" data-testid={testId}>
      {children}
    </div>
  );
}

/** Long lists render this many rows; the search narrows the rest. */
export const ROW_CAP = 500;

export function Capped({ shown, total }: { shown: number; total: number }) {
  if (total <= shown) return null;
  return (
    <div className="host-capped">
      Showing the first {shown} of {total}. Search to narrow the list.
    </div>
  );
}
