/**
 * POSIX shell quoting for values that end up in a remote command line. SSH has no argv: sshd hands
 * the whole string to the user's login shell, so every interpolated value must be one shell word
 * whatever it contains. Single quotes are the only quoting where nothing is special, so a value is
 * wrapped in '...' and each embedded ' becomes '"'"' (close, double-quoted quote, reopen).
 */

/** Characters that never need quoting in any POSIX shell (the same set as Python's shlex.quote). */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export class QuoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuoteError';
  }
}

/** Quote one value as a single shell word. NUL cannot be passed through argv at all, so it is refused. */
export function shQuote(value: string): string {
  if (value.includes('\0')) throw new QuoteError('A value contains a NUL byte, which no shell argument can carry');
  if (value === '') return "''";
  if (SAFE.test(value)) return value;
  return `'${value.replace(/'/g, `'"'"'`)}'`;
}

/** Quote and join several values: the result is exactly that many words to the shell. */
export function shJoin(values: readonly string[]): string {
  return values.map(shQuote).join(' ');
}
