import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();
export const now = (): string => new Date().toISOString();

/** SQLite's UNIQUE violation, so repositories can turn it into a DUPLICATE error with a field. */
export function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' || (e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
