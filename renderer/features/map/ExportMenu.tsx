/** Export: the picture as PNG or SVG, the graph as JSON. */
import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../ui/Icon';

export type ExportKind = 'png' | 'svg' | 'json';

export function ExportMenu({ onExport, disabled }: { onExport: (kind: ExportKind) => void; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  const pick = (kind: ExportKind) => {
    setOpen(false);
    onExport(kind);
  };
  return (
    <div className="map-menu" ref={root}>
      <button
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen(!open)}
        data-testid="map-export"
      >
        <Icon name="download" size={14} />
        Export
      </button>
      {open && (
        <div className="map-menu-list" role="menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <button type="button" role="menuitem" onClick={() => pick('png')} data-testid="map-export-png">
            Picture (PNG)
          </button>
          <button type="button" role="menuitem" onClick={() => pick('svg')} data-testid="map-export-svg">
            Drawing (SVG)
          </button>
          <button type="button" role="menuitem" onClick={() => pick('json')} data-testid="map-export-json">
            Graph data (JSON)
          </button>
        </div>
      )}
    </div>
  );
}
