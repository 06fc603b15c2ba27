import {
  createIdentityPool,
  deleteIdentityPool,
  describeIdentityPool,
  listIdentityPools,
  updateIdentityPool,
} from './pool-operations';
import { errorOf, testContext, testState } from './test-support';

const NAME_PATTERN = '[\\w\\s+=,.@-]+';

function setup() {
  const { state } = testState();
  const ctx = testContext(state);
  const create = (input: Record<string, unknown>) => createIdentityPool(input, ctx) as Record<string, unknown>;
  return { state, ctx, create };
}

describe('CreateIdentityPool', () => {
  test('answers the pool with an id <region>:<uuid> and echoes what was sent (CI-API CreateIdentityPool, IdentityPool)', () => {
    const { create } = setup();
    const providers = [
      { ProviderName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123', ClientId: 'abc123client', ServerSideTokenCheck: true },
    ];
    const pool = create({
      IdentityPoolName: 'My pool, v1.0@x',
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: true,
      CognitoIdentityProviders: providers,
      SupportedLoginProviders: { 'graph.facebook.com': '1234567890' },
      DeveloperProviderName: 'login.idchain.dev',
      IdentityPoolTags: { team: 'id' },
    });
    expect(pool.IdentityPoolId).toMatch(/^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(pool).toMatchObject({
      IdentityPoolName: 'My pool, v1.0@x',
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: true,
      CognitoIdentityProviders: providers,
      SupportedLoginProviders: { 'graph.facebook.com': '1234567890' },
      DeveloperProviderName: 'login.idchain.dev',
      IdentityPoolTags: { team: 'id' },
    });
  });

  test('ServerSideTokenCheck defaults to false and AllowClassicFlow to false', () => {
    const { create } = setup();
    const pool = create({
      IdentityPoolName: 'p',
      AllowUnauthenticatedIdentities: false,
      CognitoIdentityProviders: [{ ProviderName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123', ClientId: 'c1' }],
    });
    expect(pool.AllowClassicFlow).toBe(false);
    expect(pool.CognitoIdentityProviders).toEqual([
      { ProviderName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123', ClientId: 'c1', ServerSideTokenCheck: false },
    ]);
  });

  test('a name outside [\\w\\s+=,.@-]+ is a ValidationException with AWS\'s wording [obs: getmoto/moto#1979, #4415]', async () => {
    const { create } = setup();
    expect(await errorOf(() => create({ IdentityPoolName: 'pool#name', AllowUnauthenticatedIdentities: false }))).toEqual({
      code: 'ValidationException',
      status: 400,
      message: `1 validation error detected: Value 'pool#name' at 'identityPoolName' failed to satisfy constraint: Member must satisfy regular expression pattern: ${NAME_PATTERN}`,
    });
  });

  test('names with hyphens, underscores and spaces are valid [obs: getmoto/moto#4415 verified against AWS]', () => {
    const { create } = setup();
    for (const name of ['x', 'pool-', 'pool_name', 'with space']) {
      expect(create({ IdentityPoolName: name, AllowUnauthenticatedIdentities: false }).IdentityPoolName).toBe(name);
    }
  });

  test('a 129-character name violates the 128 maximum (CI-API IdentityPoolName)', async () => {
    const { create } = setup();
    const name = 'a'.repeat(129);
    const err = await errorOf(() => create({ IdentityPoolName: name, AllowUnauthenticatedIdentities: false }));
    expect(err.code).toBe('ValidationException');
    expect(err.message).toBe(
      `1 validation error detected: Value '${name}' at 'identityPoolName' failed to satisfy constraint: Member must have length less than or equal to 128`,
    );
  });

  test('both required members missing: two errors, each "Member must not be null" (CI-API CreateIdentityPool required)', async () => {
    const { create } = setup();
    expect((await errorOf(() => create({}))).message).toBe(
      "2 validation errors detected: Value null at 'identityPoolName' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'allowUnauthenticatedIdentities' failed to satisfy constraint: Member must not be null",
    );
  });

  test('more than 10 SupportedLoginProviders is refused (CI-API IdentityProviders max 10)', async () => {
    const { create } = setup();
    const providers = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}.example.com`, `app${i}`]));
    const err = await errorOf(() =>
      create({ IdentityPoolName: 'p', AllowUnauthenticatedIdentities: false, SupportedLoginProviders: providers }),
    );
    expect(err.code).toBe('ValidationException');
    expect(err.message).toMatch(/at 'supportedLoginProviders' failed to satisfy constraint: Member must have length less than or equal to 10$/);
  });

  test('a ClientId outside [\\w_]+ names the list member (CI-API CognitoIdentityProvider ClientId)', async () => {
    const { create } = setup();
    const err = await errorOf(() =>
      create({
        IdentityPoolName: 'p',
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [{ ProviderName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123', ClientId: 'bad id!' }],
      }),
    );
    expect(err.code).toBe('ValidationException');
    expect(err.message).toContain(
      "Value 'bad id!' at 'cognitoIdentityProviders.1.member.clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w_]+",
    );
  });

  test('a DeveloperProviderName with a space is refused (CI-API DeveloperProviderName [\\w._-]+)', async () => {
    const { create } = setup();
    const err = await errorOf(() =>
      create({ IdentityPoolName: 'p', AllowUnauthenticatedIdentities: false, DeveloperProviderName: 'my provider' }),
    );
    expect(err.message).toContain("Value 'my provider' at 'developerProviderName'");
  });
});

describe('DescribeIdentityPool', () => {
  test('answers what CreateIdentityPool answered', async () => {
    const { ctx, create } = setup();
    const pool = create({ IdentityPoolName: 'p', AllowUnauthenticatedIdentities: true });
    expect(describeIdentityPool({ IdentityPoolId: pool.IdentityPoolId }, ctx)).toEqual(pool);
  });

  test('unknown pool → ResourceNotFoundException "IdentityPool \'<id>\' not found." [obs: aws-amplify/amplify-js#1966]', async () => {
    const { ctx } = setup();
    const id = 'us-east-1:00000000-0000-0000-0000-000000000000';
    expect(await errorOf(() => describeIdentityPool({ IdentityPoolId: id }, ctx))).toEqual({
      code: 'ResourceNotFoundException',
      status: 400,
      message: `IdentityPool '${id}' not found.`,
    });
  });

  test('a user pool id where an identity pool id belongs → ValidationException [obs: aws/aws-sdk-net#445, aws-amplify/amplify-swift#2864]', async () => {
    const { ctx } = setup();
    expect(await errorOf(() => describeIdentityPool({ IdentityPoolId: 'us-east-1_Abc123' }, ctx))).toEqual({
      code: 'ValidationException',
      status: 400,
      message:
        "1 validation error detected: Value 'us-east-1_Abc123' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+",
    });
  });
});

describe('UpdateIdentityPool', () => {
  test('replaces the settings: omitted optional members return to their defaults (CI-API UpdateIdentityPool)', () => {
    const { ctx, create } = setup();
    const pool = create({
      IdentityPoolName: 'p',
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: true,
      SupportedLoginProviders: { 'graph.facebook.com': '1' },
    });
    const updated = updateIdentityPool(
      { IdentityPoolId: pool.IdentityPoolId, IdentityPoolName: 'renamed', AllowUnauthenticatedIdentities: false },
      ctx,
    ) as Record<string, unknown>;
    expect(updated).toEqual({
      IdentityPoolId: pool.IdentityPoolId,
      IdentityPoolName: 'renamed',
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: false,
    });
    expect(describeIdentityPool({ IdentityPoolId: pool.IdentityPoolId }, ctx)).toEqual(updated);
  });

  test('AllowUnauthenticatedIdentities is required on update too (CI-API IdentityPool required members)', async () => {
    const { ctx, create } = setup();
    const pool = create({ IdentityPoolName: 'p', AllowUnauthenticatedIdentities: true });
    const err = await errorOf(() => updateIdentityPool({ IdentityPoolId: pool.IdentityPoolId, IdentityPoolName: 'p' }, ctx));
    expect(err.message).toBe(
      "1 validation error detected: Value null at 'allowUnauthenticatedIdentities' failed to satisfy constraint: Member must not be null",
    );
  });

  test('a DeveloperProviderName cannot be changed once set (CI-API CreateIdentityPool DeveloperProviderName)', async () => {
    const { ctx, create } = setup();
    const pool = create({ IdentityPoolName: 'p', AllowUnauthenticatedIdentities: true, DeveloperProviderName: 'login.a' });
    const err = await errorOf(() =>
      updateIdentityPool(
        { IdentityPoolId: pool.IdentityPoolId, IdentityPoolName: 'p', AllowUnauthenticatedIdentities: true, DeveloperProviderName: 'login.b' },
        ctx,
      ),
    );
    expect(err.code).toBe('InvalidParameterException');
    expect(err.message).toContain('login.a');
  });

  test('unknown pool → ResourceNotFoundException', async () => {
    const { ctx } = setup();
    const id = 'us-east-1:00000000-0000-0000-0000-000000000001';
    const err = await errorOf(() =>
      updateIdentityPool({ IdentityPoolId: id, IdentityPoolName: 'p', AllowUnauthenticatedIdentities: true }, ctx),
    );
    expect(err).toEqual({ code: 'ResourceNotFoundException', status: 400, message: `IdentityPool '${id}' not found.` });
  });
});

describe('DeleteIdentityPool', () => {
  test('the pool is gone afterwards', async () => {
    const { ctx, create } = setup();
    const pool = create({ IdentityPoolName: 'p', AllowUnauthenticatedIdentities: true });
    expect(deleteIdentityPool({ IdentityPoolId: pool.IdentityPoolId }, ctx)).toEqual({});
    expect((await errorOf(() => describeIdentityPool({ IdentityPoolId: pool.IdentityPoolId }, ctx))).code).toBe(
      'ResourceNotFoundException',
    );
    expect((await errorOf(() => deleteIdentityPool({ IdentityPoolId: pool.IdentityPoolId }, ctx))).code).toBe(
      'ResourceNotFoundException',
    );
  });
});

describe('ListIdentityPools', () => {
  test('MaxResults is required (CI-API ListIdentityPools)', async () => {
    const { ctx } = setup();
    expect(await errorOf(() => listIdentityPools({}, ctx))).toEqual({
      code: 'ValidationException',
      status: 400,
      message: "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null",
    });
  });

  test('MaxResults is at most 60 (CI-API QueryLimit)', async () => {
    const { ctx } = setup();
    expect((await errorOf(() => listIdentityPools({ MaxResults: 61 }, ctx))).message).toBe(
      "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
    );
  });

  test('pages through every pool with NextToken', () => {
    const { ctx, create } = setup();
    const ids = ['a', 'b', 'c'].map((n) => create({ IdentityPoolName: n, AllowUnauthenticatedIdentities: true }).IdentityPoolId);
    const first = listIdentityPools({ MaxResults: 2 }, ctx);
    expect(first.IdentityPools.map((p) => p.IdentityPoolName)).toEqual(['a', 'b']);
    expect(first.NextToken).toEqual(expect.any(String));
    const second = listIdentityPools({ MaxResults: 2, NextToken: first.NextToken }, ctx);
    expect(second.IdentityPools).toEqual([{ IdentityPoolId: ids[2], IdentityPoolName: 'c' }]);
    expect(second.NextToken).toBeUndefined();
  });
});
