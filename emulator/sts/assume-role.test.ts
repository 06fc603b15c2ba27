// STS AssumeRole over emulator state: trust by AWS principal, duration bounds,
// role chaining, RoleSessionName, session policies and source identity.
// Expected values: STS-API AssumeRole, aws-contract.md §3, IAM-UG policy evaluation.
import type { MutantName } from '../mutants';
import { assumeRole } from './assume-role';
import { lifetimeSeconds, refusal, stsWorld } from './sts-test-support';

const ACCOUNT = '123456789012';

const trusting = (aws: string | string[], actions: string | string[] = 'sts:AssumeRole') => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: aws }, Action: actions }],
});
const allow = (actions: string | string[], resource = '*') => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] });

function setup(mutants: MutantName[] = []) {
  const w = stsWorld(mutants);
  // The service role a team's API backend runs as, which the admin user may assume.
  const backend = w.role('api-backend', trusting(w.admin.arn), { policies: [allow('iam:GetRole')] });
  // A role whose trust policy names the backend role as an AWS principal.
  const target = w.role('reports', trusting([w.admin.arn, backend.arn]), { maxSessionDuration: 43_200 });
  const hourly = w.role('hourly', trusting(w.admin.arn));
  const assume = (input: Record<string, unknown>, caller = w.admin) =>
    assumeRole({ RoleSessionName: 'session-1', ...input }, w.ctx(caller, 'AssumeRole')) as any;
  /** Credentials of the backend role, as the API backend holds them. */
  const backendSession = async () => w.principalOf(await assume({ RoleArn: backend.arn, RoleSessionName: 'backend' }));
  return { ...w, backend, target, hourly, assume, backendSession };
}

describe('AssumeRole: trust policies with AWS principals', () => {
  test('the admin user assumes a role that names it; AssumedRoleUser and the caller identity are assumed-role/<role>/<session>', async () => {
    const s = setup();
    const out = await s.assume({ RoleArn: s.target.arn });
    expect(out.AssumedRoleUser).toEqual({ AssumedRoleId: `${s.target.roleId}:session-1`, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/reports/session-1` });
    expect(out.Credentials.AccessKeyId).toMatch(/^ASIA/);
    expect(s.principalOf(out)).toMatchObject({ kind: 'assumed-role', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/reports/session-1`, userId: `${s.target.roleId}:session-1` });
    expect(out).not.toHaveProperty('PackedPolicySize');
    expect(out).not.toHaveProperty('SourceIdentity');
  });

  test('the backend role session assumes a role whose trust policy names the backend role', async () => {
    const s = setup();
    const backend = await s.backendSession();
    const out = await s.assume({ RoleArn: s.target.arn, RoleSessionName: 'from-backend' }, backend);
    expect(out.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/reports/from-backend`);
  });

  test('a role that does not trust the caller → AccessDenied naming caller, action and role', async () => {
    const s = setup();
    const backend = await s.backendSession();
    expect(await refusal(() => s.assume({ RoleArn: s.hourly.arn }, backend))).toEqual({
      code: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/api-backend/backend is not authorized to perform: sts:AssumeRole on resource: ${s.hourly.arn}`,
    });
  });

  test('an unknown role answers like an untrusting one', async () => {
    const s = setup();
    const arn = `arn:aws:iam::${ACCOUNT}:role/nope`;
    expect((await refusal(() => s.assume({ RoleArn: arn }))).message).toBe(`User: ${s.admin.arn} is not authorized to perform: sts:AssumeRole on resource: ${arn}`);
  });

  test('a trust policy naming only the account needs the caller\'s own permission to sts:AssumeRole', async () => {
    const s = setup();
    const byAccount = s.role('by-account', trusting(`arn:aws:iam::${ACCOUNT}:root`));
    const backend = await s.backendSession();
    expect((await refusal(() => s.assume({ RoleArn: byAccount.arn }, backend))).message).toBe(
      `User: ${backend.arn} is not authorized to perform: sts:AssumeRole on resource: ${byAccount.arn} because no identity-based policy allows the sts:AssumeRole action`,
    );
    const allowed = s.role('can-assume', trusting(s.admin.arn), { policies: [allow('sts:AssumeRole', byAccount.arn)] });
    const session = s.principalOf(await s.assume({ RoleArn: allowed.arn }));
    expect((await s.assume({ RoleArn: byAccount.arn }, session)).AssumedRoleUser.Arn).toContain('assumed-role/by-account/');
  });

  test('trust conditions see sts:RoleSessionName and policy variables (${aws:username})', async () => {
    const s = setup();
    const named = s.role('named', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole', Condition: { StringLike: { 'sts:RoleSessionName': '${aws:username}' } } }],
    });
    expect((await refusal(() => s.assume({ RoleArn: named.arn, RoleSessionName: 'someone-else' }))).code).toBe('AccessDenied');
    expect((await s.assume({ RoleArn: named.arn, RoleSessionName: 'idchain-admin' })).AssumedRoleUser.Arn).toContain('/named/idchain-admin');
  });

  test('SourceIdentity needs sts:SetSourceIdentity in the trust policy, and is answered', async () => {
    const s = setup();
    expect((await refusal(() => s.assume({ RoleArn: s.target.arn, SourceIdentity: 'alice' }))).message).toBe(
      `User: ${s.admin.arn} is not authorized to perform: sts:SetSourceIdentity on resource: ${s.target.arn}`,
    );
    const withSource = s.role('with-source', trusting(s.admin.arn, ['sts:AssumeRole', 'sts:SetSourceIdentity']));
    expect((await s.assume({ RoleArn: withSource.arn, SourceIdentity: 'alice' })).SourceIdentity).toBe('alice');
  });
});

describe('AssumeRole: DurationSeconds (aws-contract.md §3)', () => {
  test.each<[number | undefined, 'hourly' | 'target', number | string]>([
    [undefined, 'hourly', 3600],
    [900, 'hourly', 900],
    [3600, 'hourly', 3600],
    [3601, 'hourly', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'],
    [43_200, 'target', 43_200],
    [899, 'hourly', "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"],
    [43_201, 'target', "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200"],
  ])('DurationSeconds %s on %s → %s', async (duration, role, expected) => {
    const s = setup();
    const input = { RoleArn: s[role].arn, ...(duration === undefined ? {} : { DurationSeconds: String(duration) }) };
    if (typeof expected === 'string') {
      expect(await refusal(() => s.assume(input))).toEqual({ code: 'ValidationError', status: 400, message: expected });
      return;
    }
    expect(lifetimeSeconds(await s.assume(input), s.clock.now())).toBe(expected);
  });

  test('role chaining: a role session asking for more than 3600 s → the documented message, even on a 12-hour role', async () => {
    const s = setup();
    const backend = await s.backendSession();
    expect(await refusal(() => s.assume({ RoleArn: s.target.arn, DurationSeconds: '3601' }, backend))).toEqual({
      code: 'ValidationError',
      status: 400,
      message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    });
    expect(lifetimeSeconds(await s.assume({ RoleArn: s.target.arn, DurationSeconds: '3600' }, backend), s.clock.now())).toBe(3600);
    // The same request from a user is not chaining.
    expect(lifetimeSeconds(await s.assume({ RoleArn: s.target.arn, DurationSeconds: '3601' }), s.clock.now())).toBe(3601);
  });

  test('mutant chaining-cap-off: a role session gets 7200 s', async () => {
    const s = setup(['chaining-cap-off']);
    const backend = await s.backendSession();
    expect(lifetimeSeconds(await s.assume({ RoleArn: s.target.arn, DurationSeconds: '7200' }, backend), s.clock.now())).toBe(7200);
  });
});

describe('AssumeRole: request validation and session policies', () => {
  test.each([
    ['Session1:2', "Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*"],
    ['a', "Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"],
    ['x'.repeat(65), `Value '${'x'.repeat(65)}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64`],
  ])('RoleSessionName %s → ValidationError', async (name, violation) => {
    const s = setup();
    expect(await refusal(() => s.assume({ RoleArn: s.hourly.arn, RoleSessionName: name }))).toEqual({
      code: 'ValidationError',
      status: 400,
      message: `1 validation error detected: ${violation}`,
    });
  });

  test('RoleSessionName of 2 and of 64 characters is accepted', async () => {
    const s = setup();
    for (const name of ['ab', 'x'.repeat(64)]) expect((await s.assume({ RoleArn: s.hourly.arn, RoleSessionName: name })).AssumedRoleUser.Arn).toContain(`/${name}`);
  });

  test('a session policy is stored with the session and PackedPolicySize is answered', async () => {
    const s = setup();
    const policy = JSON.stringify(allow('iam:ListRoles'));
    const out = await s.assume({ RoleArn: s.hourly.arn, Policy: policy });
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    expect(s.principalOf(out)).toMatchObject({ sessionPolicy: { Statement: [{ Action: 'iam:ListRoles' }] } });
  });

  test('a malformed session policy → MalformedPolicyDocument', async () => {
    const s = setup();
    expect((await refusal(() => s.assume({ RoleArn: s.hourly.arn, Policy: '{nope' }))).code).toBe('MalformedPolicyDocument');
  });

  test('MFA cannot be validated by the emulator → AccessDenied', async () => {
    const s = setup();
    const out = await refusal(() => s.assume({ RoleArn: s.hourly.arn, SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/admin`, TokenCode: '123456' }));
    expect(out).toMatchObject({ code: 'AccessDenied', status: 403 });
  });
});
