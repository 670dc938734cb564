/** Small display helpers for the terminals screen. */
import type { Pane } from './terminalsStore';

export function paneLabel(p: Pane): string {
  return p.kind === 'replay' ? `▶ ${p.host}` : p.host;
}

/** Status words and the dot colour class for tabs and pane bars. */
export function paneState(p: Pane): { word: string; tone: 'ok' | 'busy' | 'warn' | 'off' } {
  switch (p.status) {
    case 'open':
      return { word: 'connected', tone: 'ok' };
    case 'new':
    case 'connecting':
      return { word: 'connecting', tone: 'busy' };
    case 'hostkey':
      return { word: 'new host key', tone: 'warn' };
    case 'dropped':
      return { word: 'connection lost', tone: 'warn' };
    case 'failed':
      return { word: 'not connected', tone: 'warn' };
    case 'exited':
      return { word: 'ended', tone: 'off' };
    case 'replay':
      return { word: 'recording', tone: 'off' };
  }
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

export function formatWhen(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
