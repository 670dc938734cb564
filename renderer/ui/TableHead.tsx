/**
 * A data table's <colgroup> and <thead> from one list, so a column's width and its heading are
 * written side by side (and cannot drift apart when a column is added or moved).
 */
import type { ReactNode } from 'react';

export interface TableColumn {
  /** The heading; a string or a control (the check picker's "tick all" box). Omit for none. */
  label?: ReactNode;
  /** Heading read by screen readers only (an actions column); shown nowhere. */
  srLabel?: string;
  /** CSS width ('16%', '44px'); omit to take the rest. */
  width?: string;
  className?: string;
}

export function TableHead({ columns }: { columns: readonly TableColumn[] }) {
  return (
    <>
      <colgroup>
        {columns.map((c, i) => (
          <col key={i} style={c.width ? { width: c.width } : undefined} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} className={c.className} aria-hidden={c.label === undefined && !c.srLabel ? true : undefined}>
              {c.srLabel ? <span className="visually-hidden">{c.srLabel}</span> : c.label}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}
