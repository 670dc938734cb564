/** Automatic reconnect back-off: 1 s, doubling, at most 30 s between attempts. */
export const MAX_RETRIES = 8;

export function retryDelayMs(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt - 1));
}
