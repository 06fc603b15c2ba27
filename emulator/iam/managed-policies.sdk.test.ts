// Customer managed policies and their attachment to roles, through the AWS SDK.
// Messages are literals with the public AWS output each was seen in (entity-errors.ts).
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  DeletePolicyCommand,
  DeleteRoleCommand,
  DetachRolePolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListAttachedRolePoliciesCommand,
  ListPoliciesCommand,
  ListRolesCommand,
} from '@aws-sdk/client-iam';
import { allow, entityWorld, failure, type EntityWorld } from './entity-test-support';

let w: EntityWorld;
beforeAll(async () => {
  w = await entityWorld();
});
afterAll(() => w.stop());

describe('CreatePolicy, GetPolicy, GetPolicyVersion (IAM-API)', () => {
  test('a new policy is v1, ANPA-identified, at the root path, attached nowhere', async () => {
    const doc = allow('iam:ListRoles');
    const created = await w.iam.send(new CreatePolicyCommand({ PolicyName: 'reader', PolicyDocument: JSON.stringify(doc), Description: 'reads roles' }));
    expect(created.Policy).toMatchObject({ PolicyName: 'reader', Arn: `arn:aws:iam::${w.account}:policy/reader`, Path: '/', DefaultVersionId: 'v1', AttachmentCount: 0, IsAttachable: true });
    expect(created.Policy!.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
    const got = await w.iam.send(new GetPolicyCommand({ PolicyArn: created.Policy!.Arn }));
    expect(got.Policy?.Description).toBe('reads roles');
    const version = await w.iam.send(new GetPolicyVersionCommand({ PolicyArn: created.Policy!.Arn, VersionId: 'v1' }));
    expect(version.PolicyVersion?.IsDefaultVersion).toBe(true);
    // IAM answers policy documents URL-encoded (aws-contract.md §4).
    expect(JSON.parse(decodeURIComponent(version.PolicyVersion!.Document!))).toEqual(doc);
  });

  test('a name already in use, in any case, is EntityAlreadyExists 409', async () => {
    await w.policy('dup', allow('iam:GetRole'));
    expect(await failure(w.iam.send(new CreatePolicyCommand({ PolicyName: 'DUP', PolicyDocument: JSON.stringify(allow('iam:GetRole')) })))).toEqual({
      code: 'EntityAlreadyExists',
      status: 409,
      message: 'A policy called DUP already exists. Duplicate names are not allowed.',
    });
  });

  test('a document over 6,144 characters without whitespace is LimitExceeded 409', async () => {
    const big = allow(Array.from({ length: 400 }, (_, i) => `iam:GetRole${i}`));
    expect(await failure(w.iam.send(new CreatePolicyCommand({ PolicyName: 'big', PolicyDocument: JSON.stringify(big) })))).toEqual({
      code: 'LimitExceeded',
      status: 409,
      message: 'Cannot exceed quota for PolicySize: 6144',
    });
  });

  test('a malformed document is MalformedPolicyDocument 400, and a version the policy lacks is NoSuchEntity 404', async () => {
    expect((await failure(w.iam.send(new CreatePolicyCommand({ PolicyName: 'bad', PolicyDocument: '{not json' })))).code).toBe('MalformedPolicyDocument');
    const arn = await w.policy('one-version', allow('iam:GetRole'));
    expect(await failure(w.iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' })))).toMatchObject({ code: 'NoSuchEntity', status: 404 });
  });

  test('the AWS managed AdministratorAccess is known by its ARN, listed under Scope AWS, and cannot be deleted', async () => {
    const arn = 'arn:aws:iam::aws:policy/AdministratorAccess';
    // Its id and dates as AWS answers them [obs: get-policy output quoted in public repositories].
    expect((await w.iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy).toMatchObject({ PolicyId: 'ANPAIWMBCKSKIEE64ZLYK', CreateDate: new Date('2015-02-06T18:39:46Z') });
    const listed = await w.iam.send(new ListPoliciesCommand({ Scope: 'AWS' }));
    expect(listed.Policies?.map((p) => p.Arn)).toEqual([arn]);
    expect((await failure(w.iam.send(new DeletePolicyCommand({ PolicyArn: arn })))).status).toBe(400);
  });
});

describe('AttachRolePolicy, DetachRolePolicy, ListAttachedRolePolicies, and what they refuse', () => {
  test('an attached policy grants its permissions to the role sessions; detached, it grants nothing', async () => {
    const arn = await w.policy('list-roles', allow('iam:ListRoles'));
    const role = await w.role('attached-reader');
    await w.iam.send(new AttachRolePolicyCommand({ RoleName: 'attached-reader', PolicyArn: arn }));
    const session = w.iamAs(await w.session(role));
    await expect(session.send(new ListRolesCommand({}))).resolves.toBeDefined();
    expect((await w.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'attached-reader' }))).AttachedPolicies).toEqual([{ PolicyName: 'list-roles', PolicyArn: arn }]);
    expect((await w.iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.AttachmentCount).toBe(1);

    await w.iam.send(new DetachRolePolicyCommand({ RoleName: 'attached-reader', PolicyArn: arn }));
    expect(await failure(session.send(new ListRolesCommand({})))).toMatchObject({ code: 'AccessDenied', status: 403 });
  });

  test('a policy that does not exist cannot be attached: NoSuchEntity 404 "… does not exist or is not attachable."', async () => {
    await w.role('nothing-attached');
    const arn = `arn:aws:iam::${w.account}:policy/missing`;
    expect(await failure(w.iam.send(new AttachRolePolicyCommand({ RoleName: 'nothing-attached', PolicyArn: arn })))).toEqual({
      code: 'NoSuchEntity',
      status: 404,
      message: `Policy ${arn} does not exist or is not attachable.`,
    });
  });

  test('DeleteRole and DeletePolicy refuse while the policy is attached (DeleteConflict 409); both succeed once it is detached', async () => {
    const arn = await w.policy('held', allow('iam:GetRole'));
    await w.role('holder');
    await w.iam.send(new AttachRolePolicyCommand({ RoleName: 'holder', PolicyArn: arn }));
    expect(await failure(w.iam.send(new DeleteRoleCommand({ RoleName: 'holder' })))).toEqual({ code: 'DeleteConflict', status: 409, message: 'Cannot delete entity, must detach all policies first.' });
    expect(await failure(w.iam.send(new DeletePolicyCommand({ PolicyArn: arn })))).toEqual({ code: 'DeleteConflict', status: 409, message: 'Cannot delete a policy attached to entities.' });
    await w.iam.send(new DetachRolePolicyCommand({ RoleName: 'holder', PolicyArn: arn }));
    await w.iam.send(new DeleteRoleCommand({ RoleName: 'holder' }));
    await w.iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
    expect((await failure(w.iam.send(new GetPolicyCommand({ PolicyArn: arn })))).code).toBe('NoSuchEntity');
  });

  test('an eleventh managed policy on one role is LimitExceeded 409 (default quota 10, IAM-UG quotas)', async () => {
    await w.role('crowded');
    for (let i = 0; i < 10; i++) await w.iam.send(new AttachRolePolicyCommand({ RoleName: 'crowded', PolicyArn: await w.policy(`p${i}`, allow('iam:GetRole')) }));
    const eleventh = await w.policy('p10', allow('iam:GetRole'));
    expect(await failure(w.iam.send(new AttachRolePolicyCommand({ RoleName: 'crowded', PolicyArn: eleventh })))).toEqual({
      code: 'LimitExceeded',
      status: 409,
      message: 'Cannot exceed quota for PoliciesPerRole: 10',
    });
  });

  test('iam:PolicyARN conditions which policy a caller may attach (SAR AttachRolePolicy condition keys)', async () => {
    const allowed = await w.policy('allowed-to-attach', allow('iam:GetRole'));
    const other = await w.policy('not-allowed', allow('iam:GetRole'));
    const attacher = await w.role('attacher', { policy: allow('iam:AttachRolePolicy', '*', { ArnEquals: { 'iam:PolicyARN': allowed } }) });
    await w.role('target');
    const iam = w.iamAs(await w.session(attacher));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'target', PolicyArn: allowed }));
    expect(await failure(iam.send(new AttachRolePolicyCommand({ RoleName: 'target', PolicyArn: other })))).toEqual({
      code: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:sts::${w.account}:assumed-role/attacher/test is not authorized to perform: iam:AttachRolePolicy on resource: role target because no identity-based policy allows the iam:AttachRolePolicy action`,
    });
  });
});
