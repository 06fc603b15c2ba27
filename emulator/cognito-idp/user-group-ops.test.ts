import { idpHarness } from './test-support';

async function poolWithUser() {
  const h = idpHarness();
  const { UserPool } = await h.call('CreateUserPool', { PoolName: 'p', Schema: [{ Name: 'tenant', AttributeDataType: 'String' }] });
  const poolId = UserPool.Id as string;
  await h.call('AdminCreateUser', {
    UserPoolId: poolId,
    Username: 'alice',
    MessageAction: 'SUPPRESS',
    TemporaryPassword: 'Temp-Pass-1',
    UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }],
  });
  return { h, poolId };
}

describe('AdminCreateUser / AdminGetUser / AdminDeleteUser / AdminUpdateUserAttributes', () => {
  it('creates a user in FORCE_CHANGE_PASSWORD with a sub', async () => {
    const h = idpHarness();
    const poolId = (await h.call('CreateUserPool', { PoolName: 'p' })).UserPool.Id;
    const { User } = await h.call('AdminCreateUser', {
      UserPoolId: poolId,
      Username: 'bob',
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: 'bob@example.com' }],
    });
    expect(User).toMatchObject({ Username: 'bob', Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    expect(User.Attributes).toContainEqual({ Name: 'email', Value: 'bob@example.com' });
    expect(User.Attributes.find((a: { Name: string }) => a.Name === 'sub').Value).toMatch(/^[0-9a-f-]{36}$/);
    const got = await h.call('AdminGetUser', { UserPoolId: poolId, Username: 'bob' });
    expect(got).toMatchObject({ Username: 'bob', UserStatus: 'FORCE_CHANGE_PASSWORD' });
    expect(got.UserAttributes).toEqual(User.Attributes);
  });

  it('refuses a second user with the same name: UsernameExistsException "User account already exists"', async () => {
    const { h, poolId } = await poolWithUser();
    expect(await h.fail('AdminCreateUser', { UserPoolId: poolId, Username: 'alice', MessageAction: 'SUPPRESS' })).toMatchObject({
      code: 'UsernameExistsException',
      status: 400,
      message: 'User account already exists',
    });
  });

  it('refuses attributes not in the schema, and accepts declared custom ones', async () => {
    const { h, poolId } = await poolWithUser();
    expect(
      await h.fail('AdminCreateUser', { UserPoolId: poolId, Username: 'x', UserAttributes: [{ Name: 'custom:nope', Value: '1' }] }),
    ).toMatchObject({
      code: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.',
    });
    await h.call('AdminUpdateUserAttributes', { UserPoolId: poolId, Username: 'alice', UserAttributes: [{ Name: 'custom:tenant', Value: 'acme' }] });
    const got = await h.call('AdminGetUser', { UserPoolId: poolId, Username: 'alice' });
    expect(got.UserAttributes).toContainEqual({ Name: 'custom:tenant', Value: 'acme' });
  });

  it('checks the temporary password against the pool policy', async () => {
    const { h, poolId } = await poolWithUser();
    expect(await h.fail('AdminCreateUser', { UserPoolId: poolId, Username: 'y', TemporaryPassword: 'alllowercase1!' })).toMatchObject({
      code: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password must have uppercase characters',
    });
  });

  it('hides the username value in validation messages (a sensitive member)', async () => {
    const { h, poolId } = await poolWithUser();
    expect((await h.fail('AdminGetUser', { UserPoolId: poolId, Username: 'has space' })).message).toBe(
      "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
    );
  });

  it('answers unknown users with UserNotFoundException "User does not exist."', async () => {
    const { h, poolId } = await poolWithUser();
    for (const op of ['AdminGetUser', 'AdminDeleteUser']) {
      expect(await h.fail(op, { UserPoolId: poolId, Username: 'ghost' })).toMatchObject({
        code: 'UserNotFoundException',
        status: 400,
        message: 'User does not exist.',
      });
    }
    await h.call('AdminDeleteUser', { UserPoolId: poolId, Username: 'alice' });
    expect((await h.fail('AdminGetUser', { UserPoolId: poolId, Username: 'alice' })).code).toBe('UserNotFoundException');
  });
});

describe('AdminSetUserPassword (aws-contract.md §1)', () => {
  it('Permanent true → CONFIRMED; false (the default) → FORCE_CHANGE_PASSWORD', async () => {
    const { h, poolId } = await poolWithUser();
    await h.call('AdminSetUserPassword', { UserPoolId: poolId, Username: 'alice', Password: 'Perm-Pass-1', Permanent: true });
    expect((await h.call('AdminGetUser', { UserPoolId: poolId, Username: 'alice' })).UserStatus).toBe('CONFIRMED');
    await h.call('AdminSetUserPassword', { UserPoolId: poolId, Username: 'alice', Password: 'Temp-Pass-2' });
    expect((await h.call('AdminGetUser', { UserPoolId: poolId, Username: 'alice' })).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
  });

  it('refuses a password the policy does not allow with InvalidPasswordException', async () => {
    const { h, poolId } = await poolWithUser();
    expect(await h.fail('AdminSetUserPassword', { UserPoolId: poolId, Username: 'alice', Password: 'Sh0rt!', Permanent: true })).toMatchObject({
      code: 'InvalidPasswordException',
      status: 400,
      message: 'Password did not conform with policy: Password not long enough',
    });
  });

  it('requires a password', async () => {
    const { h, poolId } = await poolWithUser();
    expect((await h.fail('AdminSetUserPassword', { UserPoolId: poolId, Username: 'alice' })).message).toBe(
      "1 validation error detected: Value null at 'password' failed to satisfy constraint: Member must not be null",
    );
  });
});

describe('groups', () => {
  const ROLE = 'arn:aws:iam::123456789012:role/admin';

  it('creates, gets, lists and deletes groups; unset members are left out', async () => {
    const { h, poolId } = await poolWithUser();
    const { Group } = await h.call('CreateGroup', { UserPoolId: poolId, GroupName: 'admins', RoleArn: ROLE, Precedence: 0, Description: 'Admins' });
    expect(Group).toMatchObject({ GroupName: 'admins', UserPoolId: poolId, RoleArn: ROLE, Precedence: 0, Description: 'Admins' });
    const plain = (await h.call('CreateGroup', { UserPoolId: poolId, GroupName: 'plain' })).Group;
    expect(plain).not.toHaveProperty('Precedence');
    expect(plain).not.toHaveProperty('RoleArn');
    expect((await h.call('GetGroup', { UserPoolId: poolId, GroupName: 'admins' })).Group.RoleArn).toBe(ROLE);
    expect((await h.call('ListGroups', { UserPoolId: poolId })).Groups.map((g: { GroupName: string }) => g.GroupName)).toEqual(['admins', 'plain']);
    await h.call('DeleteGroup', { UserPoolId: poolId, GroupName: 'plain' });
    expect(await h.fail('GetGroup', { UserPoolId: poolId, GroupName: 'plain' })).toMatchObject({
      code: 'ResourceNotFoundException',
      message: 'Group not found.',
    });
  });

  it('refuses a duplicate: GroupExistsException "A group with the name X already exists."', async () => {
    const { h, poolId } = await poolWithUser();
    await h.call('CreateGroup', { UserPoolId: poolId, GroupName: 'admins' });
    expect(await h.fail('CreateGroup', { UserPoolId: poolId, GroupName: 'admins' })).toMatchObject({
      code: 'GroupExistsException',
      status: 400,
      message: 'A group with the name admins already exists.',
    });
  });

  it('validates RoleArn (20–2048, ARN pattern) and Precedence (0 … 2^31−1)', async () => {
    const { h, poolId } = await poolWithUser();
    expect((await h.fail('CreateGroup', { UserPoolId: poolId, GroupName: 'g', RoleArn: 'not-an-arn-but-long-enough' })).message).toBe(
      "1 validation error detected: Value 'not-an-arn-but-long-enough' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: " +
        'arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?',
    );
    expect((await h.fail('CreateGroup', { UserPoolId: poolId, GroupName: 'g', Precedence: -1 })).message).toBe(
      "1 validation error detected: Value '-1' at 'precedence' failed to satisfy constraint: Member must have value greater than or equal to 0",
    );
    expect((await h.fail('CreateGroup', { UserPoolId: poolId, GroupName: 'g', Precedence: 2147483648 })).message).toContain(
      'Member must have value less than or equal to 2147483647',
    );
    await expect(h.call('CreateGroup', { UserPoolId: poolId, GroupName: 'max', Precedence: 2147483647 })).resolves.toBeDefined();
  });

  it('adds, lists and removes members', async () => {
    const { h, poolId } = await poolWithUser();
    await h.call('CreateGroup', { UserPoolId: poolId, GroupName: 'admins' });
    await h.call('AdminAddUserToGroup', { UserPoolId: poolId, Username: 'alice', GroupName: 'admins' });
    const listed = await h.call('AdminListGroupsForUser', { UserPoolId: poolId, Username: 'alice' });
    expect(listed.Groups.map((g: { GroupName: string }) => g.GroupName)).toEqual(['admins']);
    await h.call('AdminRemoveUserFromGroup', { UserPoolId: poolId, Username: 'alice', GroupName: 'admins' });
    expect((await h.call('AdminListGroupsForUser', { UserPoolId: poolId, Username: 'alice' })).Groups).toEqual([]);
  });

  it('answers a missing user or group when adding a member', async () => {
    const { h, poolId } = await poolWithUser();
    await h.call('CreateGroup', { UserPoolId: poolId, GroupName: 'admins' });
    expect((await h.fail('AdminAddUserToGroup', { UserPoolId: poolId, Username: 'ghost', GroupName: 'admins' })).code).toBe('UserNotFoundException');
    expect(await h.fail('AdminAddUserToGroup', { UserPoolId: poolId, Username: 'alice', GroupName: 'nope' })).toMatchObject({
      code: 'ResourceNotFoundException',
      message: 'Group not found.',
    });
  });
});
