/**
 * Rate limit per account: a token bucket refilled at `perMinute` tokens a minute, holding at most `burst`. The
 * clock is injected, so tests drive time instead of sleeping.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly burst: number;

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number,
    burst?: number,
  ) {
    // A few seconds' worth at most: a mailing spreads out instead of firing a minute's quota at once.
    this.burst = Math.max(1, burst ?? Math.ceil(perMinute / 12));
    this.tokens = this.burst;
    this.last = clock();
  }

  private refill(): void {
    const now = this.clock();
    const gained = ((now - this.last) / 60_000) * this.perMinute;
    this.tokens = Math.min(this.burst, this.tokens + gained);
    this.last = now;
  }

  /** Takes a token if one is there (0), else how many ms until one is (nothing taken). */
  tryTake(): number {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.perMinute) * 60_000);
  }
}
