import { LIMITER_HEADROOM, RateBudget, limiterQuotas, type RateQuota } from './rate-budget';
import { TokenBucket, type LimiterClock } from './token-bucket';

/** Virtual time: sleeping callers wake only when the test moves the clock to them. No wall time is involved. */
class VirtualClock implements LimiterClock {
  t = 0;
  private timers: { at: number; wake: () => void }[] = [];
  now() {
    return this.t;
  }
  sleep(ms: number) {
    return new Promise<void>((wake) => this.timers.push({ at: this.t + ms, wake }));
  }
  /** Wake every sleeper in time order until none is left, letting each one's continuation run. */
  async runAll() {
    for (;;) {
      await new Promise((r) => setImmediate(r));
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers.shift();
      if (!next) return;
      this.t = Math.max(this.t, next.at);
      next.wake();
    }
  }
}

/** The most grants in any window of `windowMs` (each window starting at a grant). */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j] < sorted[i] - windowMs + 1e-9) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

// IAM's write bucket as the research estimates it (research-i14-15.md §1c: estimate, refill 10/s, capacity 20).
const IAM_WRITES: RateQuota = { id: 'iam:write', service: 'iam', operations: ['Create*', 'Put*'], ratePerSecond: 10, burst: 20 };
// CG-Quotas: UserPoolResourceUpdate 15 RPS per account, and 5 RPS per user pool for each operation in it.
const GROUPS: RateQuota = { id: 'cognito-idp:UserPoolResourceUpdate', service: 'cognito-idp', operations: ['CreateGroup', 'DeleteGroup'], ratePerSecond: 15, burst: 15, perPool: 5 };

describe('TokenBucket', () => {
  it('lets the burst through at once, then one call per 1/rate seconds, never more than burst + rate × T in a window of T', async () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket(10, 20, clock);
    const granted: number[] = [];
    const all = Promise.all(Array.from({ length: 120 }, () => bucket.take().then(() => granted.push(clock.now()))));
    await clock.runAll();
    await all;
    expect(granted.filter((t) => t === 0)).toHaveLength(20);
    // 100 calls past the burst at 10/s: the last goes at 10 s.
    expect(Math.max(...granted)).toBeCloseTo(10_000, 6);
    expect(busiestWindow(granted, 1000)).toBeLessThanOrEqual(20 + 10);
    // Past the first window the bucket is empty: 10 per second, and never 11.
    expect(busiestWindow(granted.filter((t) => t >= 1000), 1000)).toBe(10);
  });

  it("refills while idle, up to the burst only", async () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket(5, 5, clock);
    for (let i = 0; i < 5; i++) {
      expect(bucket.waitMs()).toBe(0);
      bucket.takeNow();
    }
    expect(bucket.waitMs()).toBeCloseTo(200, 6);
    expect(() => bucket.takeNow()).toThrow(/no token is there/);
    clock.t = 60_000; // a minute idle refills 5 tokens, not 300
    for (let i = 0; i < 5; i++) bucket.takeNow();
    expect(bucket.waitMs()).toBeGreaterThan(0);
  });

  it('refuses a rate or burst that would let nothing through', () => {
    expect(() => new TokenBucket(0, 5)).toThrow(/rate above 0 and a burst of at least 1; got rate 0\/s, burst 5/);
    expect(() => new TokenBucket(5, 0)).toThrow(/burst of at least 1/);
  });
});

describe('RateBudget', () => {
  it('keeps every quota a call counts against: the account-wide category and each pool’s own 5/s', async () => {
    const clock = new VirtualClock();
    const budget = new RateBudget([IAM_WRITES, GROUPS], clock);
    const sent: { pool: string; at: number }[] = [];
    const pools = ['us-east-1_a', 'us-east-1_b', 'us-east-1_c', 'us-east-1_d'];
    const calls = pools.flatMap((pool) =>
      Array.from({ length: 30 }, () => budget.take({ service: 'cognito-idp', operation: 'CreateGroup', input: { UserPoolId: pool } }).then(() => sent.push({ pool, at: clock.now() }))),
    );
    const all = Promise.all(calls);
    await clock.runAll();
    await all;
    const times = sent.map((s) => s.at);
    // Account-wide: 15 at once, then 15/s.
    expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(15 + 15);
    expect(busiestWindow(times.filter((t) => t >= 1000), 1000)).toBeLessThanOrEqual(15);
    for (const pool of pools) {
      const own = sent.filter((s) => s.pool === pool).map((s) => s.at);
      expect(own).toHaveLength(30);
      // A pool held back by the account-wide quota refills meanwhile: its bound is burst + rate × 1 s.
      expect(busiestWindow(own, 1000)).toBeLessThanOrEqual(5 + 5);
      expect(busiestWindow(own, 3000)).toBeLessThanOrEqual(5 + 15);
    }
    expect(budget.granted.get('cognito-idp:UserPoolResourceUpdate')).toBe(120);
    expect([...budget.granted.keys()]).toEqual(['cognito-idp:UserPoolResourceUpdate']);
  });

  it('lets calls no quota names through at once, and counts nothing for them', async () => {
    const budget = new RateBudget([IAM_WRITES], new VirtualClock());
    expect(await budget.take({ service: 'sts', operation: 'GetCallerIdentity' })).toBe(0);
    expect(await budget.take({ service: 'iam', operation: 'GetRole' })).toBe(0);
    expect([...budget.granted.keys()]).toEqual([]);
  });

  it('matches operations by name or by a prefix ending in *', () => {
    const budget = new RateBudget([IAM_WRITES, GROUPS]);
    expect(budget.quotasFor('iam', 'CreateRole').map((q) => q.id)).toEqual(['iam:write']);
    expect(budget.quotasFor('iam', 'PutRolePolicy').map((q) => q.id)).toEqual(['iam:write']);
    expect(budget.quotasFor('iam', 'GetRole')).toEqual([]);
    expect(budget.quotasFor('cognito-idp', 'CreateGroupX')).toEqual([]);
    expect(budget.quotasFor('sts', 'CreateRole')).toEqual([]);
  });
});

describe('limiterQuotas: the harness spends each quota, never more', () => {
  it('the default limiter is each quota itself: its rate and its burst', () => {
    expect(LIMITER_HEADROOM).toEqual({ share: 1, gapMs: 0, burst: 0 });
    const [iam, groups] = limiterQuotas([IAM_WRITES, GROUPS]);
    expect(iam.ratePerSecond).toBeCloseTo(10, 9);
    expect(iam.burst).toBe(20);
    expect(groups.perPool).toBeCloseTo(5, 9);
  });

  it('a headroom takes a share off the rate, a gap between calls and calls off the burst, never below one', () => {
    const [iam, groups] = limiterQuotas([IAM_WRITES, GROUPS], { share: 0.9, gapMs: 2, burst: 1 });
    // 10/s → 9/s → a call every 111.1 + 2 ms.
    expect(iam.ratePerSecond).toBeCloseTo(1000 / (1000 / 9 + 2), 9);
    expect(iam.burst).toBe(19);
    expect(groups.perPool).toBeCloseTo(1000 / (1000 / 4.5 + 2), 9);
    expect(limiterQuotas([{ ...IAM_WRITES, burst: 1 }], { share: 0.9, gapMs: 2, burst: 1 })[0].burst).toBe(1);
  });
});
