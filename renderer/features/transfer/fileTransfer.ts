/**
 * Moving files between the user and the core through whichever door the app is behind: text
 * imports are read here and sent as text; backups go in base64 chunks both ways; exports become
 * a download of a Blob (the browser's own save, or Electron's save dialog).
 */
import { BACKUP_CHUNK_BYTES, MAX_IMPORT_TEXT } from '../../../shared/contract/transfer';
import { api } from '../../platform/api';

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(fileName: string, mimeType: string, content: string): void {
  downloadBlob(fileName, new Blob([content], { type: `${mimeType};charset=utf-8` }));
}

/** A dropped or picked file's text, refusing files too large to send through a door. */
export async function readImportFile(file: File): Promise<string> {
  if (file.size > MAX_IMPORT_TEXT)
    throw new Error(`${file.name} is too large to send (${formatBytes(file.size)}; 6 MiB at most). Import it by path instead.`);
  return file.text();
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Makes a backup in the core and saves it as a download; returns its name and size. */
export async function downloadBackup(onProgress?: (done: number, total: number) => void): Promise<{ fileName: string; bytes: number }> {
  const made = await api.call('backup.create', {});
  if (!made.downloadId) throw new Error('The backup was not staged for download.');
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (let done = false; !done;) {
    const chunk = await api.call('backup.download', { downloadId: made.downloadId, offset });
    const bytes = fromBase64(chunk.data);
    parts.push(bytes);
    offset += bytes.length;
    done = chunk.done || bytes.length === 0;
    onProgress?.(offset, chunk.bytes);
  }
  downloadBlob(made.fileName, new Blob(parts, { type: 'application/octet-stream' }));
  return { fileName: made.fileName, bytes: made.bytes };
}

/** Sends a backup file to the core in chunks; returns the id restore needs. */
export async function uploadBackup(file: File, onProgress?: (done: number, total: number) => void): Promise<string> {
  let uploadId: string | undefined;
  for (let offset = 0; offset < file.size || uploadId === undefined; offset += BACKUP_CHUNK_BYTES) {
    const bytes = new Uint8Array(await file.slice(offset, offset + BACKUP_CHUNK_BYTES).arrayBuffer());
    const r = await api.call('backup.upload', { ...(uploadId ? { uploadId } : {}), data: toBase64(bytes) });
    uploadId = r.uploadId;
    onProgress?.(Math.min(file.size, offset + bytes.length), file.size);
    if (bytes.length === 0) break;
  }
  return uploadId;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
