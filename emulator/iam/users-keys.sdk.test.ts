// IAM users, their inline policies and long-term access keys, through the AWS
// SDK: the keys sign like any AWS key, as an IAM user, so STS calls that need
// long-term credentials (GetFederationToken, GetSessionToken) accept them.
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  GetUserCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListRolesCommand,
  ListUsersCommand,
  ListUserTagsCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, GetFederationTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { allow, entityWorld, failure, type EntityWorld } from './entity-test-support';

let w: EntityWorld;
beforeAll(async () => {
  w = await entityWorld();
});
afterAll(() => w.stop());

async function keysFor(userName: string) {
  const { AccessKey } = await w.iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
}

describe('CreateUser, GetUser, ListUsers, tags', () => {
  test('a user is AIDA-identified, named by its ARN, tagged as asked; a second one of the same name (any case) is EntityAlreadyExists 409', async () => {
    const created = await w.iam.send(new CreateUserCommand({ UserName: 'alice', Tags: [{ Key: 'idchain:run', Value: 'r1' }] }));
    expect(created.User).toMatchObject({ UserName: 'alice', Path: '/', Arn: `arn:aws:iam::${w.account}:user/alice` });
    expect(created.User!.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect((await w.iam.send(new ListUserTagsCommand({ UserName: 'alice' }))).Tags).toEqual([{ Key: 'idchain:run', Value: 'r1' }]);
    expect((await w.iam.send(new ListUsersCommand({}))).Users?.map((u) => u.UserName)).toEqual(expect.arrayContaining(['alice', 'idchain-admin']));
    expect(await failure(w.iam.send(new CreateUserCommand({ UserName: 'ALICE' })))).toEqual({ code: 'EntityAlreadyExists', status: 409, message: 'User with name ALICE already exists.' });
  });

  test('GetUser without UserName answers the user whose keys signed; a user that does not exist is NoSuchEntity 404', async () => {
    expect((await w.iam.send(new GetUserCommand({}))).User?.UserName).toBe('idchain-admin');
    expect(await failure(w.iam.send(new GetUserCommand({ UserName: 'nobody' })))).toEqual({ code: 'NoSuchEntity', status: 404, message: 'The user with name nobody cannot be found.' });
  });
});

describe('CreateAccessKey, ListAccessKeys, DeleteAccessKey', () => {
  test("a new key is AKIA with a 40-character secret, and signs as the user at once", async () => {
    await w.iam.send(new CreateUserCommand({ UserName: 'bob' }));
    const keys = await keysFor('bob');
    expect(keys.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(keys.secretAccessKey).toHaveLength(40);
    const who = await w.stsAs(keys).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:aws:iam::${w.account}:user/bob`);
    expect((await w.iam.send(new ListAccessKeysCommand({ UserName: 'bob' }))).AccessKeyMetadata).toEqual([
      { UserName: 'bob', AccessKeyId: keys.accessKeyId, Status: 'Active', CreateDate: expect.any(Date) },
    ]);
  });

  test('a user with long-term keys may call GetFederationToken (it needs long-term credentials of an IAM user, STS-API GetFederationToken)', async () => {
    await w.iam.send(new CreateUserCommand({ UserName: 'federator' }));
    await w.iam.send(new PutUserPolicyCommand({ UserName: 'federator', PolicyName: 'fed', PolicyDocument: JSON.stringify(allow('sts:GetFederationToken')) }));
    const sts = w.stsAs(await keysFor('federator'));
    const answer = await sts.send(new GetFederationTokenCommand({ Name: 'carol' }));
    expect(answer.FederatedUser?.Arn).toBe(`arn:aws:sts::${w.account}:federated-user/carol`);
  });

  test('a third key is LimitExceeded 409 (two per user, IAM-UG quotas)', async () => {
    await w.iam.send(new CreateUserCommand({ UserName: 'carl' }));
    await keysFor('carl');
    await keysFor('carl');
    expect(await failure(w.iam.send(new CreateAccessKeyCommand({ UserName: 'carl' })))).toEqual({ code: 'LimitExceeded', status: 409, message: 'Cannot exceed quota for AccessKeysPerUser: 2' });
  });

  test('a deleted key signs no more: InvalidClientTokenId 403, as for any key AWS does not know', async () => {
    await w.iam.send(new CreateUserCommand({ UserName: 'dave' }));
    const keys = await keysFor('dave');
    await w.iam.send(new DeleteAccessKeyCommand({ UserName: 'dave', AccessKeyId: keys.accessKeyId }));
    const sts = new STSClient({ endpoint: w.emu.url, region: w.emu.region, credentials: keys, maxAttempts: 1 });
    try {
      expect(await failure(sts.send(new GetCallerIdentityCommand({})))).toMatchObject({ code: 'InvalidClientTokenId', status: 403 });
    } finally {
      sts.destroy();
    }
    expect(await failure(w.iam.send(new DeleteAccessKeyCommand({ UserName: 'dave', AccessKeyId: keys.accessKeyId })))).toEqual({
      code: 'NoSuchEntity',
      status: 404,
      message: `The Access Key with id ${keys.accessKeyId} cannot be found.`,
    });
  });
});

describe('user policies and DeleteUser', () => {
  test("an inline policy grants the user's keys what it allows, no more", async () => {
    await w.iam.send(new CreateUserCommand({ UserName: 'erin' }));
    const keys = await keysFor('erin');
    const iam: IAMClient = w.iamAs(keys);
    expect(await failure(iam.send(new ListRolesCommand({})))).toMatchObject({ code: 'AccessDenied', status: 403 });
    await w.iam.send(new PutUserPolicyCommand({ UserName: 'erin', PolicyName: 'list', PolicyDocument: JSON.stringify(allow('iam:ListRoles')) }));
    await expect(iam.send(new ListRolesCommand({}))).resolves.toBeDefined();
  });

  test("a user's inline policies together may not pass 2,048 characters: LimitExceeded 409", async () => {
    await w.iam.send(new CreateUserCommand({ UserName: 'frank' }));
    const big = allow(Array.from({ length: 200 }, (_, i) => `iam:GetRole${i}`));
    expect(await failure(w.iam.send(new PutUserPolicyCommand({ UserName: 'frank', PolicyName: 'big', PolicyDocument: JSON.stringify(big) })))).toEqual({
      code: 'LimitExceeded',
      status: 409,
      message: 'Maximum policy size of 2048 bytes exceeded for user frank',
    });
  });

  test('DeleteUser refuses while access keys or inline policies remain (DeleteConflict 409), then deletes', async () => {
    await w.iam.send(new CreateUserCommand({ UserName: 'gina' }));
    const keys = await keysFor('gina');
    await w.iam.send(new PutUserPolicyCommand({ UserName: 'gina', PolicyName: 'p', PolicyDocument: JSON.stringify(allow('iam:GetRole')) }));
    expect(await failure(w.iam.send(new DeleteUserCommand({ UserName: 'gina' })))).toEqual({ code: 'DeleteConflict', status: 409, message: 'Cannot delete entity, must delete access keys first.' });
    await w.iam.send(new DeleteAccessKeyCommand({ UserName: 'gina', AccessKeyId: keys.accessKeyId }));
    expect(await failure(w.iam.send(new DeleteUserCommand({ UserName: 'gina' })))).toEqual({ code: 'DeleteConflict', status: 409, message: 'Cannot delete entity, must delete policies first.' });
    await w.iam.send(new DeleteUserPolicyCommand({ UserName: 'gina', PolicyName: 'p' }));
    await w.iam.send(new DeleteUserCommand({ UserName: 'gina' }));
    expect((await failure(w.iam.send(new GetUserCommand({ UserName: 'gina' })))).code).toBe('NoSuchEntity');
  });

  test('a user with a boundary gets the intersection: its policy allows ListRoles, the boundary does not', async () => {
    const boundary = await w.policy('user-boundary', allow('iam:GetRole'));
    await w.iam.send(new CreateUserCommand({ UserName: 'hank', PermissionsBoundary: boundary }));
    await w.iam.send(new PutUserPolicyCommand({ UserName: 'hank', PolicyName: 'p', PolicyDocument: JSON.stringify(allow('iam:ListRoles')) }));
    const iam = w.iamAs(await keysFor('hank'));
    expect((await failure(iam.send(new ListRolesCommand({})))).message).toBe(
      `User: arn:aws:iam::${w.account}:user/hank is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::${w.account}:role/ because no permissions boundary allows the iam:ListRoles action`,
    );
  });
});
