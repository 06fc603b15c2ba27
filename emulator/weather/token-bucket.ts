/**
 * A token bucket, the algorithm IAM and STS throttle with ("a bucket of
 * virtual tokens is refilled every second … The number of tokens that a bucket
 * holds and the refill rate depends on the API" [doc: AWS Security Blog "How to
 * monitor and query IAM resources at scale – Part 2"]). It starts full; a
 * request takes one token or is refused without taking any.
 */
export class TokenBucket {
  private tokens: number;
  private last: number | undefined;

  /**
   * @param capacity the burst: tokens held at most.
   * @param refillPerMs tokens added per millisecond (the rate per second / 1000).
   */
  constructor(
    readonly capacity: number,
    readonly refillPerMs: number,
  ) {
    this.tokens = capacity;
  }

  private refill(nowMs: number): void {
    // A clock that steps back (a test setting it) refills nothing rather than draining.
    if (this.last !== undefined) this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, nowMs - this.last) * this.refillPerMs);
    this.last = nowMs;
  }

  /** Whether a token is there now, without taking it. */
  has(nowMs: number): boolean {
    this.refill(nowMs);
    return this.tokens >= 1;
  }

  /** Take a token; call only after `has` said yes at the same instant. */
  take(nowMs: number): void {
    this.refill(nowMs);
    this.tokens -= 1;
  }
}
