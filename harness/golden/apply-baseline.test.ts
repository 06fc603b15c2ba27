import type { CaseResult } from '../runner/result';
import { applyBaseline, judgeCase, type BaselineOptions } from './apply-baseline';
import type { GoldenFile } from './schema';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/idchain-ab12cd34-reports';

function caseResult(): CaseResult {
  return {
    id: 'assume-role/who-am-i',
    suite: 'assume-role',
    title: 'who am I',
    verdict: 'pass',
    durationMs: 5,
    citations: [],
    findings: [],
    fixtureNames: [{ logical: 'role:reports', value: ROLE_ARN }],
    steps: [
      {
        service: 'sts',
        operation: 'GetCallerIdentity',
        input: {},
        output: { Account: '123456789012', UserId: 'AROARK7LBOHXASFTNOIZG:s' },
        httpStatus: 200,
        sentAt: 0,
        durationMs: 1,
      },
      { service: 'sts', operation: 'AssumeRole', input: { RoleArn: ROLE_ARN }, error: { name: 'AccessDenied', message: 'denied in us-east-1' }, httpStatus: 403, sentAt: 1, durationMs: 1 },
    ],
  };
}

/** The golden of the case above, as normalization writes it (DESIGN.md § The golden file). */
function golden(userId = '<role-id:1>:s'): GoldenFile {
  return {
    case: { id: 'assume-role/who-am-i', suite: 'assume-role', title: 'who am I' },
    provenance: { target: 'reference', targetKind: 'emulator', region: 'us-east-1', recordedAt: '2026-12-01', lastValidatedAt: '2026-12-01', harnessVersion: '0.1.0', sdkVersions: {} },
    steps: [
      { service: 'sts', operation: 'GetCallerIdentity', input: {}, output: { Account: '<account>', UserId: userId }, httpStatus: 200 },
      { service: 'sts', operation: 'AssumeRole', input: { RoleArn: '<role:reports>' }, error: { name: 'AccessDenied', message: 'denied in <region>' }, httpStatus: 403 },
    ],
  };
}

const options = (g: GoldenFile): BaselineOptions => ({ baseline: 'reference', goldens: new Map([['assume-role/who-am-i', g]]), deviations: [], maxAgeDays: 30, today: new Date('2026-12-02T12:00:00Z') });

describe('judgeCase', () => {
  it('passes a case whose normalized steps are its golden', () => {
    const judged = judgeCase(caseResult(), 'us-east-1', options(golden()));
    expect([judged.result.verdict, judged.result.findings, judged.missing, judged.stale]).toEqual(['pass', [], false, undefined]);
  });

  it('applyBaseline takes the judgements the run already made instead of judging again', () => {
    const c = caseResult();
    const o = options(golden());
    const made = judgeCase(c, 'us-east-1', o);
    const asked: CaseResult[] = [];
    const run = applyBaseline({ target: 'reference', provenance: { target: 'reference', targetKind: 'emulator', region: 'us-east-1', harnessVersion: '0.1.0', sdkVersions: {}, node: 'v20' }, startedAt: '', durationMs: 1, cases: [c], leftovers: [] }, o, (x) => (asked.push(x), made));
    expect(asked).toEqual([c]);
    expect(run.cases[0]).toBe(made.result);
  });

  it('judges with the options and Region it is given', () => {
    const c = caseResult();
    expect(judgeCase(c, 'us-east-1', options(golden())).result.verdict).toBe('pass');
    expect(judgeCase(c, 'us-east-1', options(golden('<role-id:2>:s'))).result.findings).toEqual([
      { path: 'GetCallerIdentity#1.output.UserId', kind: 'golden', expected: '<role-id:2>:s', actual: '<role-id:1>:s' },
    ]);
    const o = options(golden());
    expect(judgeCase(c, 'us-east-1', o).result.verdict).toBe('pass');
    // In eu-west-1 the message's us-east-1 is not the run's Region, so it stays as it is.
    expect(judgeCase(c, 'eu-west-1', o).result.findings).toEqual([{ path: 'AssumeRole#2.error.message', kind: 'golden', expected: 'denied in <region>', actual: 'denied in us-east-1' }]);
  });
});
