/** Locks the vault after a period without any request, so a laptop left open does not stay open. */
export class IdleTimer {
  private last = Date.now();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly minutes: () => number | null,
    private readonly onIdle: () => void,
    checkEveryMs = 5_000,
  ) {
    this.timer = setInterval(() => this.check(), checkEveryMs);
    this.timer.unref();
  }

  touch(): void {
    this.last = Date.now();
  }

  check(at = Date.now()): void {
    const m = this.minutes();
    if (m && m > 0 && at - this.last >= m * 60_000) this.onIdle();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
