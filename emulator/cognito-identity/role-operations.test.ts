import { createIdentityPool } from './pool-operations';
import { getIdentityPoolRoles, setIdentityPoolRoles } from './role-operations';
import { addRole, errorOf, testContext, testState } from './test-support';

const USER_POOL = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123';
const CLIENT = 'client1';
const MAPPING_KEY = `${USER_POOL}:${CLIENT}`;

function setup() {
  const { state } = testState();
  const ctx = testContext(state);
  const pool = createIdentityPool(
    {
      IdentityPoolName: 'p',
      AllowUnauthenticatedIdentities: true,
      CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT }],
    },
    ctx,
  ) as { IdentityPoolId: string };
  const auth = addRole(state, 'auth').arn;
  const unauth = addRole(state, 'unauth').arn;
  const admin = addRole(state, 'admin').arn;
  const set = (input: Record<string, unknown>) => setIdentityPoolRoles({ IdentityPoolId: pool.IdentityPoolId, ...input }, ctx);
  return { state, ctx, poolId: pool.IdentityPoolId, auth, unauth, admin, set };
}

const rule = (roleArn: string, value = 'admins') => ({ Claim: 'cognito:groups', MatchType: 'Contains', Value: value, RoleARN: roleArn });

describe('SetIdentityPoolRoles / GetIdentityPoolRoles', () => {
  test('stores default roles and mappings; GetIdentityPoolRoles answers them (CI-API GetIdentityPoolRoles)', () => {
    const { ctx, poolId, auth, unauth, admin, set } = setup();
    const mappings = {
      [MAPPING_KEY]: { Type: 'Rules', AmbiguousRoleResolution: 'Deny', RulesConfiguration: { Rules: [rule(admin)] } },
    };
    expect(set({ Roles: { authenticated: auth, unauthenticated: unauth }, RoleMappings: mappings })).toEqual({});
    expect(getIdentityPoolRoles({ IdentityPoolId: poolId }, ctx)).toEqual({
      IdentityPoolId: poolId,
      Roles: { authenticated: auth, unauthenticated: unauth },
      RoleMappings: mappings,
    });
  });

  test('a later call replaces the earlier one: omitted RoleMappings are cleared', () => {
    const { ctx, poolId, auth, set } = setup();
    set({ Roles: { authenticated: auth }, RoleMappings: { [MAPPING_KEY]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } } });
    set({ Roles: { authenticated: auth } });
    expect(getIdentityPoolRoles({ IdentityPoolId: poolId }, ctx)).toEqual({ IdentityPoolId: poolId, Roles: { authenticated: auth } });
  });

  test('Roles is required (CI-API SetIdentityPoolRoles)', async () => {
    const { set } = setup();
    expect(await errorOf(() => set({}))).toEqual({
      code: 'ValidationException',
      status: 400,
      message: "1 validation error detected: Value null at 'roles' failed to satisfy constraint: Member must not be null",
    });
  });

  test('Roles keys other than authenticated/unauthenticated are refused (CI-API RoleType (un)?authenticated)', async () => {
    const { set, admin } = setup();
    const err = await errorOf(() => set({ Roles: { admin } }));
    expect(err.code).toBe('ValidationException');
    expect(err.message).toBe(
      `1 validation error detected: Value '{admin=${admin}}' at 'roles' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: (un)?authenticated]`,
    );
  });

  test('a role IAM does not know → NotAuthorizedException "Access to Role \'<arn>\' is forbidden." [obs, aws-contract.md §4]', async () => {
    const { set, state } = setup();
    const ghost = `arn:aws:iam::${state.accountId}:role/ghost`;
    expect(await errorOf(() => set({ Roles: { authenticated: ghost } }))).toEqual({
      code: 'NotAuthorizedException',
      status: 400,
      message: `Access to Role '${ghost}' is forbidden.`,
    });
  });

  test('a rule naming an unknown role is refused the same way', async () => {
    const { set, auth, state } = setup();
    const ghost = `arn:aws:iam::${state.accountId}:role/ghost`;
    const err = await errorOf(() =>
      set({
        Roles: { authenticated: auth },
        RoleMappings: { [MAPPING_KEY]: { Type: 'Rules', AmbiguousRoleResolution: 'Deny', RulesConfiguration: { Rules: [rule(ghost)] } } },
      }),
    );
    expect(err).toEqual({ code: 'NotAuthorizedException', status: 400, message: `Access to Role '${ghost}' is forbidden.` });
  });

  test('a mapping key that is not a configured provider → InvalidParameterException [obs: aws/aws-cdk#7670, #22951]', async () => {
    const { set, auth } = setup();
    const key = `${USER_POOL}:otherclient`;
    expect(await errorOf(() => set({ Roles: { authenticated: auth }, RoleMappings: { [key]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } } }))).toEqual({
      code: 'InvalidParameterException',
      status: 400,
      message: `${key} is not a valid RoleMapping ProviderName or is not a configured provider.`,
    });
  });

  test('the user pool alone (without :<appClientId>) is not a RoleMapping key (CI-API SetIdentityPoolRoles RoleMappings)', async () => {
    const { set, auth } = setup();
    const err = await errorOf(() =>
      set({ Roles: { authenticated: auth }, RoleMappings: { [USER_POOL]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } } }),
    );
    expect(err.code).toBe('InvalidParameterException');
  });

  test('AmbiguousRoleResolution is required for Token and Rules (CI-API RoleMapping)', async () => {
    const { set, auth } = setup();
    const err = await errorOf(() => set({ Roles: { authenticated: auth }, RoleMappings: { [MAPPING_KEY]: { Type: 'Token' } } }));
    expect(err.code).toBe('InvalidParameterException');
    expect(err.message).toContain('AmbiguousRoleResolution');
  });

  test('a Rules mapping needs RulesConfiguration (CI-API RoleMapping)', async () => {
    const { set, auth } = setup();
    const err = await errorOf(() =>
      set({ Roles: { authenticated: auth }, RoleMappings: { [MAPPING_KEY]: { Type: 'Rules', AmbiguousRoleResolution: 'Deny' } } }),
    );
    expect(err.code).toBe('InvalidParameterException');
    expect(err.message).toContain('RulesConfiguration');
  });

  test('25 rules are accepted, 26 are not (CG "Using role-based access control": up to 25 rules per provider)', async () => {
    const { set, auth, admin } = setup();
    const mapping = (n: number) => ({
      [MAPPING_KEY]: {
        Type: 'Rules',
        AmbiguousRoleResolution: 'Deny',
        RulesConfiguration: { Rules: Array.from({ length: n }, (_, i) => rule(admin, `g${i}`)) },
      },
    });
    expect(set({ Roles: { authenticated: auth }, RoleMappings: mapping(25) })).toEqual({});
    const err = await errorOf(() => set({ Roles: { authenticated: auth }, RoleMappings: mapping(26) }));
    expect(err.code).toBe('InvalidParameterException');
    expect(err.message).toContain('25');
  });

  test('an empty rule list violates the model minimum of 1 (CI-API MappingRulesList)', async () => {
    const { set, auth } = setup();
    const err = await errorOf(() =>
      set({
        Roles: { authenticated: auth },
        RoleMappings: { [MAPPING_KEY]: { Type: 'Rules', AmbiguousRoleResolution: 'Deny', RulesConfiguration: { Rules: [] } } },
      }),
    );
    expect(err.code).toBe('ValidationException');
    expect(err.message).toContain('Member must have length greater than or equal to 1');
  });

  test('a MatchType outside the enum is a ValidationException (CI-API MappingRuleMatchType)', async () => {
    const { set, auth, admin } = setup();
    const err = await errorOf(() =>
      set({
        Roles: { authenticated: auth },
        RoleMappings: {
          [MAPPING_KEY]: {
            Type: 'Rules',
            AmbiguousRoleResolution: 'Deny',
            RulesConfiguration: { Rules: [{ ...rule(admin), MatchType: 'Regex' }] },
          },
        },
      }),
    );
    expect(err.code).toBe('ValidationException');
    expect(err.message).toContain('Member must satisfy enum value set: [Equals, Contains, StartsWith, NotEqual]');
  });

  test('more than 10 RoleMappings is refused (CI-API RoleMappingMap max 10)', async () => {
    const { set, auth } = setup();
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, { Type: 'Token', AmbiguousRoleResolution: 'Deny' }]));
    const err = await errorOf(() => set({ Roles: { authenticated: auth }, RoleMappings: many }));
    expect(err.code).toBe('ValidationException');
    expect(err.message).toContain("at 'roleMappings' failed to satisfy constraint: Member must have length less than or equal to 10");
  });

  test('unknown pool → ResourceNotFoundException', async () => {
    const { ctx, auth } = setup();
    const id = 'us-east-1:00000000-0000-0000-0000-000000000000';
    expect(await errorOf(() => setIdentityPoolRoles({ IdentityPoolId: id, Roles: { authenticated: auth } }, ctx))).toEqual({
      code: 'ResourceNotFoundException',
      status: 400,
      message: `IdentityPool '${id}' not found.`,
    });
    expect((await errorOf(() => getIdentityPoolRoles({ IdentityPoolId: id }, ctx))).code).toBe('ResourceNotFoundException');
  });
});
