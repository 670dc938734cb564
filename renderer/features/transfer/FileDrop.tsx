/** A drop zone that also opens the file picker: drag a file in, or click "Choose file…". */
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { Icon } from '../../ui/Icon';

interface FileDropProps {
  onFile: (file: File) => void;
  title: string;
  hint?: ReactNode;
  accept?: string;
  testId: string;
  disabled?: boolean;
  children?: ReactNode;
  compact?: boolean;
}

export function FileDrop({ onFile, title, hint, accept, testId, disabled = false, children, compact = false }: FileDropProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };

  return (
    <div
      className={`file-drop${compact ? ' file-drop-compact' : ''}`}
      data-over={over || undefined}
      data-testid={testId}
      onDragEnter={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={drop}
    >
      <div className="file-drop-icon" aria-hidden="true">
        <Icon name="upload" size={18} />
      </div>
      <div className="file-drop-text">
        <div className="file-drop-title">{title}</div>
        {hint && <div className="file-drop-hint">{hint}</div>}
      </div>
      <div className="file-drop-actions">
        <button type="button" className="btn" onClick={() => input.current?.click()} disabled={disabled} data-testid={`${testId}-pick`}>
          Choose file…
        </button>
        {children}
      </div>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={`${testId}-input`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
