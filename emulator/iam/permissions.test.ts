// Authorization of IAM operations (permissions.ts through authz/authorize.ts):
// a role session may do what its role's policies allow AND its session policy
// allows; writes are authorized like reads. Messages per IAM-UG "Troubleshoot
// access denied error messages" and the AWS output quoted in permissions.ts.
import type { MutantName } from '../mutants';
import type { Principal } from '../principal';
import { assumeRole } from '../sts/assume-role';
import { getFederationToken } from '../sts/federation-token';
import { getSessionToken } from '../sts/session-token';
import { refusal, stsWorld } from '../sts/sts-test-support';
import { accessDeniedMessage, authorize } from '../authz/authorize';
import { invokeOperation } from '../invoke';
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
  const call = (operation: string, input: Record<string, unknown>, caller: Principal) => invokeOperation(iam, operation, input, { ...w.ctx(caller), service: 'iam', operation }) as any;
  return { ...w, reader, session, call };
}

const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/reader/narrowed`;

describe('authorize (IAM-UG "Policy evaluation logic")', () => {
  test('the bootstrap admin user, holding AdministratorAccess, may do anything', () => {
    const s = setup();
    expect(authorize(s.state, s.admin, { action: 'iam:DeleteRole', resource: 'arn:aws:iam::123456789012:role/x', now: s.clock.now() })).toEqual({ decision: 'Allow' });
  });

  test('a role session without a session policy may do what its role allows, no more', async () => {
    const s = setup();
    const p = await s.session();
    expect(authorize(s.state, p, { action: 'iam:GetRole', resource: s.reader.arn, now: s.clock.now() })).toEqual({ decision: 'Allow' });
    expect(authorize(s.state, p, { action: 'iam:DeleteRole', resource: s.reader.arn, now: s.clock.now() })).toEqual({ decision: 'ImplicitDeny', deniedBy: 'identity-based' });
  });

  test('a session policy narrows: allowed by the role, not by the session policy → denied by the session policy', async () => {
    const s = setup();
    const p = await s.session(allow('iam:ListRoles'));
    expect(authorize(s.state, p, { action: 'iam:ListRoles', resource: `arn:aws:iam::${ACCOUNT}:role/`, now: s.clock.now() })).toEqual({ decision: 'Allow' });
    expect(authorize(s.state, p, { action: 'iam:GetRole', resource: s.reader.arn, now: s.clock.now() })).toEqual({ decision: 'ImplicitDeny', deniedBy: 'session' });
  });

  test('a session policy cannot grant more than the role: the identity-based denial is reported first', async () => {
    const s = setup();
    const p = await s.session(allow('iam:*'));
    expect(authorize(s.state, p, { action: 'iam:DeleteRole', resource: s.reader.arn, now: s.clock.now() })).toEqual({ decision: 'ImplicitDeny', deniedBy: 'identity-based' });
  });

  test('an explicit deny in the session policy wins', async () => {
    const s = setup();
    const p = await s.session({ Version: '2012-10-17', Statement: [...allow('iam:*').Statement, ...deny('iam:GetRole').Statement] });
    expect(authorize(s.state, p, { action: 'iam:GetRole', resource: s.reader.arn, now: s.clock.now() })).toEqual({ decision: 'ExplicitDeny', deniedBy: 'session' });
  });

  test('mutant session-policy-ignored: the role alone decides', async () => {
    const s = setup(['session-policy-ignored']);
    const p = await s.session(allow('iam:ListRoles'));
    expect(authorize(s.state, p, { action: 'iam:GetRole', resource: s.reader.arn, now: s.clock.now() })).toEqual({ decision: 'Allow' });
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

  test('without a session policy the role policy decides', async () => {
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

describe('IAM writes are authorized like reads', () => {
  const trustAdmin = (s: ReturnType<typeof setup>) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: s.admin.arn }, Action: 'sts:AssumeRole' }] });
  const sessionOf = async (s: ReturnType<typeof setup>, roleArn: string): Promise<Principal> =>
    s.principalOf((await assumeRole({ RoleArn: roleArn, RoleSessionName: 'ws' }, s.ctx())) as any);
  const openTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] });

  test('a role with no permission policy cannot CreateRole (trust for *), UpdateAssumeRolePolicy or DeleteRole; nothing changes', async () => {
    const s = setup();
    const bare = s.role('bare', trustAdmin(s));
    const p = await sessionOf(s, bare.arn);
    const who = `arn:aws:sts::${ACCOUNT}:assumed-role/bare/ws`;
    expect(await refusal(() => s.call('CreateRole', { RoleName: 'evil', AssumeRolePolicyDocument: openTrust }, p))).toEqual({
      code: 'AccessDenied',
      status: 403,
      message: `User: ${who} is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::${ACCOUNT}:role/evil because no identity-based policy allows the iam:CreateRole action`,
    });
    expect((await refusal(() => s.call('UpdateAssumeRolePolicy', { RoleName: 'reader', PolicyDocument: openTrust }, p))).message).toBe(
      `User: ${who} is not authorized to perform: iam:UpdateAssumeRolePolicy on resource: role reader because no identity-based policy allows the iam:UpdateAssumeRolePolicy action`,
    );
    expect((await refusal(() => s.call('DeleteRole', { RoleName: 'reader' }, p))).message).toBe(
      `User: ${who} is not authorized to perform: iam:DeleteRole on resource: role reader because no identity-based policy allows the iam:DeleteRole action`,
    );
    expect(s.state.iam.roles.has('evil')).toBe(false);
    expect(s.state.iam.roles.get('reader')!.assumeRolePolicyDocument).not.toBe(openTrust);
  });

  test('a role allowed iam:CreateRole on role/team-* creates team-a, not admin-x; explicit Deny wins over Allow', async () => {
    const s = setup();
    const maker = s.role('maker', trustAdmin(s), {
      policies: [allow('iam:CreateRole', `arn:aws:iam::${ACCOUNT}:role/team-*`), { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:CreateRole', Resource: `arn:aws:iam::${ACCOUNT}:role/team-secret` }] }],
    });
    const p = await sessionOf(s, maker.arn);
    expect((await s.call('CreateRole', { RoleName: 'team-a', AssumeRolePolicyDocument: openTrust }, p)).Role.RoleName).toBe('team-a');
    expect((await refusal(() => s.call('CreateRole', { RoleName: 'admin-x', AssumeRolePolicyDocument: openTrust }, p))).message).toContain(
      'because no identity-based policy allows the iam:CreateRole action',
    );
    expect((await refusal(() => s.call('CreateRole', { RoleName: 'team-secret', AssumeRolePolicyDocument: openTrust }, p))).message).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/maker/ws is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::${ACCOUNT}:role/team-secret with an explicit deny in an identity-based policy`,
    );
  });

  test('request tags are condition keys: aws:RequestTag/<key> and aws:TagKeys [doc: IAM-UG global condition keys]', async () => {
    const s = setup();
    const tagged = s.role('tagged', trustAdmin(s), {
      // Tags on create need iam:TagRole as well (entity-permissions.ts, obs: openshift/installer#1073).
      policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:CreateRole', 'iam:TagRole'], Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/team': 'blue' } } }] }],
    });
    const p = await sessionOf(s, tagged.arn);
    const create = (name: string, team: string) => s.call('CreateRole', { RoleName: name, AssumeRolePolicyDocument: openTrust, Tags: [{ Key: 'team', Value: team }] }, p);
    expect((await create('blue-one', 'blue')).Role.RoleName).toBe('blue-one');
    expect((await refusal(() => create('red-one', 'red'))).code).toBe('AccessDenied');
  });

  test('OIDC and SAML providers are named by ARN', async () => {
    const s = setup();
    const p = await s.session();
    expect((await refusal(() => s.call('CreateOpenIDConnectProvider', { Url: 'https://issuer.example.com/x', ThumbprintList: ['a'.repeat(40)] }, p))).message).toBe(
      `User: ${SESSION_ARN} is not authorized to perform: iam:CreateOpenIDConnectProvider on resource: arn:aws:iam::${ACCOUNT}:oidc-provider/issuer.example.com/x because no identity-based policy allows the iam:CreateOpenIDConnectProvider action`,
    );
    expect((await refusal(() => s.call('DeleteSAMLProvider', { SAMLProviderArn: `arn:aws:iam::${ACCOUNT}:saml-provider/corp` }, p))).message).toContain(
      `iam:DeleteSAMLProvider on resource: arn:aws:iam::${ACCOUNT}:saml-provider/corp because`,
    );
  });
});
