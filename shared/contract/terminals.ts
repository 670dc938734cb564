/**
 * Embedded terminals: interactive shells over SSH (a pty on an ssh2 shell channel), their flow
 * control, broadcast input, saved snippets, per-user terminal preferences and session recordings.
 *
 * Output reaches clients as `terminal.data` events (shared/events.ts) with a sequence number; a
 * client acknowledges the last sequence its terminal has *processed* (xterm's write callback) with
 * 'terminals.ack'. Acks are cumulative, so a lost event or ack never wedges a session, and the core
 * pauses the SSH channel while too much output is unacknowledged (see electron/core/terminals/flow.ts).
 */
import { z } from 'zod';
import { Name } from '../model/inventory';
import { HostFailureCode } from '../model/scan';
import { Empty, method, Ok } from './method';

/** Session ids are the core's random UUIDs; the bound keeps anything else out. */
export const SessionId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/, 'Not a session id');

const Cols = z.number().int().min(2).max(1000);
const Rows = z.number().int().min(1).max(500);
/** SHA256 fingerprints as ssh-keygen prints them. */
const Fingerprint = z
  .string()
  .max(100)
  .regex(/^SHA256:[A-Za-z0-9+/=]+$/, 'Not a SHA256 fingerprint');

export const TerminalSession = z.object({
  id: SessionId,
  host: z.string(),
  /** user@address, for tab tooltips. */
  endpoint: z.string(),
  cols: z.number().int(),
  rows: z.number().int(),
  startedAt: z.string(),
  recording: z.boolean(),
  /** Output sent but not yet acknowledged, and whether the channel is paused because of it. */
  unacked: z.number().int(),
  paused: z.boolean(),
  /** The sequence number of the last output event sent. */
  seq: z.number().int(),
});
export type TerminalSession = z.infer<typeof TerminalSession>;

/** An unknown host key met on the way to the host (the target itself or one of its jump hosts). */
export const HostKeyQuestion = z.object({
  /** Inventory name of the hop that presented the key. */
  hop: z.string(),
  address: z.string(),
  port: z.number().int(),
  keyType: z.string(),
  fingerprint: z.string(),
});
export type HostKeyQuestion = z.infer<typeof HostKeyQuestion>;

export const OpenResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('open'), session: TerminalSession }),
  /** Not connected: ask the user, then open again with the fingerprint in `trust`. */
  z.object({ status: z.literal('hostkey'), question: HostKeyQuestion }),
  z.object({ status: z.literal('failed'), code: HostFailureCode, message: z.string() }),
]);
export type OpenResult = z.infer<typeof OpenResult>;

export const TerminalPrefs = z.object({
  fontFamily: z.string().trim().max(200),
  fontSize: z.number().int().min(8).max(32),
  lineHeight: z.number().min(1).max(2),
  /** Lines kept above the screen. Bounded: scrollback is the terminal's main memory cost. */
  scrollback: z.number().int().min(0).max(100_000),
  cursorStyle: z.enum(['block', 'bar', 'underline']),
  cursorBlink: z.boolean(),
  copyOnSelect: z.boolean(),
  /** auto = WebGL when the GPU is real (software WebGL is slower than the DOM renderer). */
  renderer: z.enum(['auto', 'webgl', 'dom']),
  /** Reconnect dropped sessions by themselves, with back-off. */
  autoReconnect: z.boolean(),
  /** Record every session (hosts can also be recorded one by one). Off by default. */
  recordAll: z.boolean(),
});
export type TerminalPrefs = z.infer<typeof TerminalPrefs>;

export const DEFAULT_TERMINAL_PREFS: TerminalPrefs = {
  fontFamily: '',
  fontSize: 13,
  lineHeight: 1.15,
  scrollback: 10_000,
  cursorStyle: 'block',
  cursorBlink: true,
  copyOnSelect: true,
  renderer: 'auto',
  autoReconnect: false,
  recordAll: false,
};

export const HostTerminalPrefs = z.object({ host: z.string(), record: z.boolean() });
export type HostTerminalPrefs = z.infer<typeof HostTerminalPrefs>;

export const SnippetName = z.string().trim().min(1, 'Name is required').max(80, 'Name is at most 80 characters');
export const SnippetCommand = z.string().min(1, 'Command is required').max(16_384, 'Command is at most 16 KiB');

export const Snippet = z.object({ id: z.string(), name: z.string(), command: z.string(), createdAt: z.string(), updatedAt: z.string() });
export type Snippet = z.infer<typeof Snippet>;

export const RecordingSummary = z.object({
  id: z.string(),
  /** Inventory name at the time (kept when the host is later removed). */
  host: z.string(),
  address: z.string(),
  remoteUser: z.string(),
  /** The local account that ran OpsDeck. */
  localUser: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  durationMs: z.number().int(),
  cols: z.number().int(),
  rows: z.number().int(),
  /** Output and input bytes recorded. */
  bytes: z.number().int(),
  /** Hit the size cap (or the vault stayed locked too long): the end is missing. */
  truncated: z.boolean(),
});
export type RecordingSummary = z.infer<typeof RecordingSummary>;

/** One page of a recording in asciicast v2 form: the header line (first page only) and event lines. */
export const RecordingPage = z.object({
  id: z.string(),
  /** asciicast v2 header as JSON text (page 0 only). */
  header: z.string().nullable(),
  /** Newline-separated asciicast v2 event lines: [seconds, "o"|"i"|"r", data]. */
  events: z.string(),
  next: z.number().int().nullable(),
});
export type RecordingPage = z.infer<typeof RecordingPage>;

/** One recorded event: seconds since the start, o(utput) / i(nput) / r(esize "COLSxROWS"), data. */
export interface CastEvent {
  time: number;
  code: 'o' | 'i' | 'r';
  data: string;
}

/** Parses RecordingPage.events; blank or malformed lines are skipped (a page cut short by a crash). */
export function parseCastEvents(text: string): CastEvent[] {
  const out: CastEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      continue;
    }
    if (!Array.isArray(v) || v.length < 3) continue;
    const [time, code, data] = v as unknown[];
    if (typeof time !== 'number' || typeof data !== 'string' || (code !== 'o' && code !== 'i' && code !== 'r')) continue;
    out.push({ time, code, data });
  }
  return out;
}

export const terminalsContract = {
  'terminals.open': method(
    z.object({ host: Name, cols: Cols.default(80), rows: Rows.default(24), trust: z.array(Fingerprint).max(8).default([]) }),
    OpenResult,
    'Open an interactive shell (pty) on a host; unknown host keys come back as a question',
  ),
  'terminals.input': method(
    z.object({
      /** Several ids = broadcast: the same keystrokes to every listed session. */
      ids: z.array(SessionId).min(1).max(100),
      data: z.string().min(1).max(1_048_576),
      /** xterm's onBinary: one byte per character (some mouse reports). */
      binary: z.boolean().default(false),
    }),
    z.object({ sent: z.number().int() }),
    'Send keystrokes or pasted text to one or several sessions',
  ),
  'terminals.resize': method(z.object({ id: SessionId, cols: Cols, rows: Rows }), Ok, 'Tell the remote pty the new window size'),
  'terminals.ack': method(
    z.object({ id: SessionId, seq: z.number().int().min(0) }),
    Ok,
    'Acknowledge output up to and including event `seq` (processed by the terminal)',
  ),
  'terminals.close': method(z.object({ id: SessionId }), Ok, 'Hang up a session'),
  'terminals.list': method(Empty, z.array(TerminalSession), 'Sessions running in this OpsDeck'),
  'terminals.attach': method(
    z.object({ id: SessionId }),
    /** tail: the most recent output (up to 64 KiB), raw bytes in base64 like terminal.data. */
    z.object({ session: TerminalSession, tail: z.string() }),
    'Take over a running session after a reload: recent output, and a fresh flow-control window',
  ),
  'terminals.prefs.get': method(Empty, TerminalPrefs, 'Terminal preferences'),
  'terminals.prefs.update': method(TerminalPrefs.partial().strict(), TerminalPrefs, 'Change terminal preferences'),
  'terminals.hostPrefs.list': method(Empty, z.array(HostTerminalPrefs), 'Hosts whose sessions are recorded'),
  'terminals.hostPrefs.set': method(z.object({ host: Name, record: z.boolean() }), Ok, "Record (or stop recording) a host's sessions"),
  'terminals.snippets.list': method(Empty, z.array(Snippet), 'Saved commands'),
  'terminals.snippets.add': method(z.object({ name: SnippetName, command: SnippetCommand }), Snippet, 'Save a command'),
  'terminals.snippets.update': method(
    z.object({ id: z.string().min(1).max(64), name: SnippetName.optional(), command: SnippetCommand.optional() }),
    Snippet,
    'Change a saved command',
  ),
  'terminals.snippets.remove': method(z.object({ id: z.string().min(1).max(64) }), Ok, 'Delete a saved command'),
  'terminals.recordings.list': method(
    z.object({ host: Name.optional(), limit: z.number().int().min(1).max(1000).default(200) }),
    z.array(RecordingSummary),
    'Recorded sessions, newest first',
  ),
  'terminals.recordings.read': method(
    z.object({ id: z.string().min(1).max(64), page: z.number().int().min(0).default(0) }),
    RecordingPage,
    'One page of a recording (asciicast v2), for replay or export',
  ),
  'terminals.recordings.remove': method(z.object({ id: z.string().min(1).max(64) }), Ok, 'Delete a recording'),
} as const;
