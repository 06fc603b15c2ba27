import { ruleMatches, selectRole, tokenRoles, type RoleSelectionInput } from './role-selection';
import type { MappingRule, RoleMapping } from './state';

const ACCT = '123456789012';
const arn = (name: string) => `arn:aws:iam::${ACCT}:role/${name}`;
const AUTH = arn('auth');
const UNAUTH = arn('unauth');
const ADMIN = arn('admin');
const READER = arn('reader');
const PROVIDER = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123';

const tokenMapping = (ambiguous: RoleMapping['AmbiguousRoleResolution']): RoleMapping => ({
  Type: 'Token',
  AmbiguousRoleResolution: ambiguous,
});
const rulesMapping = (ambiguous: RoleMapping['AmbiguousRoleResolution'], rules: MappingRule[]): RoleMapping => ({
  Type: 'Rules',
  AmbiguousRoleResolution: ambiguous,
  RulesConfiguration: { Rules: rules },
});
const rule = (Claim: string, MatchType: MappingRule['MatchType'], Value: string, RoleARN: string): MappingRule => ({
  Claim,
  MatchType,
  Value,
  RoleARN,
});

const base: RoleSelectionInput = { allowUnauthenticated: true, roles: { authenticated: AUTH, unauthenticated: UNAUTH } };
const login = (claims: Record<string, unknown>) => ({ provider: PROVIDER, claims });
const AMBIGUOUS_DENIED = `The ambiguous role mapping rules for: ${PROVIDER} denied this request.`;
const INVALID_CONFIG = 'Invalid identity pool configuration. Check assigned IAM roles for this pool.';

type Expect = { role: string } | { error: string; message?: string | RegExp };

interface Row {
  name: string;
  /** Where the expected answer comes from. */
  source: string;
  input: RoleSelectionInput;
  expect: Expect;
}

const rows: Row[] = [
  // Guests
  {
    name: 'guest gets the unauthenticated role',
    source: 'aws-contract.md §2 Flows, Guest [doc]',
    input: base,
    expect: { role: UNAUTH },
  },
  {
    name: 'guest refused when the pool does not allow unauthenticated identities',
    source: 'aws-contract.md §2 Flows, Guest [obs] "Unauthenticated access is not supported for this identity pool."',
    input: { ...base, allowUnauthenticated: false },
    expect: { error: 'NotAuthorizedException', message: 'Unauthenticated access is not supported for this identity pool.' },
  },
  {
    name: 'guest with no unauthenticated role configured',
    source: 'CI-API InvalidIdentityPoolConfigurationException "no role associated for the given auth type"; message aws-contract.md §2 [obs]',
    input: { ...base, roles: { authenticated: AUTH } },
    expect: { error: 'InvalidIdentityPoolConfigurationException', message: INVALID_CONFIG },
  },
  // No mapping
  {
    name: 'authenticated user without a RoleMapping gets the authenticated role',
    source: 'aws-contract.md §2 Role selection; CG "Using role-based access control" (default authenticated role)',
    input: { ...base, login: login({ 'cognito:preferred_role': ADMIN }) },
    expect: { role: AUTH },
  },
  {
    name: 'authenticated user without a RoleMapping and no authenticated role',
    source: 'CI-API InvalidIdentityPoolConfigurationException',
    input: { ...base, roles: { unauthenticated: UNAUTH }, login: login({}) },
    expect: { error: 'InvalidIdentityPoolConfigurationException', message: INVALID_CONFIG },
  },
  // Token
  {
    name: 'Token: CustomRoleArn in cognito:roles wins over preferred_role',
    source: 'aws-contract.md §2 Role selection, Token (1)',
    input: {
      ...base,
      mapping: tokenMapping('Deny'),
      customRoleArn: READER,
      login: login({ 'cognito:roles': [ADMIN, READER], 'cognito:preferred_role': ADMIN }),
    },
    expect: { role: READER },
  },
  {
    name: 'Token: CustomRoleArn not in cognito:roles is denied',
    source: 'aws-contract.md §2 Role selection, Token (1) "given but not in the list → denied"',
    input: {
      ...base,
      mapping: tokenMapping('AuthenticatedRole'),
      customRoleArn: arn('other'),
      login: login({ 'cognito:roles': [ADMIN], 'cognito:preferred_role': ADMIN }),
    },
    expect: { error: 'NotAuthorizedException' },
  },
  {
    name: 'Token: CustomRoleArn with no cognito:roles claim is denied',
    source: 'aws-contract.md §2 Role selection, Token (1)',
    input: { ...base, mapping: tokenMapping('AuthenticatedRole'), customRoleArn: ADMIN, login: login({}) },
    expect: { error: 'NotAuthorizedException' },
  },
  {
    name: 'Token: mutant custom-role-unchecked honours a CustomRoleArn outside cognito:roles',
    source: 'emulator/mutants.ts custom-role-unchecked (deliberate departure from aws-contract.md §2 Token (1))',
    input: {
      ...base,
      mapping: tokenMapping('Deny'),
      customRoleArn: arn('other'),
      honourUncheckedCustomRole: true,
      login: login({ 'cognito:roles': [ADMIN] }),
    },
    expect: { role: arn('other') },
  },
  {
    name: 'Token: cognito:roles as the documented comma-separated string',
    source: 'aws-contract.md §1 (docs call cognito:roles comma-separated)',
    input: {
      ...base,
      mapping: tokenMapping('Deny'),
      customRoleArn: READER,
      login: login({ 'cognito:roles': `${ADMIN},${READER}` }),
    },
    expect: { role: READER },
  },
  {
    name: 'Token: cognito:preferred_role when no CustomRoleArn',
    source: 'aws-contract.md §2 Role selection, Token (2)',
    input: {
      ...base,
      mapping: tokenMapping('Deny'),
      login: login({ 'cognito:roles': [ADMIN, READER], 'cognito:preferred_role': READER }),
    },
    expect: { role: READER },
  },
  {
    name: 'Token: no preferred_role, AmbiguousRoleResolution AuthenticatedRole',
    source: 'aws-contract.md §2 Role selection, Token (3)',
    input: { ...base, mapping: tokenMapping('AuthenticatedRole'), login: login({ 'cognito:roles': [ADMIN, READER] }) },
    expect: { role: AUTH },
  },
  {
    name: 'Token: no preferred_role, AmbiguousRoleResolution Deny',
    source: 'aws-contract.md §2 Role selection, Token (3) [obs] "The ambiguous role mapping rules for: <provider> denied this request."',
    input: { ...base, mapping: tokenMapping('Deny'), login: login({ 'cognito:roles': [ADMIN, READER] }) },
    expect: { error: 'NotAuthorizedException', message: AMBIGUOUS_DENIED },
  },
  {
    name: 'Token: user in no group, AuthenticatedRole but no authenticated role configured',
    source: 'CI-API InvalidIdentityPoolConfigurationException',
    input: { ...base, roles: {}, mapping: tokenMapping('AuthenticatedRole'), login: login({}) },
    expect: { error: 'InvalidIdentityPoolConfigurationException', message: INVALID_CONFIG },
  },
  // Rules
  {
    name: 'Rules: the first matching rule wins',
    source: 'aws-contract.md §2 Role selection, Rules "first match wins"',
    input: {
      ...base,
      mapping: rulesMapping('Deny', [
        rule('custom:dept', 'Equals', 'Sales', READER),
        rule('custom:dept', 'StartsWith', 'Sa', ADMIN),
      ]),
      login: login({ 'custom:dept': 'Sales' }),
    },
    expect: { role: READER },
  },
  {
    name: 'Rules: a later rule matches when earlier ones do not',
    source: 'aws-contract.md §2 Role selection, Rules (ordered list)',
    input: {
      ...base,
      mapping: rulesMapping('Deny', [rule('custom:dept', 'Equals', 'HR', READER), rule('custom:dept', 'Contains', 'ale', ADMIN)]),
      login: login({ 'custom:dept': 'Sales' }),
    },
    expect: { role: ADMIN },
  },
  {
    name: 'Rules: NotEqual on a missing claim is not evaluated',
    source: 'aws-contract.md §2 Role selection, Rules "a NotEqual rule on a missing claim is not evaluated"',
    input: {
      ...base,
      mapping: rulesMapping('AuthenticatedRole', [rule('custom:dept', 'NotEqual', 'Sales', ADMIN)]),
      login: login({}),
    },
    expect: { role: AUTH },
  },
  {
    name: 'Rules: NotEqual on a present, different claim matches',
    source: 'CI-API MappingRule MatchType NotEqual; CG "Using role-based access control"',
    input: {
      ...base,
      mapping: rulesMapping('Deny', [rule('custom:dept', 'NotEqual', 'Sales', ADMIN)]),
      login: login({ 'custom:dept': 'HR' }),
    },
    expect: { role: ADMIN },
  },
  {
    name: 'Rules: no match, AmbiguousRoleResolution AuthenticatedRole',
    source: 'aws-contract.md §2 Role selection, Rules "no match → AmbiguousRoleResolution"',
    input: {
      ...base,
      mapping: rulesMapping('AuthenticatedRole', [rule('custom:dept', 'Equals', 'HR', ADMIN)]),
      login: login({ 'custom:dept': 'Sales' }),
    },
    expect: { role: AUTH },
  },
  {
    name: 'Rules: no match, AmbiguousRoleResolution Deny',
    source: 'aws-contract.md §2 Role selection, Rules + Token (3) Deny message [obs]',
    input: {
      ...base,
      mapping: rulesMapping('Deny', [rule('custom:dept', 'Equals', 'HR', ADMIN)]),
      login: login({ 'custom:dept': 'Sales' }),
    },
    expect: { error: 'NotAuthorizedException', message: AMBIGUOUS_DENIED },
  },
  {
    name: 'Rules: CustomRoleArn picks a matching rule other than the first',
    source: 'CG "Using role-based access control": "the first matching rule is used, unless CustomRoleArn is specified to override the order"',
    input: {
      ...base,
      mapping: rulesMapping('Deny', [rule('custom:dept', 'Equals', 'Sales', READER), rule('custom:dept', 'Contains', 'al', ADMIN)]),
      customRoleArn: ADMIN,
      login: login({ 'custom:dept': 'Sales' }),
    },
    expect: { role: ADMIN },
  },
  {
    name: 'Rules: CustomRoleArn of a rule that does not match is denied',
    source: 'CG "Using role-based access control" (CustomRoleArn overrides the order of matching rules only)',
    input: {
      ...base,
      mapping: rulesMapping('AuthenticatedRole', [rule('custom:dept', 'Equals', 'HR', ADMIN)]),
      customRoleArn: ADMIN,
      login: login({ 'custom:dept': 'Sales' }),
    },
    expect: { error: 'NotAuthorizedException' },
  },
];

describe('selectRole', () => {
  test.each(rows)('$name  [$source]', ({ input, expect: want }) => {
    const got = selectRole(input);
    if ('role' in want) {
      expect(got).toEqual(expect.objectContaining({ roleArn: want.role }));
      return;
    }
    expect('error' in got).toBe(true);
    if (!('error' in got)) return;
    expect(got.error.code).toBe(want.error);
    expect(got.error.status).toBe(400); // aws-contract.md §2 Errors: the live service answers 400
    if (want.message !== undefined) expect(got.error.message).toMatch(want.message);
  });

  test('a denied CustomRoleArn names the role and says what was expected', () => {
    const got = selectRole({
      ...base,
      mapping: tokenMapping('AuthenticatedRole'),
      customRoleArn: arn('other'),
      login: login({ 'cognito:roles': [ADMIN] }),
    });
    expect('error' in got && got.error.message).toMatch(arn('other'));
  });
});

describe('ruleMatches', () => {
  const claims = { 'custom:dept': 'Sales', 'cognito:groups': ['admins', 'readers'], level: 3, paid: true };
  test.each([
    // [doc: CI-API MappingRule] single-valued claims
    [rule('custom:dept', 'Equals', 'Sales', ADMIN), true],
    [rule('custom:dept', 'Equals', 'sales', ADMIN), false],
    [rule('custom:dept', 'Contains', 'ale', ADMIN), true],
    [rule('custom:dept', 'StartsWith', 'Sa', ADMIN), true],
    [rule('custom:dept', 'StartsWith', 'al', ADMIN), false],
    [rule('custom:dept', 'NotEqual', 'Sales', ADMIN), false],
    // non-string claims compare by their string form
    [rule('level', 'Equals', '3', ADMIN), true],
    [rule('paid', 'Equals', 'true', ADMIN), true],
    // [undocumented] multi-valued claims: any member
    [rule('cognito:groups', 'Equals', 'admins', ADMIN), true],
    [rule('cognito:groups', 'Contains', 'read', ADMIN), true],
    [rule('cognito:groups', 'StartsWith', 'adm', ADMIN), true],
    [rule('cognito:groups', 'Equals', 'admin', ADMIN), false],
    [rule('cognito:groups', 'NotEqual', 'admins', ADMIN), false],
    [rule('cognito:groups', 'NotEqual', 'owners', ADMIN), true],
    // [doc: CG] missing claims never match, NotEqual included
    [rule('missing', 'Equals', 'x', ADMIN), false],
    [rule('missing', 'NotEqual', 'x', ADMIN), false],
  ] as const)('%o → %s', (r, want) => {
    expect(ruleMatches(r, claims)).toBe(want);
  });
});

describe('tokenRoles', () => {
  test('reads the array real tokens carry and the comma-separated form the docs describe (aws-contract.md §1)', () => {
    expect(tokenRoles({ 'cognito:roles': [ADMIN, READER] })).toEqual([ADMIN, READER]);
    expect(tokenRoles({ 'cognito:roles': `${ADMIN}, ${READER}` })).toEqual([ADMIN, READER]);
    expect(tokenRoles({})).toEqual([]);
  });
});
