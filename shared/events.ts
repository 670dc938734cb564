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
  'hostkey.confirm': z.object({ requestId: z.string(), host: z.string(), port: z.number().int(), keyType: z.string(), fingerprint: z.string() }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];
