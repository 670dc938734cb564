import { z } from 'zod';

/** One request of the contract: its input schema (parsed by the core), its output schema, a summary. */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string) {
  return { input, output, summary };
}

export type MethodSpec = ReturnType<typeof method>;

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });
