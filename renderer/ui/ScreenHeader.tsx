/** The bar at the top of every screen: title, a count, then the screen's own tools on the right. */
import type { ReactNode } from 'react';

interface ScreenHeaderProps {
  title: string;
  count?: ReactNode;
  children?: ReactNode;
}

export function ScreenHeader({ title, count, children }: ScreenHeaderProps) {
  return (
    <header className="screen-header">
      <h1>{title}</h1>
      {count !== undefined && <span className="screen-count">{count}</span>}
      <div className="screen-tools">{children}</div>
    </header>
  );
}
