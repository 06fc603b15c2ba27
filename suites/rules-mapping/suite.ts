import { defineSuite, setRulesMapping, type CaseContext } from '../../harness';
import { credentialsThrough, expectRole, signInAs } from '../steps';
import { CG_RBAC, CI_GET_CREDENTIALS, CI_ROLE_MAPPING, CI_SET_IDENTITY_POOL_ROLES, CONTAINS_ON_LIST_INFERRED, cite, observed } from '../citations';
import { RULES, rulesMappingFixture } from './fixture';

const RBAC = cite(CG_RBAC, 'rule-based mapping');
const AMBIGUOUS_DENIED = observed('NotAuthorizedException "The ambiguous role mapping rules for: <provider> denied this request."');

/** Sign a `main` user in and get credentials through one of the fixture's identity pools. */
async function credentialsFor(ctx: CaseContext, user: string, pool: string) {
  const { idToken } = await signInAs(ctx, user);
  return credentialsThrough(ctx, pool, idToken);
}

/** `n` distinct rules for the limit cases, all mapping to the default role. */
function manyRules(ctx: CaseContext, n: number) {
  return Array.from({ length: n }, (_, i) => ({ claim: 'custom:department', match: 'Equals' as const, value: `team-${i + 1}`, roleArn: ctx.fx.role('fallback').arn }));
}

function setLimitRules(ctx: CaseContext, n: number) {
  const { fx } = ctx;
  return setRulesMapping(ctx.clients.identity, {
    identityPoolId: fx.identityPool('limits').id,
    roles: { authenticated: fx.role('fallback').arn },
    provider: `${fx.userPool('main').providerName}:${fx.client('main', 'web').id}`,
    ambiguous: 'AuthenticatedRole',
    rules: manyRules(ctx, n),
  });
}

const rule = (i: number) => `rule ${i} (${RULES[i - 1].claim} ${RULES[i - 1].match} ${RULES[i - 1].value})`;

export const rulesMappingSuite = defineSuite({
  name: 'rules-mapping',
  title: 'Rules-based role mapping on ID-token claims: match types, order, ambiguity, CustomRoleArn, limits',
  services: ['cognito-idp', 'cognito-identity', 'sts', 'iam'],
  fixture: rulesMappingFixture,
  cases: [
    {
      id: 'rules/equals-custom-attribute',
      title: `Equals on a custom attribute: department finance gets the finance role (${rule(1)})`,
      citations: [CG_RBAC, CI_ROLE_MAPPING],
      async run(ctx) {
        await expectRole(ctx, 'fiona', 'rules', 'finance', cite(RBAC, `Equals`));
      },
    },
    {
      id: 'rules/equals-is-exact',
      title: 'Equals does not match a longer value: department finances matches no rule and gets the default role',
      citations: [CG_RBAC, CI_ROLE_MAPPING],
      async run(ctx) {
        await expectRole(ctx, 'fran', 'rules', 'fallback', cite(RBAC, `Equals; no match → AmbiguousRoleResolution AuthenticatedRole`));
      },
    },
    {
      id: 'rules/contains-groups-claim',
      title: `Contains on cognito:groups: a member of auditors gets the auditor role (${rule(2)})`,
      citations: [CG_RBAC, CI_ROLE_MAPPING, CONTAINS_ON_LIST_INFERRED],
      async run(ctx) {
        await expectRole(ctx, 'aaron', 'rules', 'auditor', [cite(RBAC, `Contains`), CONTAINS_ON_LIST_INFERRED]);
      },
    },
    {
      id: 'rules/starts-with-custom-attribute',
      title: `StartsWith on a custom attribute: department engineering-platform gets the engineering role (${rule(3)})`,
      citations: [CG_RBAC, CI_ROLE_MAPPING],
      async run(ctx) {
        await expectRole(ctx, 'enzo', 'rules', 'engineering', cite(RBAC, `StartsWith`));
      },
    },
    {
      id: 'rules/not-equal-other-value',
      title: `NotEqual holds for another value: tier gold gets the premium role (${rule(4)})`,
      citations: [CG_RBAC, CI_ROLE_MAPPING],
      async run(ctx) {
        await expectRole(ctx, 'priya', 'rules', 'premium', cite(RBAC, `NotEqual`));
      },
    },
    {
      id: 'rules/not-equal-same-value-no-match',
      title: 'NotEqual fails for the same value: tier basic matches no rule and gets the default authenticated role',
      citations: [CG_RBAC, CI_ROLE_MAPPING],
      async run(ctx) {
        await expectRole(ctx, 'basil', 'rules', 'fallback', cite(RBAC, `no match → AmbiguousRoleResolution AuthenticatedRole`));
      },
    },
    {
      id: 'rules/not-equal-missing-claim-skipped',
      title: 'A NotEqual rule on a claim the token lacks is not evaluated: a user without tier does not get premium',
      citations: [CG_RBAC],
      async run(ctx) {
        await expectRole(ctx, 'nadia', 'rules', 'fallback', cite(RBAC, `"If the match type is NotEqual and the claim doesn't exist, the rule is not evaluated"`));
      },
    },
    {
      id: 'rules/first-match-wins',
      title: 'Rules are evaluated in order and the first match wins: finance and auditors gets finance (rule 1), not auditor (rule 2)',
      citations: [CG_RBAC],
      async run(ctx) {
        await expectRole(ctx, 'felix', 'rules', 'finance', cite(RBAC, `"the IAM role for the first matching rule is used"`));
      },
    },
    {
      id: 'rules/no-match-denied',
      title: 'No matching rule with AmbiguousRoleResolution Deny is refused with NotAuthorizedException',
      citations: [CG_RBAC, CI_ROLE_MAPPING, AMBIGUOUS_DENIED],
      async run(ctx) {
        await ctx.expect.error(
          'GetCredentialsForIdentity',
          credentialsFor(ctx, 'nadia', 'rules-deny'),
          { name: 'NotAuthorizedException', message: /^The ambiguous role mapping rules for: .+ denied this request\.$/ },
          [cite(RBAC, 'no match → AmbiguousRoleResolution Deny'), AMBIGUOUS_DENIED],
        );
      },
    },
    {
      id: 'rules/custom-role-overrides-order',
      title: 'CustomRoleArn naming the role of a later matching rule overrides the order',
      citations: [CG_RBAC, CI_GET_CREDENTIALS],
      async run(ctx) {
        await expectRole(ctx, 'felix', 'rules', 'auditor', cite(RBAC, `"…unless CustomRoleArn is specified to override the order"`), 'auditor');
      },
    },
    {
      id: 'rules/25-rules-accepted',
      title: 'SetIdentityPoolRoles accepts a Rules mapping with 25 rules',
      citations: [CG_RBAC, CI_SET_IDENTITY_POOL_ROLES],
      async run(ctx) {
        await ctx.expect.succeeds('SetIdentityPoolRoles', setLimitRules(ctx, 25), cite(CG_RBAC, '"you can create up to 25 rules"'));
      },
    },
    {
      id: 'rules/26-rules-refused',
      title: 'SetIdentityPoolRoles refuses a Rules mapping with 26 rules',
      citations: [CG_RBAC, CI_SET_IDENTITY_POOL_ROLES],
      async run(ctx) {
        // AWS documents the limit, not the error: any refusal passes and the golden records which one.
        await ctx.expect.error('SetIdentityPoolRoles', setLimitRules(ctx, 26), {}, cite(CG_RBAC, '"you can create up to 25 rules"'));
      },
    },
  ],
});
