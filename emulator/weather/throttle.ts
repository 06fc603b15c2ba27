import type { WeatherProfile, WeatherQuota, WeatherService } from './profile';
import { TokenBucket } from './token-bucket';

/** Whether an operation name matches a pattern: `CreateRole`, `Get*` or `*`. */
export function operationMatches(pattern: string, operation: string): boolean {
  return pattern.endsWith('*') ? operation.startsWith(pattern.slice(0, -1)) : pattern === operation;
}

/**
 * The quotas as they act under `--weather-scale F`. Every duration is
 * multiplied by F, so the requests a client can make per second grow by 1/F;
 * the refill rate grows by 1/F too (the refill period shrinks by F), so a
 * scaled run meets throttling as often, per call, as a run at scale 1. The
 * burst, a number of requests rather than a duration, stays. A harness sizing
 * its limiters for a scaled emulator uses these rates.
 */
export function effectiveQuotas(profile: Pick<WeatherProfile, 'quotas'>, scale: number): WeatherQuota[] {
  return profile.quotas.map((q) => ({ ...q, ratePerSecond: q.ratePerSecond / scale, ...(q.perPool !== undefined ? { perPool: q.perPool / scale } : {}) }));
}

/**
 * Token buckets for a profile's quotas: one per quota for the account and
 * Region, and for Cognito quotas with `perPool`, one per operation and user
 * pool ("Any individual operation in this category has a constraint that
 * prevents the operation from being called at a rate higher than 5 RPS for a
 * single user pool" [doc: CG "Quotas in Amazon Cognito", footnote 3]).
 */
export class Throttle {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly quotas: WeatherQuota[];

  constructor(profile: Pick<WeatherProfile, 'quotas'>, scale: number) {
    this.quotas = effectiveQuotas(profile, scale);
  }

  private bucket(key: string, capacity: number, ratePerSecond: number): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(capacity, ratePerSecond / 1000);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  /**
   * Admit one call, taking a token from every bucket it draws on, or answer
   * the quota that refuses it (and take nothing: a refused call costs nothing).
   */
  admit(service: WeatherService, operation: string, input: Record<string, unknown> | undefined, nowMs: number): WeatherQuota | undefined {
    const drawn: { bucket: TokenBucket; quota: WeatherQuota }[] = [];
    const poolId = typeof input?.UserPoolId === 'string' ? input.UserPoolId : undefined;
    for (const quota of this.quotas) {
      if (quota.service !== service || !quota.operations.some((p) => operationMatches(p, operation))) continue;
      drawn.push({ quota, bucket: this.bucket(quota.id, quota.burst, quota.ratePerSecond) });
      if (quota.perPool !== undefined && poolId !== undefined) {
        const perPool = quota.perPool;
        drawn.push({ quota, bucket: this.bucket(`${quota.id}\u0000${operation}\u0000${poolId}`, Math.max(1, perPool), perPool) });
      }
    }
    const refusing = drawn.find((d) => !d.bucket.has(nowMs));
    if (refusing) return refusing.quota;
    for (const d of drawn) d.bucket.take(nowMs);
    return undefined;
  }
}
