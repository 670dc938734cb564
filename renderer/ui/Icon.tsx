/**
 * Inline SVG icons (16px grid, 1.5px strokes, currentColor). No icon font or CDN: the CSP allows
 * neither, and a dozen paths are cheaper than a dependency.
 */
import { ICON_PATHS, type IconName } from './iconPaths';

export type { IconName };

export function Icon({ name, size = 16, className }: { name: IconName; size?: number; className?: string }) {
  return <StrokeIcon d={ICON_PATHS[name]} size={size} className={className} />;
}

/** The drawing every icon shares (16px grid, 1.5px round strokes, currentColor): features with their own paths use it too. */
export function StrokeIcon({ d, size = 16, className }: { d: string; size?: number; className?: string | undefined }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      <path d={d} />
    </svg>
  );
}
