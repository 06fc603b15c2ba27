import { effectiveQuotas, operationMatches, Throttle } from './throttle';
import { TokenBucket } from './token-bucket';
import type { WeatherQuota } from './profile';

const cite = { source: 'test', kind: 'est' as const };

describe('a token bucket', () => {
  test('starts full, refuses when empty without taking, refills at its rate up to its capacity', () => {
    const bucket = new TokenBucket(2, 1 / 1000); // 1 token per second
    expect(bucket.has(0)).toBe(true);
    bucket.take(0);
    bucket.take(0);
    expect(bucket.has(0)).toBe(false);
    expect(bucket.has(999)).toBe(false);
    expect(bucket.has(1000)).toBe(true);
    bucket.take(1000);
    expect(bucket.has(1000)).toBe(false);
    // Ten seconds idle refill only up to the capacity.
    expect(bucket.has(11_000)).toBe(true);
    bucket.take(11_000);
    bucket.take(11_000);
    expect(bucket.has(11_000)).toBe(false);
  });

  test('a clock that steps back refills nothing', () => {
    const bucket = new TokenBucket(1, 1);
    bucket.take(5000);
    expect(bucket.has(1000)).toBe(false);
  });
});

describe('quotas', () => {
  const quotas: WeatherQuota[] = [
    { id: 'iam:write', service: 'iam', operations: ['Create*', 'Delete*'], ratePerSecond: 10, burst: 2, ...cite },
    { id: 'groups', service: 'cognito-idp', operations: ['CreateGroup', 'DeleteGroup'], ratePerSecond: 15, burst: 3, perPool: 1, ...cite },
  ];

  test('patterns: exact names, prefixes ending in *, and *', () => {
    expect(operationMatches('CreateRole', 'CreateRole')).toBe(true);
    expect(operationMatches('CreateRole', 'CreateRoleX')).toBe(false);
    expect(operationMatches('Create*', 'CreateSAMLProvider')).toBe(true);
    expect(operationMatches('Create*', 'GetRole')).toBe(false);
    expect(operationMatches('*', 'GetRole')).toBe(true);
  });

  test('one bucket per quota, shared by its operations; other operations and services pass', () => {
    const throttle = new Throttle({ quotas }, 1);
    expect(throttle.admit('iam', 'CreateRole', {}, 0)).toBeUndefined();
    expect(throttle.admit('iam', 'DeleteRole', {}, 0)).toBeUndefined();
    expect(throttle.admit('iam', 'CreateRole', {}, 0)?.id).toBe('iam:write');
    expect(throttle.admit('iam', 'GetRole', {}, 0)).toBeUndefined();
    expect(throttle.admit('sts', 'CreateRole', {}, 0)).toBeUndefined();
    // 10 per second: one token back after 100 ms.
    expect(throttle.admit('iam', 'CreateRole', {}, 99)?.id).toBe('iam:write');
    expect(throttle.admit('iam', 'CreateRole', {}, 100)).toBeUndefined();
  });

  test('Cognito per-pool rate: per operation and pool, and a call the pool refuses takes nothing from the account bucket', () => {
    const throttle = new Throttle({ quotas }, 1);
    expect(throttle.admit('cognito-idp', 'CreateGroup', { UserPoolId: 'p1' }, 0)).toBeUndefined();
    // The same operation on the same pool: the 1-per-second pool bucket refuses.
    expect(throttle.admit('cognito-idp', 'CreateGroup', { UserPoolId: 'p1' }, 0)?.id).toBe('groups');
    // Another pool, and another operation on the same pool, have buckets of their own.
    expect(throttle.admit('cognito-idp', 'CreateGroup', { UserPoolId: 'p2' }, 0)).toBeUndefined();
    expect(throttle.admit('cognito-idp', 'DeleteGroup', { UserPoolId: 'p1' }, 0)).toBeUndefined();
    // Three calls admitted: the account bucket (burst 3) is now empty, the refused one took nothing.
    expect(throttle.admit('cognito-idp', 'CreateGroup', { UserPoolId: 'p3' }, 0)?.id).toBe('groups');
  });

  test('--weather-scale F divides every rate by F: the refill period shrinks with every other duration, the burst stays', () => {
    expect(effectiveQuotas({ quotas }, 0.1).map((q) => [q.ratePerSecond, q.burst, q.perPool])).toEqual([
      [100, 2, undefined],
      [150, 3, 10],
    ]);
    const throttle = new Throttle({ quotas }, 0.1);
    throttle.admit('iam', 'CreateRole', {}, 0);
    throttle.admit('iam', 'CreateRole', {}, 0);
    expect(throttle.admit('iam', 'CreateRole', {}, 9)?.id).toBe('iam:write');
    expect(throttle.admit('iam', 'CreateRole', {}, 10)).toBeUndefined();
  });
});
