// Session-policy narrowing on IAM reads: a role session may do what its role's
// policies allow AND its session policy allows. Messages per IAM-UG
// "Troubleshoot access denied error messages".
import type { MutantName } from '../mutants';
import type { Principal } from '../principal';
import { assumeRole } from '../sts/assume-role';
import { getFederationToken } from '../sts/federation-token';
import { getSessionToken } from '../sts/session-token';
import { refusal, stsWorld } from '../sts/sts-test-support';
import { accessDeniedMessage, principalPermissions } from './authorize';
import { createIamService } from './service';

const ACCOUNT = '123456789012';
const allow = (actions: string | string[], resource = '*') => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] });
const deny = (actions: string | string[]) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: actions, Resource: '*' }] });

function setup(mutants: MutantName[] = []) {
  const w = stsWorld(mutants);
  const iam = createIamService(w.state);
  const reader = w.role('reader', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: w.admin.arn }, Action: 'sts:AssumeRole' }] }, {
    policies: [allow(['iam:GetRole', 'iam:ListRoles'])],
  });
  const session = async (policy?: unknown): Promise<Principal> => {
    const out = (await assumeRole({ RoleArn: reader.arn, RoleSessionName: 'narrowed', ...(policy ? { Policy: JSON.stringify(policy) } : {}) }, w.ctx())) as any;
    return w.principalOf(out);
  };
  const call = (operation: string, input: Record<string, unknown>, caller: Principal) => iam.operations[operation](input, { ...w.ctx(caller), service: 'iam', operation }) as any;
  return { ...w, reader, session, call };
}

const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/reader/narrowed`;

describe('principalPermissions', () => {
  test('the bootstrap admin user may do anything', () => {
    const s = setup();
    expect(principalPermissions(s.state, s.admin, 'iam:DeleteRole', 'arn:aws:iam::123456789012:role/x', s.clock.now())).toEqual({ decision: 'Allow' });
  });

  test('a role session without a session policy may do what its role allows, no more', async () => {
    const s = setup();
    const p = await s.session();
    expect(principalPermissions(s.state, p, 'iam:GetRole', s.reader.arn, s.clock.now())).toEqual({ decision: 'Allow' });
    expect(principalPermissions(s.state, p, 'iam:DeleteRole', s.reader.arn, s.clock.now())).toEqual({ decision: 'ImplicitDeny', deniedBy: 'identity-based' });
  });

  test('a session policy narrows: allowed by the role, not by the session policy → denied by the session policy', async () => {
    const s = setup();
    const p = await s.session(allow('iam:ListRoles'));
    expect(principalPermissions(s.state, p, 'iam:ListRoles', `arn:aws:iam::${ACCOUNT}:role/`, s.clock.now())).toEqual({ decision: 'Allow' });
    expect(principalPermissions(s.state, p, 'iam:GetRole', s.reader.arn, s.clock.now())).toEqual({ decision: 'ImplicitDeny', deniedBy: 'session' });
  });

  test('a session policy cannot grant more than the role: the identity-based denial is reported first', async () => {
    const s = setup();
    const p = await s.session(allow('iam:*'));
    expect(principalPermissions(s.state, p, 'iam:DeleteRole', s.reader.arn, s.clock.now())).toEqual({ decision: 'ImplicitDeny', deniedBy: 'identity-based' });
  });

  test('an explicit deny in the session policy wins', async () => {
    const s = setup();
    const p = await s.session({ Version: '2012-10-17', Statement: [...allow('iam:*').Statement, ...deny('iam:GetRole').Statement] });
    expect(principalPermissions(s.state, p, 'iam:GetRole', s.reader.arn, s.clock.now())).toEqual({ decision: 'ExplicitDeny', deniedBy: 'session' });
  });

  test('mutant session-policy-ignored: the role alone decides', async () => {
    const s = setup(['session-policy-ignored']);
    const p = await s.session(allow('iam:ListRoles'));
    expect(principalPermissions(s.state, p, 'iam:GetRole', s.reader.arn, s.clock.now())).toEqual({ decision: 'Allow' });
  });
});

describe('accessDeniedMessage (IAM-UG "Troubleshoot access denied error messages")', () => {
  test.each([
    [{ decision: 'ImplicitDeny', deniedBy: 'session' }, 'because no session policy allows the iam:GetRole action'],
    [{ decision: 'ImplicitDeny', deniedBy: 'identity-based' }, 'because no identity-based policy allows the iam:GetRole action'],
    [{ decision: 'ExplicitDeny', deniedBy: 'session' }, 'with an explicit deny in a session policy'],
    [{ decision: 'ExplicitDeny', deniedBy: 'identity-based' }, 'with an explicit deny in an identity-based policy'],
  ] as const)('%j → "… %s"', (outcome, tail) => {
    expect(accessDeniedMessage('arn:aws:sts::1:assumed-role/r/s', 'iam:GetRole', 'role r', outcome)).toBe(
      `User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: iam:GetRole on resource: role r ${tail}`,
    );
  });
});

describe('IAM operations with session credentials', () => {
  test('GetRole, allowed by the role but not by the session policy → AccessDenied 403 naming "role <name>"', async () => {
    const s = setup();
    const p = await s.session(allow('iam:ListRoles'));
    expect(await refusal(() => s.call('GetRole', { RoleName: 'reader' }, p))).toEqual({
      code: 'AccessDenied',
      status: 403,
      message: `User: ${SESSION_ARN} is not authorized to perform: iam:GetRole on resource: role reader because no session policy allows the iam:GetRole action`,
    });
    const listed = await s.call('ListRoles', {}, p);
    expect(listed.Roles.map((r: { RoleName: string }) => r.RoleName)).toContain('reader');
  });

  test('ListRoles denied names the ARN with the path prefix', async () => {
    const s = setup();
    const p = await s.session(allow('iam:GetRole'));
    expect((await refusal(() => s.call('ListRoles', { PathPrefix: '/teams/' }, p))).message).toBe(
      `User: ${SESSION_ARN} is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::${ACCOUNT}:role/teams/ because no session policy allows the iam:ListRoles action`,
    );
  });

  test('without a session policy the role policy decides; operations the emulator does not check stay open', async () => {
    const s = setup();
    const p = await s.session();
    expect((await s.call('GetRole', { RoleName: 'reader' }, p)).Role.RoleName).toBe('reader');
    expect((await refusal(() => s.call('GetRolePolicy', { RoleName: 'reader', PolicyName: 'p0' }, p))).message).toContain(
      'because no identity-based policy allows the iam:GetRolePolicy action',
    );
  });

  test('federated-user and GetSessionToken credentials → InvalidClientTokenId on any IAM operation', async () => {
    const s = setup();
    const federated = s.principalOf((await getFederationToken({ Name: 'carol', Policy: JSON.stringify(allow('iam:*')) }, s.ctx())) as any);
    const tokenUser = s.principalOf((await getSessionToken({}, s.ctx())) as any);
    for (const caller of [federated, tokenUser]) {
      expect(await refusal(() => s.call('ListRoles', {}, caller))).toEqual({
        code: 'InvalidClientTokenId',
        status: 403,
        message: 'The security token included in the request is invalid',
      });
    }
  });
});
