// GetFederationToken and GetSessionToken over emulator state: bounds,
// defaults, answer shapes, who may call them, and the caller identity of the
// credentials they return. Expected values: STS-API, aws-contract.md §3.
import type { Principal } from '../principal';
import { assumeRole } from './assume-role';
import { getFederationToken } from './federation-token';
import { getSessionToken } from './session-token';
import { lifetimeSeconds, refusal, stsWorld } from './sts-test-support';

const ACCOUNT = '123456789012';
const range = (member: string, v: number, bound: string) =>
  `1 validation error detected: Value '${v}' at '${member}' failed to satisfy constraint: Member must have value ${bound}`;

function setup() {
  const w = stsWorld();
  const federate = (input: Record<string, unknown>, caller: Principal = w.admin) => getFederationToken(input, w.ctx(caller)) as any;
  const sessionToken = (input: Record<string, unknown>, caller: Principal = w.admin) => getSessionToken(input, w.ctx(caller)) as any;
  const root: Principal = { kind: 'root', accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, userId: ACCOUNT };
  return { ...w, federate, sessionToken, root };
}

describe('GetFederationToken', () => {
  test('answers FederatedUser (Arn federated-user/<name>, Id <acct>:<name>), PackedPolicySize 0 without a policy, 12 h by default', async () => {
    const s = setup();
    const out = await s.federate({ Name: 'carol' });
    expect(out.FederatedUser).toEqual({ FederatedUserId: `${ACCOUNT}:carol`, Arn: `arn:aws:sts::${ACCOUNT}:federated-user/carol` });
    expect(out.PackedPolicySize).toBe(0);
    expect(lifetimeSeconds(out, s.clock.now())).toBe(43_200);
    expect(s.principalOf(out)).toMatchObject({ kind: 'federated-user', arn: `arn:aws:sts::${ACCOUNT}:federated-user/carol`, userId: `${ACCOUNT}:carol` });
  });

  test('with a policy, PackedPolicySize is a positive percentage', async () => {
    const s = setup();
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::productionapp' }] });
    expect((await s.federate({ Name: 'carol', Policy: policy })).PackedPolicySize).toBeGreaterThan(0);
  });

  test.each<[number, number | string]>([
    [899, range('durationSeconds', 899, 'greater than or equal to 900')],
    [900, 900],
    [129_600, 129_600],
    [129_601, range('durationSeconds', 129_601, 'less than or equal to 129600')],
  ])('DurationSeconds %s → %s', async (duration, expected) => {
    const s = setup();
    if (typeof expected === 'string') {
      expect(await refusal(() => s.federate({ Name: 'carol', DurationSeconds: String(duration) }))).toEqual({ code: 'ValidationError', status: 400, message: expected });
      return;
    }
    expect(lifetimeSeconds(await s.federate({ Name: 'carol', DurationSeconds: String(duration) }), s.clock.now())).toBe(expected);
  });

  test.each([
    ['c', "Value 'c' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 2"],
    ['c'.repeat(33), `Value '${'c'.repeat(33)}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 32`],
    ['carol smith', "Value 'carol smith' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*"],
  ])('Name %s → ValidationError', async (name, violation) => {
    const s = setup();
    expect((await refusal(() => s.federate({ Name: name }))).message).toBe(`1 validation error detected: ${violation}`);
  });

  test('Name of 2 and of 32 characters is accepted', async () => {
    const s = setup();
    for (const name of ['cd', 'c'.repeat(32)]) expect((await s.federate({ Name: name })).FederatedUser.Arn).toContain(`federated-user/${name}`);
  });

  test('the root user gets at most one hour, silently', async () => {
    const s = setup();
    expect(lifetimeSeconds(await s.federate({ Name: 'carol', DurationSeconds: '7200' }, s.root), s.clock.now())).toBe(3600);
    expect(lifetimeSeconds(await s.federate({ Name: 'carol' }, s.root), s.clock.now())).toBe(3600);
  });

  test('session credentials → AccessDenied "Cannot call GetFederationToken with session credentials"', async () => {
    const s = setup();
    const role = s.role('r', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: s.admin.arn }, Action: 'sts:AssumeRole' }] });
    const session = s.principalOf((await assumeRole({ RoleArn: role.arn, RoleSessionName: 'sess' }, s.ctx())) as any);
    const tokenUser = s.principalOf(await s.sessionToken({}));
    const federated = s.principalOf(await s.federate({ Name: 'carol' }));
    for (const caller of [session, tokenUser, federated]) {
      expect(await refusal(() => s.federate({ Name: 'carol' }, caller))).toEqual({
        code: 'AccessDenied',
        status: 403,
        message: 'Cannot call GetFederationToken with session credentials',
      });
    }
  });
});

describe('GetSessionToken', () => {
  test('answers Credentials only, 12 h by default, acting as the same user', async () => {
    const s = setup();
    const out = await s.sessionToken({});
    expect(Object.keys(out)).toEqual(['Credentials']);
    expect(lifetimeSeconds(out, s.clock.now())).toBe(43_200);
    expect(out.Credentials.AccessKeyId).toMatch(/^ASIA/);
    expect(s.principalOf(out)).toMatchObject({ kind: 'user', arn: s.admin.arn, userId: s.admin.userId });
  });

  test.each<[number, number | string]>([
    [899, range('durationSeconds', 899, 'greater than or equal to 900')],
    [900, 900],
    [129_600, 129_600],
    [129_601, range('durationSeconds', 129_601, 'less than or equal to 129600')],
  ])('DurationSeconds %s → %s', async (duration, expected) => {
    const s = setup();
    if (typeof expected === 'string') {
      expect((await refusal(() => s.sessionToken({ DurationSeconds: String(duration) }))).message).toBe(expected);
      return;
    }
    expect(lifetimeSeconds(await s.sessionToken({ DurationSeconds: String(duration) }), s.clock.now())).toBe(expected);
  });

  test('the root user gets at most one hour, silently', async () => {
    const s = setup();
    expect(lifetimeSeconds(await s.sessionToken({ DurationSeconds: '7200' }, s.root), s.clock.now())).toBe(3600);
  });

  test('role-session or federated credentials → AccessDenied "Cannot call GetSessionToken with session credentials"', async () => {
    const s = setup();
    const role = s.role('r', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: s.admin.arn }, Action: 'sts:AssumeRole' }] });
    const session = s.principalOf((await assumeRole({ RoleArn: role.arn, RoleSessionName: 'sess' }, s.ctx())) as any);
    const federated = s.principalOf(await s.federate({ Name: 'carol' }));
    for (const caller of [session, federated]) {
      expect(await refusal(() => s.sessionToken({}, caller))).toEqual({ code: 'AccessDenied', status: 403, message: 'Cannot call GetSessionToken with session credentials' });
    }
  });

  test('an MFA code the emulator cannot validate → AccessDenied', async () => {
    const s = setup();
    expect((await refusal(() => s.sessionToken({ SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/admin`, TokenCode: '123456' }))).code).toBe('AccessDenied');
  });
});
