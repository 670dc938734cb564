/** The centred "nothing here yet" panel: what this screen is for and the one action to take. */
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import './empty-state.css';

interface EmptyStateProps {
  icon: IconName;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  testId?: string;
}

export function EmptyState({ icon, title, children, actions, testId }: EmptyStateProps) {
  return (
    <div className="empty-state" data-testid={testId}>
      <div className="empty-state-icon">
        <Icon name={icon} size={22} />
      </div>
      <h2>{title}</h2>
      <div className="empty-state-text">{children}</div>
      {actions && <div className="empty-state-actions">{actions}</div>}
    </div>
  );
}
