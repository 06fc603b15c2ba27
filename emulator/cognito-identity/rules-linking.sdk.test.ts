// Rules-based role mapping and identity linking end to end through the AWS SDK
// v3 clients (aws-contract.md §2 Role selection, Linking/merging; CG "Using
// role-based access control"; CI-API GetId, GetOpenIdToken, UnlinkIdentity).
import {
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  SetIdentityPoolRolesCommand,
  UnlinkIdentityCommand,
  type MappingRule,
} from '@aws-sdk/client-cognito-identity';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { identityPoolTrust, rejection, startWorld, type UserPoolHandle, type World } from './sdk-test-support';

let w: World;

beforeAll(async () => {
  w = await startWorld();
});

afterAll(() => w?.stop());

describe('rules-based role mapping', () => {
  let staff: UserPoolHandle;
  let pool: string;
  let denyPool: string;
  const role: Record<string, string> = {};
  let rules: MappingRule[];

  beforeAll(async () => {
    staff = await w.userPool(
      'idchain-rules-users',
      {
        alice: { attributes: { 'custom:dept': 'engineering' }, groups: ['team-admins'] },
        bob: { attributes: { 'custom:dept': 'sales' } },
        dave: { attributes: { 'custom:dept': 'marketing' } },
        carol: {},
      },
      ['dept'],
    );
    pool = await w.identityPool({ name: 'idchain rules', allowGuests: false, providers: [staff] });
    denyPool = await w.identityPool({ name: 'idchain rules deny', allowGuests: false, providers: [staff] });
    for (const name of ['default', 'eng', 'admin', 'sales', 'other']) {
      // Every role trusts both pools, so only the mapping decides.
      const trust = JSON.parse(identityPoolTrust(pool, 'authenticated'));
      trust.Statement[0].Condition.StringEquals['cognito-identity.amazonaws.com:aud'] = [pool, denyPool];
      role[name] = (await w.role(`rules-${name}`, JSON.stringify(trust))).arn;
    }
    rules = [
      { Claim: 'custom:dept', MatchType: 'Equals', Value: 'engineering', RoleARN: role.eng },
      { Claim: 'cognito:groups', MatchType: 'Contains', Value: 'admin', RoleARN: role.admin },
      { Claim: 'custom:dept', MatchType: 'StartsWith', Value: 'sal', RoleARN: role.sales },
      { Claim: 'custom:dept', MatchType: 'NotEqual', Value: 'engineering', RoleARN: role.other },
    ];
    const key = `${staff.provider}:${staff.clientId}`;
    await w.setRoles(pool, { authenticated: role.default }, {
      [key]: { Type: 'Rules', AmbiguousRoleResolution: 'AuthenticatedRole', RulesConfiguration: { Rules: rules } },
    });
    await w.setRoles(denyPool, { authenticated: role.default }, {
      [key]: { Type: 'Rules', AmbiguousRoleResolution: 'Deny', RulesConfiguration: { Rules: rules } },
    });
  });

  async function credentialsOf(username: string, opts: { pool?: string; customRoleArn?: string } = {}) {
    const logins = staff.logins(await staff.idToken(username));
    const IdentityPoolId = opts.pool ?? pool;
    const { IdentityId } = await w.identity.send(new GetIdCommand({ IdentityPoolId, Logins: logins }));
    return w.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins, CustomRoleArn: opts.customRoleArn }));
  }

  async function roleOf(username: string, opts: { pool?: string; customRoleArn?: string } = {}) {
    const c = (await credentialsOf(username, opts)).Credentials!;
    const arn = (await w.stsAs(c).send(new GetCallerIdentityCommand({}))).Arn!;
    return /assumed-role\/rules-([\w-]+)\//.exec(arn)![1];
  }

  test.each([
    ['alice: Equals on a custom attribute and Contains on cognito:groups both match; the first rule wins', 'alice', 'eng'],
    ['bob: StartsWith and NotEqual both match; the first of them wins', 'bob', 'sales'],
    ['dave: NotEqual on a present claim matches', 'dave', 'other'],
    ['carol: no dept, so the NotEqual rule is not evaluated; no match → AuthenticatedRole', 'carol', 'default'],
  ])('%s', async (_label, user, expected) => {
    expect(await roleOf(user)).toBe(expected);
  });

  test('CustomRoleArn picks the role of another matching rule (CG: "…unless CustomRoleArn is specified to override the order")', async () => {
    expect(await roleOf('alice', { customRoleArn: role.admin })).toBe('admin');
  });

  test('no match with AmbiguousRoleResolution Deny → NotAuthorizedException [obs, aws-contract.md §2]', async () => {
    expect(await rejection(credentialsOf('carol', { pool: denyPool }))).toEqual({
      name: 'NotAuthorizedException',
      status: 400,
      message: `The ambiguous role mapping rules for: ${staff.provider} denied this request.`,
    });
  });

  test('more than 25 rules are refused (CG: "you can create up to 25 rules")', async () => {
    const many = Array.from({ length: 26 }, (_, i) => ({ ...rules[0], Value: `dept-${i}` }));
    const refused = await rejection(
      w.identity.send(
        new SetIdentityPoolRolesCommand({
          IdentityPoolId: pool,
          Roles: { authenticated: role.default },
          RoleMappings: { [`${staff.provider}:${staff.clientId}`]: { Type: 'Rules', AmbiguousRoleResolution: 'Deny', RulesConfiguration: { Rules: many } } },
        }),
      ),
    );
    expect([refused.name, refused.status]).toEqual(['InvalidParameterException', 400]);
  });
});

describe('identity linking', () => {
  let a: UserPoolHandle;
  let b: UserPoolHandle;
  let outsider: UserPoolHandle;
  let pool: string;

  beforeAll(async () => {
    a = await w.userPool('idchain-link-a', { alice: {}, bob: {} });
    b = await w.userPool('idchain-link-b', { 'alice-b': {} });
    outsider = await w.userPool('idchain-link-outsider', { eve: {} });
    pool = await w.identityPool({ name: 'idchain linking', allowGuests: false, classic: true, providers: [a, b] });
  });

  const getId = (Logins: Record<string, string>, IdentityPoolId = pool) => w.identity.send(new GetIdCommand({ IdentityPoolId, Logins }));

  test('the same user signing in twice gets the same IdentityId (CI-API GetId)', async () => {
    const first = await getId(a.logins(await a.idToken('alice')));
    w.clock.advance(60_000);
    const second = await getId(a.logins(await a.idToken('alice')));
    expect(second.IdentityId).toBe(first.IdentityId);
  });

  test('a second user of a provider the identity is linked to → ResourceConflictException (CG "Identity pools authentication flow")', async () => {
    const alice = { ...a.logins(await a.idToken('alice')), ...b.logins(await b.idToken('alice-b')) };
    const { IdentityId } = await getId(alice);
    const bobWithAlicesB = { ...a.logins(await a.idToken('bob')), ...b.logins(await b.idToken('alice-b')) };
    expect((await rejection(getId(bobWithAlicesB))).name).toBe('ResourceConflictException');
    expect((await rejection(w.identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins: bobWithAlicesB })))).name).toBe(
      'ResourceConflictException',
    );
  });

  test('a login linked to another identity merges the two; GetOpenIdToken answers the parent and both logins find it (CG "Merging identities")', async () => {
    const aliceA = a.logins(await a.idToken('alice'));
    const aliceB = b.logins(await b.idToken('alice-b'));
    // Start from two separate identities.
    await w.identity.send(new UnlinkIdentityCommand({ IdentityId: (await getId(aliceA)).IdentityId, Logins: aliceA, LoginsToRemove: [b.provider] }));
    const first = (await getId(aliceA)).IdentityId!;
    const second = (await getId(aliceB)).IdentityId!;
    expect(second).not.toBe(first);
    const merged = await w.identity.send(new GetOpenIdTokenCommand({ IdentityId: first, Logins: { ...aliceA, ...aliceB } }));
    expect([first, second]).toContain(merged.IdentityId);
    expect((await getId(aliceA)).IdentityId).toBe(merged.IdentityId);
    expect((await getId(aliceB)).IdentityId).toBe(merged.IdentityId);
  });

  test('a guest presenting a login another identity owns is merged into it: the answer names the authenticated identity', async () => {
    const guestPool = await w.identityPool({ name: 'idchain linking guests', allowGuests: true, providers: [a] });
    await w.setRoles(guestPool, { authenticated: (await w.role('linking-auth', identityPoolTrust(guestPool, 'authenticated'))).arn });
    const bob = a.logins(await a.idToken('bob'));
    const owner = (await getId(bob, guestPool)).IdentityId!;
    const { IdentityId: guest } = await w.identity.send(new GetIdCommand({ IdentityPoolId: guestPool }));
    const answer = await w.identity.send(new GetCredentialsForIdentityCommand({ IdentityId: guest, Logins: bob }));
    expect(answer.IdentityId).toBe(owner);
  });

  test('UnlinkIdentity removes a login: it maps to a new identity next time (CI-API UnlinkIdentity)', async () => {
    const aliceA = a.logins(await a.idToken('alice'));
    const aliceB = b.logins(await b.idToken('alice-b'));
    const { IdentityId } = await getId({ ...aliceA, ...aliceB });
    await w.identity.send(new UnlinkIdentityCommand({ IdentityId, Logins: aliceA, LoginsToRemove: [b.provider] }));
    expect((await getId(aliceB)).IdentityId).not.toBe(IdentityId);
    expect((await getId(aliceA)).IdentityId).toBe(IdentityId);
  });

  test('unknown pool → ResourceNotFoundException "IdentityPool \'<id>\' not found." [obs]', async () => {
    const missing = 'us-east-1:00000000-0000-4000-8000-000000000000';
    expect(await rejection(getId(a.logins(await a.idToken('alice')), missing))).toEqual({
      name: 'ResourceNotFoundException',
      status: 400,
      message: `IdentityPool '${missing}' not found.`,
    });
  });

  test.each(['GetCredentialsForIdentity', 'GetOpenIdToken'])('unknown identity → %s answers ResourceNotFoundException', async (op) => {
    const missing = 'us-east-1:00000000-0000-4000-8000-00000000abcd';
    const send = op === 'GetOpenIdToken' ? w.identity.send(new GetOpenIdTokenCommand({ IdentityId: missing })) : w.identity.send(new GetCredentialsForIdentityCommand({ IdentityId: missing }));
    expect(await rejection(send)).toEqual({ name: 'ResourceNotFoundException', status: 400, message: `Identity '${missing}' not found.` });
  });

  test('a login from a user pool the identity pool does not trust → NotAuthorizedException [obs: amazon-cognito-identity-js#153]', async () => {
    expect(await rejection(getId(outsider.logins(await outsider.idToken('eve'))))).toEqual({
      name: 'NotAuthorizedException',
      status: 400,
      message: 'Token is not from a supported provider of this identity pool.',
    });
  });
});
