/** Exit codes are part of the CLI's contract (documented in the README and --help). */
export const EXIT = { ok: 0, error: 1, usage: 2, locked: 3, notFound: 4, checkFailed: 5 } as const;
export const EXIT_CHECK_FAILED = EXIT.checkFailed;
