import { idpHarness } from './test-support';

describe('CreateUserPool / DescribeUserPool / DeleteUserPool / ListUserPools', () => {
  it('creates a pool with an AWS-shaped id and ARN and the default password policy', async () => {
    const h = idpHarness();
    const { UserPool } = await h.call('CreateUserPool', { PoolName: 'people', UserPoolTags: { team: 'idchain' } });
    expect(UserPool.Id).toMatch(/^us-east-1_[0-9A-Za-z]{9}$/);
    expect(UserPool.Arn).toBe(`arn:aws:cognito-idp:us-east-1:123456789012:userpool/${UserPool.Id}`);
    expect(UserPool.Policies.PasswordPolicy).toEqual({
      MinimumLength: 8,
      RequireUppercase: true,
      RequireLowercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
      TemporaryPasswordValidityDays: 7,
    });
    expect(UserPool.UserPoolTags).toEqual({ team: 'idchain' });
    const described = (await h.call('DescribeUserPool', { UserPoolId: UserPool.Id })).UserPool;
    expect(described.Name).toBe('people');
  });

  it('adds custom attributes to the schema with the custom: prefix [doc: CG "Custom attributes"]', async () => {
    const h = idpHarness();
    const { UserPool } = await h.call('CreateUserPool', {
      PoolName: 'people',
      Schema: [{ Name: 'tenant', AttributeDataType: 'String' }, { Name: 'email', Required: true }],
    });
    const names = UserPool.SchemaAttributes.map((a: { Name: string }) => a.Name);
    expect(names).toContain('custom:tenant');
    expect(UserPool.SchemaAttributes.find((a: { Name: string }) => a.Name === 'email').Required).toBe(true);
  });

  it('refuses a pool name outside the pattern and a password length outside 6–99', async () => {
    const h = idpHarness();
    const err = await h.fail('CreateUserPool', { PoolName: 'bad/name', Policies: { PasswordPolicy: { MinimumLength: 5 } } });
    expect(err).toMatchObject({ code: 'InvalidParameterException', status: 400 });
    expect(err.message).toBe(
      "2 validation errors detected: Value 'bad/name' at 'poolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+; " +
        "Value '5' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: Member must have value greater than or equal to 6",
    );
  });

  it('answers a missing pool with ResourceNotFoundException "User pool <id> does not exist."', async () => {
    const h = idpHarness();
    for (const op of ['DescribeUserPool', 'DeleteUserPool', 'ListGroups']) {
      expect(await h.fail(op, { UserPoolId: 'us-east-1_Missing01' })).toMatchObject({
        code: 'ResourceNotFoundException',
        status: 400,
        message: 'User pool us-east-1_Missing01 does not exist.',
      });
    }
  });

  it('deletes a pool, unless deletion protection is active', async () => {
    const h = idpHarness();
    const guarded = (await h.call('CreateUserPool', { PoolName: 'guarded', DeletionProtection: 'ACTIVE' })).UserPool;
    expect(await h.fail('DeleteUserPool', { UserPoolId: guarded.Id })).toMatchObject({ code: 'InvalidParameterException' });
    const open = (await h.call('CreateUserPool', { PoolName: 'open' })).UserPool;
    await h.call('DeleteUserPool', { UserPoolId: open.Id });
    expect((await h.fail('DescribeUserPool', { UserPoolId: open.Id })).code).toBe('ResourceNotFoundException');
  });

  it('lists pools page by page; MaxResults is required', async () => {
    const h = idpHarness();
    for (const name of ['a', 'b', 'c']) await h.call('CreateUserPool', { PoolName: name });
    const first = await h.call('ListUserPools', { MaxResults: 2 });
    expect(first.UserPools.map((p: { Name: string }) => p.Name)).toEqual(['a', 'b']);
    const second = await h.call('ListUserPools', { MaxResults: 2, NextToken: first.NextToken });
    expect(second.UserPools.map((p: { Name: string }) => p.Name)).toEqual(['c']);
    expect(second.NextToken).toBeUndefined();
    expect((await h.fail('ListUserPools', {})).message).toBe(
      "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null",
    );
  });
});

describe('CreateUserPoolClient / DescribeUserPoolClient / DeleteUserPoolClient', () => {
  async function pool() {
    const h = idpHarness();
    const { UserPool } = await h.call('CreateUserPool', { PoolName: 'p' });
    return { h, poolId: UserPool.Id as string };
  }

  it('describes a default client as AWS does: refresh 30 (days), empty units, no flows', async () => {
    const { h, poolId } = await pool();
    const { UserPoolClient } = await h.call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'web' });
    expect(UserPoolClient.ClientId).toMatch(/^[a-z0-9]{26}$/);
    expect(UserPoolClient).toMatchObject({ RefreshTokenValidity: 30, TokenValidityUnits: {}, AuthSessionValidity: 3, EnableTokenRevocation: true });
    expect(UserPoolClient.ExplicitAuthFlows).toBeUndefined();
    expect(UserPoolClient.ClientSecret).toBeUndefined();
    const described = await h.call('DescribeUserPoolClient', { UserPoolId: poolId, ClientId: UserPoolClient.ClientId });
    expect(described.UserPoolClient.ClientName).toBe('web');
  });

  it('generates a secret when asked', async () => {
    const { h, poolId } = await pool();
    const { UserPoolClient } = await h.call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'srv', GenerateSecret: true });
    expect(UserPoolClient.ClientSecret).toMatch(/^[a-z0-9]{51}$/);
  });

  it.each([
    ['access token under 5 minutes', { AccessTokenValidity: 4, TokenValidityUnits: { AccessToken: 'minutes' } }],
    ['ID token over 1 day', { IdTokenValidity: 25 }],
    ['ID token over 1 day in minutes', { IdTokenValidity: 1441, TokenValidityUnits: { IdToken: 'minutes' } }],
    ['refresh token under 60 minutes', { RefreshTokenValidity: 59, TokenValidityUnits: { RefreshToken: 'minutes' } }],
    ['refresh token over 10 years', { RefreshTokenValidity: 3651 }],
  ])('refuses %s with "Invalid range for token validity."', async (_label, validity) => {
    const { h, poolId } = await pool();
    expect(await h.fail('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'c', ...validity })).toMatchObject({
      code: 'InvalidParameterException',
      status: 400,
      message: 'Invalid range for token validity.',
    });
  });

  it.each([
    ['5 minutes', { AccessTokenValidity: 5, IdTokenValidity: 5, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes' } }],
    ['1 day', { AccessTokenValidity: 1, IdTokenValidity: 24, TokenValidityUnits: { AccessToken: 'days' } }],
    ['refresh 60 minutes', { RefreshTokenValidity: 60, TokenValidityUnits: { RefreshToken: 'minutes' } }],
    ['refresh 10 years', { RefreshTokenValidity: 3650 }],
  ])('accepts the edge of the range: %s', async (_label, validity) => {
    const { h, poolId } = await pool();
    await expect(h.call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'c', ...validity })).resolves.toBeDefined();
  });

  it('refuses values below the model minimum and unknown flows with validation messages', async () => {
    const { h, poolId } = await pool();
    const err = await h.fail('CreateUserPoolClient', {
      UserPoolId: poolId,
      ClientName: 'c',
      AccessTokenValidity: 0,
      ExplicitAuthFlows: ['ALLOW_EVERYTHING'],
    });
    expect(err.code).toBe('InvalidParameterException');
    expect(err.message).toMatch(/^2 validation errors detected: /);
    expect(err.message).toContain("Value '0' at 'accessTokenValidity' failed to satisfy constraint: Member must have value greater than or equal to 1");
    expect(err.message).toContain("Value '[ALLOW_EVERYTHING]' at 'explicitAuthFlows' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [");
  });

  it('answers an unknown client with "User pool client <id> does not exist." and deletes clients', async () => {
    const { h, poolId } = await pool();
    expect(await h.fail('DescribeUserPoolClient', { UserPoolId: poolId, ClientId: 'nope' })).toMatchObject({
      code: 'ResourceNotFoundException',
      message: 'User pool client nope does not exist.',
    });
    const { UserPoolClient } = await h.call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'c' });
    await h.call('DeleteUserPoolClient', { UserPoolId: poolId, ClientId: UserPoolClient.ClientId });
    expect((await h.fail('DescribeUserPoolClient', { UserPoolId: poolId, ClientId: UserPoolClient.ClientId })).code).toBe(
      'ResourceNotFoundException',
    );
  });
});
