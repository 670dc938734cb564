/**
 * Every stream the core pushes to clients. Payloads are schema-checked like requests so a door can
 * never forward something the renderer does not expect.
 */
import { z } from 'zod';
import { DeepCheckProgress } from './model/scan';

export const events = {
  /** The vault locked itself (idle timeout) or was locked by another client. */
  'vault.locked': z.object({ reason: z.enum(['idle', 'manual']) }),
  /** Inventory changed (another window, the CLI through the same host, an import): refetch. */
  'inventory.changed': z.object({ what: z.enum(['hosts', 'credentials', 'groups', 'settings', 'scans']) }),
  /** Live per-host progress of a deep check. */
  'check.progress': DeepCheckProgress.extend({ runId: z.string() }),
  /** An unknown host key needs a human: answer with hostkeys.answer. */
  'hostkey.confirm': z.object({
    requestId: z.string(),
    host: z.string(),
    port: z.number().int(),
    keyType: z.string(),
    fingerprint: z.string(),
  }),
  /**
   * A host-key question is settled (answered in some window, timed out, or its check was stopped):
   * every other window drops its dialog for it.
   */
  'hostkey.settled': z.object({ requestId: z.string(), outcome: z.enum(['accepted', 'rejected', 'expired']) }),
  /**
   * Terminal output, in order per session (seq counts from 1). `data` is the raw bytes in base64:
   * binary-safe, and cheap to parse (JSON-escaped terminal text parses ~50x slower in Chromium,
   * slower than xterm.js draws it); xterm.js takes the bytes as they are and decodes UTF-8 itself.
   * `bytes` is the raw size. Clients ack the seq once the terminal has processed it ('terminals.ack').
   */
  'terminal.data': z.object({
    id: z.string(),
    seq: z.number().int(),
    data: z.string(),
    bytes: z.number().int(),
    /**
     * Set on the event that follows an interrupt (Ctrl-C, Ctrl-\, Ctrl-Z) typed while the client was
     * behind: output produced before it and still waiting in the core was dropped (this many bytes),
     * as a tty drops its queue, and a client may drop what it still holds from before this event too.
     */
    skipped: z.number().int().optional(),
  }),
  /** A session ended: the shell exited, the user closed it, the connection dropped, or nobody read it. */
  'terminal.closed': z.object({
    id: z.string(),
    reason: z.enum(['exit', 'closed', 'dropped', 'abandoned']),
    exitCode: z.number().int().nullable(),
    signal: z.string().nullable(),
    message: z.string().nullable(),
  }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];
