/** The OpsDeck mark: three stacked decks (hosts in a vault), drawn inline so it needs no asset. */
export function Logo({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="24" height="24" rx="6" fill="var(--accent)" />
      <path d="M6 8.5 12 5.5l6 3-6 3z" fill="#fff" />
      <path
        d="M6 12l6 3 6-3M6 15.5l6 3 6-3"
        fill="none"
        stroke="#fff"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
        opacity="0.85"
      />
    </svg>
  );
}
