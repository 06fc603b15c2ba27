import type { ServiceName } from '../targets/target';
import { TokenBucket, realLimiterClock, takeAll, type LimiterClock } from './token-bucket';

/**
 * One request-rate quota of a service, as a weather profile states it
 * (research-i14-15.md §1): Cognito's per-category quotas with the operations
 * in each, STS's shared 600/s, IAM's estimated buckets. `perPool` quotas
 * apply to each user pool apart (CG-Quotas footnote 3: "an individual
 * operation in this category … at a rate higher than 5 RPS for a single user pool").
 */
export interface RateQuota {
  id: string;
  service: ServiceName | string;
  operations: readonly string[];
  ratePerSecond: number;
  burst: number;
  perPool?: boolean;
}

/** The call a token is taken for: its service, operation and input (for the user pool a per-pool quota counts by). */
export interface BudgetedCall {
  service: string;
  operation: string;
  input?: unknown;
}

function poolOf(input: unknown): string {
  const id = (input as { UserPoolId?: unknown } | undefined)?.UserPoolId;
  return typeof id === 'string' ? id : '';
}

/**
 * The harness's own request rate, kept under each quota a call counts
 * against (research §5: a client-side limiter per quota rather than the SDK's
 * adaptive mode, whose one bucket per client would slow unrelated Cognito
 * categories). A call waits for a token of every quota it falls under before
 * it is sent; each retry of a call waits again.
 */
export class RateBudget {
  private readonly byOperation = new Map<string, RateQuota[]>();
  private readonly buckets = new Map<string, TokenBucket>();
  /** Calls let through per quota (per quota and pool for per-pool quotas). */
  readonly granted = new Map<string, number>();

  constructor(
    readonly quotas: readonly RateQuota[],
    private readonly clock: LimiterClock = realLimiterClock,
  ) {
    for (const quota of quotas) {
      for (const operation of quota.operations) {
        const key = `${quota.service}:${operation}`;
        this.byOperation.set(key, [...(this.byOperation.get(key) ?? []), quota]);
      }
    }
  }

  /** The quotas a call counts against, each with the key of its bucket. */
  quotasOf(call: BudgetedCall): { quota: RateQuota; key: string }[] {
    return (this.byOperation.get(`${call.service}:${call.operation}`) ?? []).map((quota) => ({ quota, key: quota.perPool ? `${quota.id}@${poolOf(call.input)}` : quota.id }));
  }

  /** Take a token of every quota the call counts against; resolves with the milliseconds waited. */
  async take(call: BudgetedCall, signal?: AbortSignal): Promise<number> {
    const mine = this.quotasOf(call);
    if (mine.length === 0) return 0;
    const buckets = mine.map(({ quota, key }) => {
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(quota.ratePerSecond, quota.burst, this.clock)));
      return bucket;
    });
    const waited = await takeAll(buckets, this.clock, signal);
    for (const { key } of mine) this.granted.set(key, (this.granted.get(key) ?? 0) + 1);
    return waited;
  }
}
