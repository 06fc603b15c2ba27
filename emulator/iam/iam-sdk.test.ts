import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startEmulator, type StartedEmulator } from '../index';

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:11111111-2222-3333-4444-555555555555' },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      },
    },
  ],
});
const PERMISSIONS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/${cognito-identity.amazonaws.com:sub}/*' }],
});

/** What a failed call looked like on the wire: error code, HTTP status, message. */
async function failure(promise: Promise<unknown>): Promise<{ code: string; status?: number; message: string }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { name: string; message: string; Error?: { Code?: string }; $metadata?: { httpStatusCode?: number } };
    return { code: e.Error?.Code ?? e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('expected the call to fail');
}

describe('IAM and STS through the AWS SDK', () => {
  let emu: StartedEmulator;
  let iam: IAMClient;
  let sts: STSClient;

  beforeAll(async () => {
    emu = await startEmulator();
    const config = { endpoint: emu.url, region: emu.region, credentials: emu.credentials, maxAttempts: 1 };
    iam = new IAMClient(config);
    sts = new STSClient(config);
  });

  afterAll(async () => {
    iam?.destroy();
    sts?.destroy();
    await emu?.stop();
  });

  it('creates a role with tags and reads it back, trust policy URL-encoded', async () => {
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: 'idchain-auth',
        Path: '/idchain/',
        AssumeRolePolicyDocument: TRUST,
        Description: 'authenticated identities',
        MaxSessionDuration: 7200,
        Tags: [
          { Key: 'idchain:run', Value: 'r1' },
          { Key: 'team', Value: 'identity' },
        ],
      }),
    );
    expect(created.Role).toMatchObject({
      RoleName: 'idchain-auth',
      Path: '/idchain/',
      Arn: `arn:aws:iam::${emu.accountId}:role/idchain/idchain-auth`,
      MaxSessionDuration: 7200,
      Description: 'authenticated identities',
    });
    // IAM-UG "IAM identifiers": unique ids are 21 characters, e.g. AIDAJQABLZS4A3QDU576Q.
    expect(created.Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(created.Role?.CreateDate).toBeInstanceOf(Date);

    const got = await iam.send(new GetRoleCommand({ RoleName: 'idchain-auth' }));
    expect(got.Role?.RoleId).toBe(created.Role?.RoleId);
    expect(got.Role?.MaxSessionDuration).toBe(7200);
    expect(got.Role?.AssumeRolePolicyDocument).not.toContain('{');
    expect(JSON.parse(decodeURIComponent(got.Role!.AssumeRolePolicyDocument!))).toEqual(JSON.parse(TRUST));
    expect(got.Role?.Tags).toEqual([
      { Key: 'idchain:run', Value: 'r1' },
      { Key: 'team', Value: 'identity' },
    ]);
  });

  it('defaults MaxSessionDuration to 3600 and Path to /', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'idchain-plain', AssumeRolePolicyDocument: TRUST }));
    const got = await iam.send(new GetRoleCommand({ RoleName: 'idchain-plain' }));
    expect(got.Role).toMatchObject({ MaxSessionDuration: 3600, Path: '/', Arn: `arn:aws:iam::${emu.accountId}:role/idchain-plain` });
  });

  it('refuses a duplicate name, in any case: EntityAlreadyExists 409', async () => {
    for (const name of ['idchain-auth', 'IDCHAIN-AUTH']) {
      expect(await failure(iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST })))).toEqual({
        code: 'EntityAlreadyExists',
        status: 409,
        message: `Role with name ${name} already exists.`,
      });
    }
  });

  it.each([
    [100, 'Member must have value greater than or equal to 3600'],
    [43201, 'Member must have value less than or equal to 43200'],
  ])('refuses MaxSessionDuration %i: ValidationError 400', async (value, constraint) => {
    const result = await failure(
      iam.send(new CreateRoleCommand({ RoleName: 'idchain-bad-duration', AssumeRolePolicyDocument: TRUST, MaxSessionDuration: value })),
    );
    expect(result).toEqual({
      code: 'ValidationError',
      status: 400,
      message: `1 validation error detected: Value '${value}' at 'maxSessionDuration' failed to satisfy constraint: ${constraint}`,
    });
  });

  it('refuses a role name over 64 characters', async () => {
    const name = 'r'.repeat(65);
    expect(await failure(iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST })))).toEqual({
      code: 'ValidationError',
      status: 400,
      message: `1 validation error detected: Value '${name}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    });
  });

  it('refuses invalid JSON: MalformedPolicyDocument "This policy contains invalid Json"', async () => {
    expect(
      await failure(iam.send(new CreateRoleCommand({ RoleName: 'idchain-bad-json', AssumeRolePolicyDocument: '{"Version": "2012-10-17",' }))),
    ).toEqual({ code: 'MalformedPolicyDocument', status: 400, message: 'This policy contains invalid Json' });
  });

  it('refuses a trust policy statement without a principal', async () => {
    const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] });
    expect(await failure(iam.send(new CreateRoleCommand({ RoleName: 'idchain-no-principal', AssumeRolePolicyDocument: doc })))).toEqual({
      code: 'MalformedPolicyDocument',
      status: 400,
      message:
        'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!',
    });
  });

  it('keeps inline policies, and refuses to delete a role that still has one: DeleteConflict 409', async () => {
    await iam.send(new PutRolePolicyCommand({ RoleName: 'idchain-auth', PolicyName: 'photos', PolicyDocument: PERMISSIONS }));
    const policy = await iam.send(new GetRolePolicyCommand({ RoleName: 'idchain-auth', PolicyName: 'photos' }));
    expect(policy).toMatchObject({ RoleName: 'idchain-auth', PolicyName: 'photos' });
    expect(decodeURIComponent(policy.PolicyDocument!)).toBe(PERMISSIONS);
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: 'idchain-auth' }))).PolicyNames).toEqual(['photos']);

    expect(await failure(iam.send(new DeleteRoleCommand({ RoleName: 'idchain-auth' })))).toEqual({
      code: 'DeleteConflict',
      status: 409,
      message: 'Cannot delete entity, must delete policies first.',
    });

    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'idchain-auth', PolicyName: 'photos' }));
    expect(await failure(iam.send(new GetRolePolicyCommand({ RoleName: 'idchain-auth', PolicyName: 'photos' })))).toEqual({
      code: 'NoSuchEntity',
      status: 404,
      message: 'The role policy with name photos cannot be found.',
    });
  });

  it('refuses a permission policy with a Principal', async () => {
    const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] });
    expect(await failure(iam.send(new PutRolePolicyCommand({ RoleName: 'idchain-auth', PolicyName: 'p', PolicyDocument: doc })))).toEqual({
      code: 'MalformedPolicyDocument',
      status: 400,
      message: 'Policy document should not specify a principal.',
    });
  });

  it('updates MaxSessionDuration and the trust policy', async () => {
    await iam.send(new UpdateRoleCommand({ RoleName: 'idchain-plain', MaxSessionDuration: 43200 }));
    const unauthTrust = TRUST.replace('"authenticated"', '"unauthenticated"');
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'idchain-plain', PolicyDocument: unauthTrust }));
    const got = await iam.send(new GetRoleCommand({ RoleName: 'idchain-plain' }));
    expect(got.Role?.MaxSessionDuration).toBe(43200);
    expect(decodeURIComponent(got.Role!.AssumeRolePolicyDocument!)).toBe(unauthTrust);
  });

  it('tags, untags and lists tags', async () => {
    await iam.send(new TagRoleCommand({ RoleName: 'idchain-plain', Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] }));
    await iam.send(new TagRoleCommand({ RoleName: 'idchain-plain', Tags: [{ Key: 'A', Value: '3' }] }));
    await iam.send(new UntagRoleCommand({ RoleName: 'idchain-plain', TagKeys: ['b'] }));
    const tags = await iam.send(new ListRoleTagsCommand({ RoleName: 'idchain-plain' }));
    expect(tags).toMatchObject({ Tags: [{ Key: 'A', Value: '3' }], IsTruncated: false });
  });

  it('lists roles by path prefix, without tags', async () => {
    const all = await iam.send(new ListRolesCommand({}));
    expect(all.Roles?.map((r) => r.RoleName)).toEqual(['idchain-auth', 'idchain-plain']);
    expect(all.IsTruncated).toBe(false);
    const scoped = await iam.send(new ListRolesCommand({ PathPrefix: '/idchain/' }));
    expect(scoped.Roles?.map((r) => r.RoleName)).toEqual(['idchain-auth']);
    expect(scoped.Roles?.[0].Tags).toBeUndefined();
    const paged = await iam.send(new ListRolesCommand({ MaxItems: 1 }));
    expect(paged.IsTruncated).toBe(true);
    const rest = await iam.send(new ListRolesCommand({ MaxItems: 1, Marker: paged.Marker }));
    expect(rest.Roles?.map((r) => r.RoleName)).toEqual(['idchain-plain']);
  });

  it('deletes a role; GetRole then answers NoSuchEntity 404', async () => {
    await iam.send(new DeleteRoleCommand({ RoleName: 'idchain-auth' }));
    expect(await failure(iam.send(new GetRoleCommand({ RoleName: 'idchain-auth' })))).toEqual({
      code: 'NoSuchEntity',
      status: 404,
      message: 'The role with name idchain-auth cannot be found.',
    });
  });

  it('GetCallerIdentity names the bootstrap user', async () => {
    const who = await sts.send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe(emu.accountId);
    expect(who.Arn).toBe(`arn:aws:iam::${emu.accountId}:user/idchain-admin`);
    expect(who.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/); // IAM-UG "IAM identifiers": AIDAJQABLZS4A3QDU576Q
  });
});
