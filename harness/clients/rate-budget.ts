import type { ServiceName } from '../targets/target';
import { TokenBucket, realLimiterClock, takeAll, type LimiterClock } from './token-bucket';

/**
 * One request-rate quota of a service, as a weather profile states it
 * (emulator/weather/profiles/aws.json; research-i14-15.md §1): Cognito's
 * per-category quotas, STS's shared 600/s, IAM's estimated buckets.
 * `operations` are names or prefixes ending in `*` (`Get*`). `perPool`, on
 * Cognito user-pool quotas, caps each operation per user pool as well
 * (CG-Quotas footnote 3: "an individual operation in this category … at a
 * rate higher than 5 RPS for a single user pool").
 */
export interface RateQuota {
  id: string;
  service: string;
  operations: readonly string[];
  ratePerSecond: number;
  burst: number;
  perPool?: number;
}

/** The call a token is taken for: its service, operation and input (for the user pool a per-pool quota counts by). */
export interface BudgetedCall {
  service: string;
  operation: string;
  input?: unknown;
}

/** One bucket a call draws on: the quota it belongs to, and the rate and burst of this bucket. */
interface Draw {
  quota: RateQuota;
  key: string;
  ratePerSecond: number;
  burst: number;
}

function matches(pattern: string, operation: string): boolean {
  return pattern.endsWith('*') ? operation.startsWith(pattern.slice(0, -1)) : pattern === operation;
}

function poolOf(input: unknown): string | undefined {
  const id = (input as { UserPoolId?: unknown } | undefined)?.UserPoolId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The harness's own request rate, kept under each quota a call counts
 * against (research §5: a client-side limiter per quota rather than the SDK's
 * adaptive mode, whose one bucket per client would slow unrelated Cognito
 * categories). A call waits for a token of every bucket it draws on before it
 * is sent; each retry of a call waits again.
 */
export class RateBudget {
  private readonly matching = new Map<string, RateQuota[]>();
  private readonly buckets = new Map<string, TokenBucket>();
  /** Calls let through per quota id. */
  readonly granted = new Map<string, number>();

  constructor(
    readonly quotas: readonly RateQuota[],
    private readonly clock: LimiterClock = realLimiterClock,
  ) {}

  /** The quotas a call's operation counts against. */
  quotasFor(service: string, operation: string): RateQuota[] {
    const key = `${service}:${operation}`;
    let found = this.matching.get(key);
    if (!found) this.matching.set(key, (found = this.quotas.filter((q) => q.service === service && q.operations.some((p) => matches(p, operation)))));
    return found;
  }

  private draws(call: BudgetedCall): Draw[] {
    const pool = poolOf(call.input);
    return this.quotasFor(call.service, call.operation).flatMap((quota) => [
      { quota, key: quota.id, ratePerSecond: quota.ratePerSecond, burst: quota.burst },
      // As the service counts it: each operation of the quota per user pool, with a burst of one second's worth.
      ...(quota.perPool !== undefined && pool !== undefined ? [{ quota, key: `${quota.id}|${call.operation}|${pool}`, ratePerSecond: quota.perPool, burst: Math.max(1, Math.floor(quota.perPool)) }] : []),
    ]);
  }

  /** Take a token of every bucket the call draws on; resolves with the milliseconds waited. */
  async take(call: BudgetedCall, signal?: AbortSignal): Promise<number> {
    const draws = this.draws(call);
    if (draws.length === 0) return 0;
    const buckets = draws.map((d) => {
      let bucket = this.buckets.get(d.key);
      if (!bucket) this.buckets.set(d.key, (bucket = new TokenBucket(d.ratePerSecond, d.burst, this.clock)));
      return bucket;
    });
    const waited = await takeAll(buckets, this.clock, signal);
    for (const quota of new Set(draws.map((d) => d.quota))) this.granted.set(quota.id, (this.granted.get(quota.id) ?? 0) + 1);
    return waited;
  }
}

/**
 * How far under each quota the harness keeps its own limiter: none. The
 * limiter spends each quota's documented rate and burst, no more, so calls
 * are never sent faster than AWS allows; the few that still meet a
 * `Throttling` / `TooManyRequestsException` are those that arrive a little
 * closer together than they were sent (a busy event loop, a network's
 * jitter), and the SDK retries them. Measured on the whole contract under
 * `--weather aws --seed 7` (1,357–1,365 requests): 7 and 19 throttled, on a
 * quiet and a loaded machine — rare, and felt. With a tenth and 2 ms of
 * headroom none was throttled at all on a quiet machine, which would leave the
 * SDK's throttle retries untried by the rehearsal.
 */
export const LIMITER_HEADROOM = { share: 1, gapMs: 0, burst: 0 } as const;

/** The quotas the harness's limiters keep: each profile quota with {@link LIMITER_HEADROOM} taken off. */
export function limiterQuotas(quotas: readonly RateQuota[], headroom: { readonly share: number; readonly gapMs: number; readonly burst: number } = LIMITER_HEADROOM): RateQuota[] {
  const rate = (perSecond: number) => 1000 / (1000 / (perSecond * headroom.share) + headroom.gapMs);
  return quotas.map((q) => ({
    ...q,
    ratePerSecond: rate(q.ratePerSecond),
    burst: Math.max(1, q.burst - headroom.burst),
    ...(q.perPool !== undefined ? { perPool: rate(q.perPool) } : {}),
  }));
}
