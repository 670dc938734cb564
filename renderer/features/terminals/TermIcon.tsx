/**
 * Icons only the terminals screen uses, drawn by ui/Icon's StrokeIcon (16px grid, 1.5px strokes, currentColor),
 * kept here so the shared icon set does not grow for one feature.
 */
import { StrokeIcon } from '../../ui/Icon';
const paths = {
  broadcast:
    'M8 9.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zM5.2 10.8a4 4 0 0 1 0-5.6M10.8 5.2a4 4 0 0 1 0 5.6M3.1 12.9a7 7 0 0 1 0-9.8M12.9 3.1a7 7 0 0 1 0 9.8',
  split: 'M2.5 3h11a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM8 3v10',
  snippet: 'M5.5 4.5L2 8l3.5 3.5M10.5 4.5L14 8l-3.5 3.5M9 3l-2 10',
  record: 'M8 12.5a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zM8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  play: 'M5 3.5v9l7.5-4.5z',
  pause: 'M5 3.5v9M11 3.5v9',
  restart: 'M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.5 2v3h3',
  download: 'M8 2v8.5M4.5 7L8 10.5 11.5 7M2.5 13.5h11',
  up: 'M4 10l4-4 4 4',
  down: 'M4 6l4 4 4-4',
  plug: 'M6 2v3M10 2v3M4.5 5h7v2.5a3.5 3.5 0 0 1-7 0zM8 11v3',
} as const;

export type TermIconName = keyof typeof paths;

export function TermIcon({ name, size = 16 }: { name: TermIconName; size?: number }) {
  return <StrokeIcon d={paths[name]} size={size} />;
}
