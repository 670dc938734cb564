/**
 * The header tick box of a list with tick boxes: ticked when every shown row is, "mixed" when some
 * are; a click ticks all shown rows, or unticks them when all were.
 */
export function PickAllBox({
  shown,
  picked,
  onChange,
  label,
}: {
  shown: readonly string[];
  picked: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  label: string;
}) {
  const count = shown.filter((n) => picked.has(n)).length;
  const all = shown.length > 0 && count === shown.length;
  return (
    <input
      type="checkbox"
      aria-label={all ? `Untick ${label}` : `Tick ${label}`}
      checked={all}
      ref={(box) => {
        if (box) box.indeterminate = count > 0 && !all;
      }}
      onChange={() => {
        const next = new Set(picked);
        for (const n of shown) {
          if (all) next.delete(n);
          else next.add(n);
        }
        onChange(next);
      }}
      data-testid="pick-all"
    />
  );
}
