import { compareSteps } from './compare';
import type { NormalizedStep } from './normalize';

const s = (operation: string, extra: Partial<NormalizedStep> = {}): NormalizedStep => ({ service: 'cognito-identity', operation, input: {}, ...extra });

describe('compareSteps', () => {
  it('finds nothing when the steps are the same', () => {
    expect(compareSteps([s('GetId', { output: { IdentityId: '<identity-id:1>' } })], [s('GetId', { output: { IdentityId: '<identity-id:1>' } })])).toEqual([]);
  });

  it('names the step and field that differ, with both values', () => {
    const findings = compareSteps(
      [s('GetId'), s('GetCredentialsForIdentity', { facts: { credentialLifetimeSeconds: 3600 } })],
      [s('GetId'), s('GetCredentialsForIdentity', { facts: { credentialLifetimeSeconds: 7200 } })],
    );
    expect(findings).toEqual([{ path: 'GetCredentialsForIdentity#2.facts.credentialLifetimeSeconds', kind: 'golden', expected: 3600, actual: 7200 }]);
  });

  it('reports a field the target added or dropped, and an error where the baseline succeeded', () => {
    const findings = compareSteps(
      [s('GetId', { output: { IdentityId: 'x' } })],
      [s('GetId', { error: { name: 'NotAuthorizedException', message: 'm' }, output: undefined })],
    );
    expect(findings).toEqual([
      { path: 'GetId#1.error', kind: 'golden', expected: 'absent', actual: { name: 'NotAuthorizedException', message: 'm' } },
      { path: 'GetId#1.output', kind: 'golden', expected: { IdentityId: 'x' }, actual: 'absent' },
    ]);
  });

  it('reports missing and extra steps, and a different operation at the same place', () => {
    expect(compareSteps([s('GetId'), s('GetOpenIdToken')], [s('GetId')])).toEqual([
      { path: 'GetOpenIdToken#2', kind: 'golden', expected: 'cognito-identity:GetOpenIdToken', actual: 'no such step' },
    ]);
    expect(compareSteps([s('GetId')], [s('GetCredentialsForIdentity')])[0]).toMatchObject({ expected: 'cognito-identity:GetId', actual: 'cognito-identity:GetCredentialsForIdentity' });
  });

  it('compares arrays element by element, so order changes show', () => {
    expect(compareSteps([s('X', { output: { g: ['a', 'b'] } })], [s('X', { output: { g: ['b', 'a'] } })]).map((f) => f.path)).toEqual(['X#1.output.g[0]', 'X#1.output.g[1]']);
  });

  it('aligns on the operation sequence: one extra step is one finding, and the steps after it still compare with theirs', () => {
    const baseline = [s('GetId'), s('GetOpenIdToken', { output: { Token: '<jwt:1>' } }), s('AssumeRoleWithWebIdentity')];
    const run = [s('GetId'), s('GetId'), s('GetOpenIdToken', { output: { Token: '<jwt:2>' } }), s('AssumeRoleWithWebIdentity')];
    expect(compareSteps(baseline, run)).toEqual([
      { path: 'GetId#2', kind: 'golden', expected: 'no such step', actual: 'cognito-identity:GetId' },
      { path: 'GetOpenIdToken#2.output.Token', kind: 'golden', expected: '<jwt:1>', actual: '<jwt:2>' },
    ]);
  });

  it('a step missing in the middle is one finding, numbered as in the baseline', () => {
    expect(compareSteps([s('GetId'), s('GetOpenIdToken'), s('GetCredentialsForIdentity')], [s('GetId'), s('GetCredentialsForIdentity')])).toEqual([
      { path: 'GetOpenIdToken#2', kind: 'golden', expected: 'cognito-identity:GetOpenIdToken', actual: 'no such step' },
    ]);
  });

  it("leaves out the paths a case skips, and what is under them, and nothing else", () => {
    const findings = compareSteps(
      [s('X', { output: { groups: ['a', 'b'], other: 1 } })],
      [s('X', { output: { groups: ['b', 'a'], other: 2 } })],
      [{ path: 'X#*.output.groups', reason: 'AWS documents no order for the groups' }],
    );
    expect(findings.map((f) => f.path)).toEqual(['X#1.output.other']);
  });

  it('reports a key only one side has, even one named like a member every object inherits', () => {
    const findings = compareSteps([s('X', { output: { constructor: 'a', same: 1 } })], [s('X', { output: { toString: 'b', same: 1 } })]);
    expect(findings.map((f) => f.path)).toEqual(['X#1.output.constructor', 'X#1.output.toString']);
  });

  it('a step replaced by another operation in a longer run is one changed step, the rest still paired', () => {
    expect(compareSteps([s('A'), s('B'), s('C', { output: 1 })], [s('A'), s('D'), s('C', { output: 2 }), s('E')])).toEqual([
      { path: 'B#2', kind: 'golden', expected: 'cognito-identity:B', actual: 'cognito-identity:D' },
      { path: 'C#3.output', kind: 'golden', expected: 1, actual: 2 },
      { path: 'E#4', kind: 'golden', expected: 'no such step', actual: 'cognito-identity:E' },
    ]);
  });
});
