/**
 * Every stream the core pushes to clients. Payloads are schema-checked like requests so a door can
 * never forward something the renderer does not expect.
 */
import { z } from 'zod';

export const events = {
  /** The vault locked itself (idle timeout) or was locked by another client. */
  'vault.locked': z.object({ reason: z.enum(['idle', 'manual']) }),
  /** Inventory changed (another window, the CLI through the same host, an import): refetch. */
  'inventory.changed': z.object({ what: z.enum(['hosts', 'credentials', 'groups', 'settings']) }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];
