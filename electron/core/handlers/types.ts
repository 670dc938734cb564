import type { z } from 'zod';
import type { MethodSpec } from '../../../shared/contract/method';

/** The handlers of one contract area: one function per method, typed from the schemas. */
export type SectionHandlers<C extends Record<string, MethodSpec>> = {
  [M in keyof C]: (input: z.output<C[M]['input']>) => z.output<C[M]['output']> | Promise<z.output<C[M]['output']>>;
};
