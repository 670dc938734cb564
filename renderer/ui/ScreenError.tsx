/**
 * A screen's load or refresh failure, shown under its header. Renders nothing without a message so
 * screens can write `<ScreenError message={s.error} />` without a guard.
 */
import { Icon } from './Icon';

export function ScreenError({ message, testId }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <div className="banner-error screen-error" role="alert" data-testid={testId}>
      <Icon name="alert" />
      {message}
    </div>
  );
}
