import type { FixtureSpec, RoleMappingSpec } from '../../harness';
import { readyThroughIdentityPool } from '../steps';

const trustsRulePools = { identityPools: ['rules', 'rules-deny', 'limits'], amr: 'authenticated' as const };

/**
 * The ordered rules both mapped pools use. Each rule is matched by exactly one
 * kind of user below, except `felix`, who matches rules 1 and 2 so that the
 * order decides. Contains is the match type used on `cognito:groups`, a
 * multi-valued claim: how AWS compares a list with Equals is not documented,
 * while "contains auditors" holds however the list is rendered.
 */
export const RULES: Extract<RoleMappingSpec, { type: 'Rules' }>['rules'] = [
  { claim: 'custom:department', match: 'Equals', value: 'finance', role: 'finance' },
  { claim: 'cognito:groups', match: 'Contains', value: 'auditors', role: 'auditor' },
  { claim: 'custom:department', match: 'StartsWith', value: 'eng', role: 'engineering' },
  { claim: 'custom:tier', match: 'NotEqual', value: 'basic', role: 'premium' },
];

/**
 * Rules-based role mapping on ID-token claims: a custom attribute
 * (`custom:department`, `custom:tier`) and `cognito:groups`. `rules` resolves
 * ambiguity to the default authenticated role `fallback`, `rules-deny` denies;
 * `limits` is left for the case that checks the 25-rule limit.
 */
export const rulesMappingFixture: FixtureSpec = {
  roles: {
    finance: { trust: trustsRulePools },
    auditor: { trust: trustsRulePools },
    engineering: { trust: trustsRulePools },
    premium: { trust: trustsRulePools },
    fallback: { trust: trustsRulePools },
  },
  userPools: {
    main: {
      clients: { web: { authFlows: ['USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH'] } },
      customAttributes: ['department', 'tier'],
      groups: { auditors: {} },
      users: {
        fiona: { attributes: { 'custom:department': 'finance' } },
        felix: { attributes: { 'custom:department': 'finance' }, groups: ['auditors'] },
        aaron: { groups: ['auditors'] },
        enzo: { attributes: { 'custom:department': 'engineering-platform' } },
        fran: { attributes: { 'custom:department': 'finances' } },
        priya: { attributes: { 'custom:tier': 'gold' } },
        basil: { attributes: { 'custom:tier': 'basic' } },
        nadia: {},
      },
    },
  },
  identityPools: {
    rules: {
      providers: [{ userPool: 'main', client: 'web' }],
      roles: { authenticated: 'fallback' },
      roleMappings: [{ userPool: 'main', client: 'web', type: 'Rules', ambiguous: 'AuthenticatedRole', rules: RULES }],
    },
    'rules-deny': {
      providers: [{ userPool: 'main', client: 'web' }],
      roles: { authenticated: 'fallback' },
      roleMappings: [{ userPool: 'main', client: 'web', type: 'Rules', ambiguous: 'Deny', rules: RULES }],
    },
    limits: {
      providers: [{ userPool: 'main', client: 'web' }],
      roles: { authenticated: 'fallback' },
    },
  },
  // Propagation check: a user matching no rule gets the default role through `rules`.
  ready: readyThroughIdentityPool('nadia', 'rules'),
};
