/**
 * Inline SVG icons (16px grid, 1.5px strokes, currentColor). No icon font or CDN: the CSP allows
 * neither, and a dozen paths are cheaper than a dependency.
 */
const paths = {
  server:
    'M3 2.5h10a1 1 0 0 1 1 1v3a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1v-3a1 1 0 0 1 1-1zM3 8.5h10a1 1 0 0 1 1 1v3a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1v-3a1 1 0 0 1 1-1zM4.5 5h.01M4.5 11h.01',
  key: 'M10 2.5a3.5 3.5 0 1 1-2.9 5.46L2.5 12.5v1.5h2v-1.5h1.5v-1.5h1.5l1-1A3.5 3.5 0 0 1 10 2.5zM11 5h.01',
  group: 'M2 4.5a1 1 0 0 1 1-1h3l1.5 1.5H13a1 1 0 0 1 1 1V12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1z',
  settings:
    'M8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM13 8c0-.35-.04-.7-.1-1.03l1.35-1.05-1.3-2.25-1.6.64a4.9 4.9 0 0 0-1.78-1.03L9.3 1.6H6.7l-.27 1.68c-.66.22-1.26.58-1.78 1.03l-1.6-.64-1.3 2.25L3.1 6.97a5 5 0 0 0 0 2.06l-1.35 1.05 1.3 2.25 1.6-.64c.52.45 1.12.8 1.78 1.03l.27 1.68h2.6l.27-1.68a4.9 4.9 0 0 0 1.78-1.03l1.6.64 1.3-2.25-1.35-1.05c.06-.33.1-.68.1-1.03z',
  lock: 'M4 7.5h8a1 1 0 0 1 1 1v4.5a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8.5a1 1 0 0 1 1-1zM5.5 7.5V5a2.5 2.5 0 0 1 5 0v2.5',
  plus: 'M8 3v10M3 8h10',
  search: 'M7 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zM14 14l-3.5-3.5',
  edit: 'M10.5 2.5l3 3L6 13H3v-3zM9 4l3 3',
  trash: 'M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.1a1 1 0 0 0 1 .9h4.6a1 1 0 0 0 1-.9L12 4M6.5 6.5v5M9.5 6.5v5',
  close: 'M4 4l8 8M12 4l-8 8',
  eye: 'M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8zM8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  eyeOff:
    'M2 2l12 12M6.6 6.6a2 2 0 0 0 2.8 2.8M4.2 4.7C2.5 5.9 1.5 8 1.5 8S4 12.5 8 12.5c1.3 0 2.4-.4 3.3-1M7 3.6c.3-.1.7-.1 1-.1 4 0 6.5 4.5 6.5 4.5s-.5 1-1.5 2',
  alert: 'M8 1.8l6.5 11.7H1.5zM8 6.5v3M8 11.5h.01',
  jump: 'M2.5 12.5h3.5a2 2 0 0 0 2-2v-5a2 2 0 0 1 2-2h3.5M11 1.5l2.5 2-2.5 2',
  filter: 'M2 3h12l-4.5 5.5V13l-3-1.5v-3z',
  terminal: 'M2.5 3h11a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM4.5 6l2 2-2 2M8 10.5h3',
  check: 'M3 8.5l3 3 7-7',
  // Fleet tools (deep check, fleet overview, host page) and the service kinds a deep check finds.
  pulse: 'M1.5 8.5h3l2-5 3 9 2-4h3',
  fleet: 'M2.5 2.5h11v11h-11zM2.5 6h11M2.5 9.75h11M6.5 6v7.5',
  back: 'M13 8H3M7 4L3 8l4 4',
  chevronRight: 'M6 3.5L10.5 8 6 12.5',
  refresh: 'M13.5 8a5.5 5.5 0 1 1-1.6-3.9M13.5 2v3h-3',
  stop: 'M4.5 4.5h7v7h-7z',
  shield: 'M8 1.5l5.5 2v4c0 3.4-2.4 5.9-5.5 7-3.1-1.1-5.5-3.6-5.5-7v-4zM5.5 8l2 2 3-3.5',
  web: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM1.5 8h13M8 1.5c1.7 1.8 2.6 4 2.6 6.5S9.7 12.7 8 14.5C6.3 12.7 5.4 10.5 5.4 8S6.3 3.3 8 1.5z',
  app: 'M8 1.5l5.5 3v7L8 14.5l-5.5-3v-7zM2.5 4.5L8 7.5l5.5-3M8 7.5v7',
  database:
    'M2.5 3.5c0-1.1 2.5-2 5.5-2s5.5.9 5.5 2-2.5 2-5.5 2-5.5-.9-5.5-2zM2.5 3.5v9c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2v-9M2.5 8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2',
  cache: 'M9 1.5L3.5 9H8l-1 5.5L12.5 7H8z',
  queue: 'M8 2l6 3-6 3-6-3zM2 8l6 3 6-3M2 11l6 3 6-3',
  mail: 'M2 3.5h12a.5.5 0 0 1 .5.5v8a.5.5 0 0 1-.5.5H2a.5.5 0 0 1-.5-.5V4a.5.5 0 0 1 .5-.5zM1.5 4l6.5 5 6.5-5',
  dns: 'M8 1.5v13M3 3h8l2 2-2 2H3zM13 8.5H5l-2 2 2 2h8z',
  monitoring: 'M2 12a6 6 0 1 1 12 0M8 12l3-4M4 12h.01M12 12h.01',
  other: 'M8 13.5a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM8 8h.01',
  topology:
    'M3.5 5.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zM12.5 5.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zM8 14a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zM5 4h6M4.2 5.3l3.1 5.9M11.8 5.3l-3.1 5.9',
  transfer: 'M5 13.5v-11M2.5 5L5 2.5 7.5 5M11 2.5v11M8.5 11l2.5 2.5 2.5-2.5',
  upload: 'M8 10.5V2.5M5 5.5l3-3 3 3M2.5 10v2.5a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1V10',
  download: 'M8 2.5v8M5 7.5l3 3 3-3M2.5 10v2.5a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1V10',
  undo: 'M5.5 3L2.5 6l3 3M2.5 6h7a4 4 0 0 1 0 8H7',
  info: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM8 7.5V11M8 5h.01',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 16, className }: { name: IconName; size?: number; className?: string }) {
  return <StrokeIcon d={paths[name]} size={size} className={className} />;
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
