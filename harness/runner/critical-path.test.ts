import type { WorkItem } from '../clients/timeline';
import type { Attempt, CallRecord } from '../clients/traffic';
import { avoidableMs, criticalPath, ownMs } from './critical-path';

const item = (id: string, kind: WorkItem['kind'], start: number, end: number, after: string[] = [], waitedMs?: number): WorkItem => ({ id, kind, start, end, after, waitedMs });
const ok = (start: number, end: number, waitedMs = 0): Attempt => ({ start, end, outcome: 'ok', waitedMs });
const call = (activity: string, service: string, operation: string, attempts: Attempt[], extra: Partial<CallRecord> = {}): CallRecord => ({
  activity,
  service,
  operation,
  start: attempts[0].start - attempts[0].waitedMs,
  end: attempts[attempts.length - 1].end,
  attempts,
  ...extra,
});

describe('avoidableMs: what a perfect harness would not have spent', () => {
  it('is the rate-budget waits, and each throttled attempt with the backoff after it; latency and transient retries stay', () => {
    const c = call('x', 'iam', 'CreateRole', [
      { start: 100, end: 150, outcome: 'throttled', waitedMs: 100 }, // sent after 100 ms in the budget, throttled after 50 ms
      { start: 450, end: 500, outcome: 'transient', waitedMs: 50 }, // backoff 250 ms, budget 50 ms
      ok(600, 700), // backoff 100 ms after a fault: the weather's
    ]);
    // 100 + 50 waited; throttled 100→400 (its 50 ms and the 250 ms backoff up to the next wait)
    expect(avoidableMs(c)).toBe(100 + 50 + 300);
    expect(c.end - c.start - avoidableMs(c)).toBe(700 - 0 - 450);
  });
});

describe('criticalPath', () => {
  it('follows the longest chain: a resource after what it names, the settle wait after the IAM change, a case after both, its teardown after it', () => {
    const items = [
      item('s/user-pool:main', 'resource', 0, 400),
      item('s/iam-role:admin', 'resource', 0, 1200), // waited 1000 ms in the IAM budget: its own time is 200
      item('s/settle', 'settle', 1200, 3000, ['s/iam-role:admin'], 5000), // the bound, 5 s after the change
      item('case:s/a', 'case', 6200, 6500, ['s/user-pool:main', 's/iam-role:admin', 's/settle']),
      item('case:s/b', 'case', 6200, 6300, ['s/user-pool:main', 's/iam-role:admin', 's/settle']),
      item('teardown:s/iam-role:admin', 'teardown', 6500, 6700, ['case:s/a', 'case:s/b']),
      item('never-ended', 'resource', 0, Number.NaN),
    ];
    const calls = [call('s/user-pool:main', 'cognito-idp', 'CreateUserPool', [ok(0, 400)]), call('s/iam-role:admin', 'iam', 'CreateRole', [ok(1000, 1200, 1000)])];
    const cp = criticalPath(items, calls, []);
    expect(cp.chain.map((l) => [l.id, l.ms])).toEqual([
      ['s/iam-role:admin', 200],
      ['s/settle', 5000],
      ['case:s/a', 300],
      ['teardown:s/iam-role:admin', 200],
    ]);
    expect(cp.chainMs).toBe(5700);
    expect(cp.ms).toBe(5700);
  });

  it('is the busiest quota’s calls beyond its burst over its rate when that is longer, per pool where the quota says so; throttled attempts do not count', () => {
    // CG-Quotas: UserPoolResourceUpdate 15 RPS, and 5 RPS per operation per user pool (footnote 3).
    const quota = { id: 'cognito-idp:UserPoolResourceUpdate', service: 'cognito-idp', operations: ['CreateGroup'], ratePerSecond: 15, burst: 15, perPool: 5 };
    const groups = Array.from({ length: 45 }, (_, i) => call(`s/group:g${i}`, 'cognito-idp', 'CreateGroup', [ok(i, i + 1)], { pool: 'us-east-1_one' }));
    const throttledToo = call('s/group:t', 'cognito-idp', 'CreateGroup', [{ start: 0, end: 1, outcome: 'throttled', waitedMs: 0 }, ok(2, 3)], { pool: 'us-east-1_one' });
    const items = [...groups, throttledToo].map((c) => item(c.activity!, 'resource', c.start, c.end));
    const cp = criticalPath(items, [...groups, throttledToo], [quota]);
    // 46 calls in one pool: (46 − 5) / 5 per second = 8.2 s, longer than the account-wide (46 − 15) / 15.
    expect(cp.rateMs).toBeCloseTo(8200, 6);
    expect(cp.busiestQuota).toEqual({ id: 'cognito-idp:UserPoolResourceUpdate (CreateGroup per pool)', calls: 46, ratePerSecond: 5, burst: 5 });
    expect(cp.ms).toBeCloseTo(8200, 6);
  });

  it('counts a settle wait as the bound it waited out, whatever else its span held', () => {
    expect(ownMs(item('s/settle', 'settle', 0, 10, [], 60_000), [])).toBe(60_000);
    expect(ownMs(item('case:x', 'case', 0, 1000), [call('case:x', 'sts', 'AssumeRole', [ok(500, 600, 500)])])).toBe(500);
  });
});
