/** Small building blocks of the map's side panel: titled blocks and label/value lists. */
import type { ReactNode } from 'react';

export function PanelBlock({ title, count, children, testId }: { title: string; count?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="map-panel-block" data-testid={testId}>
      <h3>
        {title}
        {count !== undefined && <span className="map-panel-count">{count}</span>}
      </h3>
      {children}
    </section>
  );
}

export type Fact = [label: string, value: ReactNode];

/** Rows whose value is empty are left out rather than shown as blanks. */
export function FactList({ rows }: { rows: Fact[] }) {
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '');
  return (
    <dl className="map-facts">
      {shown.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Chips({ items }: { items: string[] }) {
  if (items.length === 0) return null;
  return (
    <span className="map-chips">
      {items.map((t) => (
        <span key={t} className="chip">
          {t}
        </span>
      ))}
    </span>
  );
}
