/**
 * One icon button in a table row's actions (shown on hover or selection, see table.css). Out of the
 * tab order on purpose: the rows have keyboard shortcuts for the same actions (the title says which).
 */
import { Icon, type IconName } from './Icon';

export function RowAction({
  icon,
  label,
  title,
  onClick,
  testId,
}: {
  icon: IconName;
  /** What a screen reader says, e.g. "Delete web-1". */
  label: string;
  /** The tooltip, with the keyboard shortcut, e.g. "Delete (Del)". */
  title: string;
  onClick: () => void;
  testId?: string;
}) {
  return (
    <button
      type="button"
      tabIndex={-1}
      className="btn btn-ghost btn-icon btn-sm"
      aria-label={label}
      title={title}
      onClick={onClick}
      data-testid={testId}
    >
      <Icon name={icon} size={14} />
    </button>
  );
}
