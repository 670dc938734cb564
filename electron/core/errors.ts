/** Turning anything thrown inside the core into the contract's ApiError, without leaking internals. */
import type { z } from 'zod';
import { OpsError, type ApiError } from '../../shared/model';

function fieldOf(path: readonly PropertyKey[]): string | undefined {
  // hosts.update wraps its fields in `patch`; the form only knows the field names.
  const parts = path.filter((p) => p !== 'patch' && typeof p === 'string') as string[];
  return parts[0];
}

export function fromZod(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  if (!issue) return { code: 'VALIDATION', message: 'Invalid input.' };
  const field = fieldOf(issue.path);
  const label = field ? field.replace(/([A-Z])/g, ' $1').toLowerCase() : 'input';
  let message = issue.message;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message))
    message = `${label[0]?.toUpperCase()}${label.slice(1)} is required`;
  else if (issue.code === 'unrecognized_keys') message = `Unknown field(s): ${issue.keys.join(', ')}`;
  else if (issue.code === 'invalid_type') message = `${label[0]?.toUpperCase()}${label.slice(1)}: ${issue.message}`;
  return field ? { code: 'VALIDATION', message, field } : { code: 'VALIDATION', message };
}

export function toApiError(e: unknown, log: (msg: string) => void): ApiError {
  if (e instanceof OpsError) return e.toJSON();
  // Unexpected: log the details for the developer, give the user a generic but honest message.
  log(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return { code: 'INTERNAL', message: 'Something went wrong inside OpsDeck; the details are in the log. Nothing was changed.' };
}
