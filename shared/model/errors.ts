/**
 * Errors cross every door as data, never as stack traces: a stable code a program can branch on,
 * a message a human can act on, and (for validation) the field it is about.
 */
import { z } from 'zod';

export const ErrorCode = z.enum([
  'VALIDATION', // input did not match the contract (field says which)
  'NOT_FOUND', // a named host, credential or group does not exist
  'DUPLICATE', // a unique name is already taken
  'VAULT_MISSING', // no vault at the configured path yet
  'VAULT_EXISTS', // create refused: a vault is already there
  'VAULT_LOCKED', // the call needs an unlocked vault
  'VAULT_BUSY', // another process has the vault open (a restore would pull it from under it)
  'WRONG_PASSPHRASE', // the passphrase does not unwrap the data key
  'KDF_TOO_WEAK', // the header's key-derivation parameters are below the floor
  'VAULT_CORRUPT', // header or database unreadable for another reason
  'KEY_FILE', // a private key file is unreadable or not a private key
  'UNKNOWN_METHOD', // a door was asked for a call the contract does not have
  'FORBIDDEN', // the caller is not allowed (sender check)
  'INTERNAL', // a bug: the message is generic, details go to the log
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  field: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** Thrown inside electron/core; turned into an ApiError by the dispatcher. */
export class OpsError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'OpsError';
  }

  toJSON(): ApiError {
    return this.field ? { code: this.code, message: this.message, field: this.field } : { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
