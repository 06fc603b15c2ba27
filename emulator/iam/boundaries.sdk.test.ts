// Permissions boundaries, through the AWS SDK: "An entity's permissions
// boundary allows it to perform only the actions that are allowed by both its
// identity-based policies and its permissions boundaries" [doc: IAM-UG
// "Permissions boundaries for IAM entities"], with the AccessDenied wording
// AWS uses for each policy type [obs: research §8, e.g. "… because no
// permissions boundary allows the iam:CreateRole action"].
import {
  CreateRoleCommand,
  DeletePolicyCommand,
  DeleteRolePermissionsBoundaryCommand,
  GetRoleCommand,
  ListRolesCommand,
  PutRolePermissionsBoundaryCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { allow, entityWorld, failure, type EntityWorld } from './entity-test-support';

let w: EntityWorld;
beforeAll(async () => {
  w = await entityWorld();
});
afterAll(() => w.stop());

const denied = (w: EntityWorld, role: string, action: string, resource: string, reason: string) =>
  `User: arn:aws:sts::${w.account}:assumed-role/${role}/test is not authorized to perform: ${action} on resource: ${resource} ${reason}`;

describe('CreateRole PermissionsBoundary, GetRole, Put/DeleteRolePermissionsBoundary', () => {
  test('the boundary shows in GetRole as a PermissionsBoundaryPolicy attachment, not in ListRoles', async () => {
    const boundary = await w.policy('shown-boundary', allow('iam:GetRole'));
    await w.role('bounded-shown', { boundary });
    const got = await w.iam.send(new GetRoleCommand({ RoleName: 'bounded-shown' }));
    expect(got.Role?.PermissionsBoundary).toEqual({ PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: boundary });
    const listed = (await w.iam.send(new ListRolesCommand({}))).Roles!.find((r) => r.RoleName === 'bounded-shown');
    expect(listed?.PermissionsBoundary).toBeUndefined();
  });

  test('a boundary that names no policy is NoSuchEntity 404; one that is not a policy ARN is InvalidParameterValue 400', async () => {
    const missing = `arn:aws:iam::${w.account}:policy/no-such-boundary`;
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: w.adminArn }, Action: 'sts:AssumeRole' }] });
    expect(await failure(w.iam.send(new CreateRoleCommand({ RoleName: 'r1', AssumeRolePolicyDocument: trust, PermissionsBoundary: missing })))).toEqual({
      code: 'NoSuchEntity',
      status: 404,
      message: `Policy ${missing} does not exist or is not attachable.`,
    });
    const notPolicy = `arn:aws:iam::${w.account}:role/not-a-policy`;
    expect(await failure(w.iam.send(new CreateRoleCommand({ RoleName: 'r2', AssumeRolePolicyDocument: trust, PermissionsBoundary: notPolicy })))).toMatchObject({ code: 'InvalidParameterValue', status: 400 });
  });

  test('Put and Delete change the boundary; a policy in use as a boundary cannot be deleted (DeleteConflict 409)', async () => {
    const boundary = await w.policy('swapped-boundary', allow('iam:GetRole'));
    await w.role('swapped');
    await w.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'swapped', PermissionsBoundary: boundary }));
    expect((await w.iam.send(new GetRoleCommand({ RoleName: 'swapped' }))).Role?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(boundary);
    expect(await failure(w.iam.send(new DeletePolicyCommand({ PolicyArn: boundary })))).toMatchObject({ code: 'DeleteConflict', status: 409 });
    await w.iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'swapped' }));
    expect((await w.iam.send(new GetRoleCommand({ RoleName: 'swapped' }))).Role?.PermissionsBoundary).toBeUndefined();
  });
});

describe('evaluation: the intersection of identity-based policies and the boundary', () => {
  test('allowed by the role but not by the boundary → AccessDenied "because no permissions boundary allows …"', async () => {
    const boundary = await w.policy('get-only', allow('iam:GetRole'));
    const arn = await w.role('narrowed', { policy: allow(['iam:GetRole', 'iam:ListRoles']), boundary });
    const iam = w.iamAs(await w.session(arn));
    await expect(iam.send(new GetRoleCommand({ RoleName: 'narrowed' }))).resolves.toBeDefined();
    expect(await failure(iam.send(new ListRolesCommand({})))).toEqual({
      code: 'AccessDenied',
      status: 403,
      message: denied(w, 'narrowed', 'iam:ListRoles', `arn:aws:iam::${w.account}:role/`, 'because no permissions boundary allows the iam:ListRoles action'),
    });
  });

  test('a boundary grants nothing on its own: allowed by it alone → "because no identity-based policy allows …"', async () => {
    const boundary = await w.policy('list-boundary', allow('iam:ListRoles'));
    const arn = await w.role('boundary-only', { boundary });
    const iam = w.iamAs(await w.session(arn));
    expect((await failure(iam.send(new ListRolesCommand({})))).message).toBe(
      denied(w, 'boundary-only', 'iam:ListRoles', `arn:aws:iam::${w.account}:role/`, 'because no identity-based policy allows the iam:ListRoles action'),
    );
  });

  test('an explicit deny in the boundary wins → "with an explicit deny in a permissions boundary"', async () => {
    const boundary = await w.policy('deny-boundary', { Version: '2012-10-17', Statement: [...allow('iam:*').Statement, { Effect: 'Deny', Action: 'iam:ListRoles', Resource: '*' }] });
    const arn = await w.role('denied-by-boundary', { policy: allow('iam:ListRoles'), boundary });
    const iam = w.iamAs(await w.session(arn));
    expect((await failure(iam.send(new ListRolesCommand({})))).message).toBe(
      denied(w, 'denied-by-boundary', 'iam:ListRoles', `arn:aws:iam::${w.account}:role/`, 'with an explicit deny in a permissions boundary'),
    );
  });

  test("a trust naming the caller's role ARN is limited by the caller's boundary; one naming its session ARN is not (IAM-UG policy evaluation logic)", async () => {
    const boundary = await w.policy('no-sts', allow('iam:GetRole'));
    const chainer = await w.role('chainer', { policy: allow('sts:AssumeRole'), boundary });
    const session = await w.session(chainer, 'chain');
    const sessionArn = `arn:aws:sts::${w.account}:assumed-role/chainer/chain`;
    const byRole = await w.role('trusts-role-arn', { trust: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: chainer }, Action: 'sts:AssumeRole' }] }) });
    const bySession = await w.role('trusts-session-arn', { trust: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: sessionArn }, Action: 'sts:AssumeRole' }] }) });
    const sts = w.stsAs(session);
    expect(await failure(sts.send(new AssumeRoleCommand({ RoleArn: byRole, RoleSessionName: 'xx' })))).toEqual({
      code: 'AccessDenied',
      status: 403,
      message: `User: ${sessionArn} is not authorized to perform: sts:AssumeRole on resource: ${byRole} because no permissions boundary allows the sts:AssumeRole action`,
    });
    await expect(sts.send(new AssumeRoleCommand({ RoleArn: bySession, RoleSessionName: 'xx' }))).resolves.toBeDefined();
  });

  test('iam:PermissionsBoundary on CreateRole: a delegate may create roles only with the boundary it is given (IAM-UG boundaries, "Delegating responsibility")', async () => {
    const boundary = await w.policy('delegated-boundary', allow('iam:GetRole'));
    const delegate = await w.role('delegate', { policy: allow('iam:CreateRole', '*', { StringEquals: { 'iam:PermissionsBoundary': boundary } }) });
    const iam = w.iamAs(await w.session(delegate));
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: w.adminArn }, Action: 'sts:AssumeRole' }] });
    await iam.send(new CreateRoleCommand({ RoleName: 'with-boundary', AssumeRolePolicyDocument: trust, PermissionsBoundary: boundary }));
    expect(await failure(iam.send(new CreateRoleCommand({ RoleName: 'without-boundary', AssumeRolePolicyDocument: trust })))).toEqual({
      code: 'AccessDenied',
      status: 403,
      message: denied(w, 'delegate', 'iam:CreateRole', `arn:aws:iam::${w.account}:role/without-boundary`, 'because no identity-based policy allows the iam:CreateRole action'),
    });
  });
});

describe('SimulatePrincipalPolicy (IAM-API): the same evaluation, as EvalDecision', () => {
  test('context keys decide conditions; the boundary shows in PermissionsBoundaryDecisionDetail', async () => {
    const boundary = await w.policy('sim-boundary', allow(['iam:CreateRole', 'iam:GetRole']));
    const role = await w.role('simulated', { policy: allow(['iam:CreateRole', 'iam:ListRoles'], '*', { StringEqualsIfExists: { 'iam:PermissionsBoundary': boundary } }), boundary });
    const simulate = (ContextEntries?: { ContextKeyName: string; ContextKeyValues: string[]; ContextKeyType: 'string' }[]) =>
      w.iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: role, ActionNames: ['iam:CreateRole', 'iam:ListRoles', 'iam:DeleteRole'], ResourceArns: [`arn:aws:iam::${w.account}:role/x`], ContextEntries }));
    const withBoundary = await simulate([{ ContextKeyName: 'iam:PermissionsBoundary', ContextKeyValues: [boundary], ContextKeyType: 'string' }]);
    expect(withBoundary.EvaluationResults?.map((r) => [r.EvalActionName, r.EvalDecision, r.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary])).toEqual([
      ['iam:CreateRole', 'allowed', true],
      ['iam:ListRoles', 'implicitDeny', false],
      ['iam:DeleteRole', 'implicitDeny', false],
    ]);
    const otherBoundary = await simulate([{ ContextKeyName: 'iam:PermissionsBoundary', ContextKeyValues: ['arn:aws:iam::123456789012:policy/other'], ContextKeyType: 'string' }]);
    expect(otherBoundary.EvaluationResults?.[0].EvalDecision).toBe('implicitDeny');
  });

  test('a role session ARN is not a policy source; a role that does not exist is NoSuchEntity', async () => {
    const session = `arn:aws:sts::${w.account}:assumed-role/simulated/test`;
    expect((await failure(w.iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: session, ActionNames: ['iam:GetRole'] })))).code).toBe('InvalidInput');
    const missing = `arn:aws:iam::${w.account}:role/nobody`;
    expect(await failure(w.iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: missing, ActionNames: ['iam:GetRole'] })))).toMatchObject({ code: 'NoSuchEntity', status: 404 });
  });

  test('a caller needs iam:SimulatePrincipalPolicy on the simulated role', async () => {
    const arn = await w.role('not-a-simulator', { policy: allow('iam:GetRole') });
    const iam = w.iamAs(await w.session(arn));
    expect(await failure(iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: arn, ActionNames: ['iam:GetRole'] })))).toEqual({
      code: 'AccessDenied',
      status: 403,
      message: denied(w, 'not-a-simulator', 'iam:SimulatePrincipalPolicy', arn, 'because no identity-based policy allows the iam:SimulatePrincipalPolicy action'),
    });
  });
});
