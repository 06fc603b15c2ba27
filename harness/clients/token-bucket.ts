/** Time as the limiter sees it, injected so tests count calls per window without waiting. */
export interface LimiterClock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Resolve after `ms`; rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realLimiterClock: LimiterClock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(done, ms);
      function done() {
        signal?.removeEventListener('abort', abort);
        resolve();
      }
      function abort() {
        clearTimeout(timer);
        reject(signal!.reason);
      }
      signal?.addEventListener('abort', abort, { once: true });
    }),
};

const EPSILON = 1e-9;

/**
 * A token bucket, the way IAM and STS describe their own throttling ("a
 * bucket of virtual tokens is refilled every second", AWS Security Blog, "How
 * to monitor and query IAM resources at scale – Part 2"): `burst` tokens at
 * most, refilled at `ratePerSecond`. A token is only ever taken when it is
 * there, so in any window of T seconds at most `burst + ratePerSecond × T`
 * calls go out.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
    private readonly clock: LimiterClock = realLimiterClock,
  ) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) {
      throw new Error(`A token bucket needs a rate above 0 and a burst of at least 1; got rate ${ratePerSecond}/s, burst ${burst}.`);
    }
    this.tokens = burst;
    this.last = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.ratePerSecond) / 1000);
    this.last = now;
  }

  /** Milliseconds until a token is there; 0 when one is there now. */
  waitMs(): number {
    this.refill();
    // Within a rounding error of a whole token counts as one: sleeping the exact wait must find it there.
    return this.tokens >= 1 - EPSILON ? 0 : ((1 - this.tokens) * 1000) / this.ratePerSecond;
  }

  /** Take the token {@link waitMs} said is there. */
  takeNow(): void {
    this.refill();
    if (this.tokens < 1 - EPSILON) throw new Error('TokenBucket.takeNow: no token is there; ask waitMs() first.');
    this.tokens -= 1;
  }

  /** Take a token, waiting for it if none is left; resolves with the milliseconds waited. */
  take(signal?: AbortSignal): Promise<number> {
    return takeAll([this], this.clock, signal);
  }
}

/**
 * Take one token of each bucket at the same instant, waiting until all of
 * them have one: a call under two quotas (a Cognito category and its per-pool
 * limit) goes only when both let it, and never holds a token it cannot use.
 */
export async function takeAll(buckets: readonly TokenBucket[], clock: LimiterClock, signal?: AbortSignal): Promise<number> {
  const started = clock.now();
  for (;;) {
    const wait = Math.max(0, ...buckets.map((b) => b.waitMs()));
    if (wait === 0) {
      for (const b of buckets) b.takeNow();
      return clock.now() - started;
    }
    await clock.sleep(wait, signal);
  }
}
