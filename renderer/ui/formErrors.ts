/**
 * One shape for form errors whichever side found them: the contract's zod schemas run in the form
 * first (instant feedback), and the core's ApiFailure (duplicates, unknown references, cycles)
 * lands on the same fields when it can name one.
 */
import type { z } from 'zod';
import { ApiFailure } from '../platform/api';

/** Field name -> first message for it. '' holds errors that belong to no field. */
export type FieldErrors = Partial<Record<string, string>>;

export interface SafeParse<T> {
  success: boolean;
  data?: T;
  error?: z.ZodError;
}

/** Collapse zod issues onto the form's top-level fields (tags[3] is reported on "tags"). */
export function fieldErrorsFromZod(error: z.ZodError, fields: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.find((p): p is string => typeof p === 'string' && fields.includes(p)) ?? '';
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * Map a failed call onto the form. The core names the field with the contract's key, sometimes
 * nested ("patch.port" for hosts.update), so the first segment that is one of the form's fields wins.
 */
export function fieldErrorsFromFailure(e: unknown, fields: readonly string[]): FieldErrors {
  if (e instanceof ApiFailure && e.field) {
    const key = e.field.split(/[.[\]]/).find((p) => fields.includes(p));
    if (key) return { [key]: e.message };
  }
  return { '': messageOf(e) };
}

export function messageOf(e: unknown): string {
  if (e instanceof ApiFailure) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}
