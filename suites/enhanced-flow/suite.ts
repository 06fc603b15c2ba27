import { defineSuite } from '../../harness';
import {
  CG_AUTH_FLOW,
  CG_GROUPS,
  CG_ID_TOKEN,
  CG_RBAC,
  CG_ROLE_TRUST,
  CI_CREDENTIALS,
  CI_GET_CREDENTIALS,
  COGNITO_ROLES_TYPE,
  IAM_IDENTIFIERS,
  NO_GROUP_DENIED_INFERRED,
  STS_GET_CALLER_IDENTITY,
  UP_CREATE_GROUP,
  UP_INITIATE_AUTH,
  cite,
  observed,
  observedAt,
} from '../citations';
import { enhancedFixture } from './fixture';
import { signInAs, whoAmI } from '../steps';
import { credentialsThrough, expectRole, rolesClaim } from './steps';

const RBAC = CG_RBAC;
const PRECEDENCE = [cite(UP_CREATE_GROUP, 'lower Precedence wins, 0 highest'), CG_GROUPS];
const AMBIGUOUS_DENIED = observed('NotAuthorizedException "The ambiguous role mapping rules for: <provider> denied this request."');
const BAD_POOL_CONFIG = observed('InvalidIdentityPoolConfigurationException "Invalid identity pool configuration. Check assigned IAM roles for this pool."');
const SESSION_NAME_OBSERVED = observedAt(
  'enhanced-flow sessions are named CognitoIdentityCredentials, and role ids are 21 characters: "AssumedRoleId": "AROARK7LBOHXASFTNOIZG:CognitoIdentityCredentials"',
  'AWS CLI output in write-ups of Wiz "Big IAM Challenge" challenge 6 (the same role id with session example_session_name: reumachoi/The-Big-IAM-Challenge-Solutions solution_6.md)',
  'https://github.com/reumachoi/The-Big-IAM-Challenge-Solutions/blob/main/solution_6.md',
);

export const enhancedFlowSuite = defineSuite({
  name: 'enhanced-flow',
  title: 'Enhanced (simplified) identity-pool flow with role-based access control',
  services: ['cognito-idp', 'cognito-identity', 'sts', 'iam'],
  fixture: enhancedFixture,
  cases: [
    {
      id: 'enhanced/editor-gets-editor-role',
      title: 'A user in the editor group gets the editor role',
      citations: [CG_RBAC, CG_ID_TOKEN, COGNITO_ROLES_TYPE],
      async run(ctx) {
        const { claims } = await expectRole(ctx, 'erin', 'main', 'editor', RBAC);
        ctx.expect.equal('idToken.cognito:preferred_role', claims['cognito:preferred_role'], ctx.fx.role('editor').arn, RBAC);
        ctx.expect.equal('idToken.cognito:roles', rolesClaim(claims), [ctx.fx.role('editor').arn], [CG_ID_TOKEN, COGNITO_ROLES_TYPE]);
      },
    },
    {
      id: 'enhanced/admin-gets-preferred-role',
      title: "An admin gets the admin role through cognito:preferred_role under Token mapping",
      citations: [CG_RBAC, CG_ID_TOKEN],
      async run(ctx) {
        const { claims } = await expectRole(ctx, 'alice', 'main', 'admin', RBAC);
        ctx.expect.equal('idToken.cognito:preferred_role', claims['cognito:preferred_role'], ctx.fx.role('admin').arn, RBAC);
        ctx.expect.equal('idToken.cognito:groups.includes(admin)', (claims['cognito:groups'] as string[] | undefined)?.includes('admin'), true, CG_ID_TOKEN);
      },
    },
    {
      id: 'enhanced/lowest-precedence-wins',
      title: 'A user in admin (precedence 1) and editor (precedence 10) gets admin: the lower number wins',
      citations: [CG_GROUPS, CG_RBAC, COGNITO_ROLES_TYPE],
      async run(ctx) {
        const { claims } = await expectRole(ctx, 'bob', 'main', 'admin', PRECEDENCE);
        ctx.expect.equal('idToken.cognito:preferred_role', claims['cognito:preferred_role'], ctx.fx.role('admin').arn, PRECEDENCE);
        ctx.expect.equal('idToken.cognito:roles', rolesClaim(claims), [ctx.fx.role('admin').arn, ctx.fx.role('editor').arn].sort(), [RBAC, COGNITO_ROLES_TYPE]);
        // The order of cognito:groups is not documented: the golden records it, nothing asserts it.
        ctx.expect.equal('idToken.cognito:groups (sorted)', [...((claims['cognito:groups'] as string[]) ?? [])].sort(), ['admin', 'editor'], CG_ID_TOKEN);
      },
    },
    {
      id: 'enhanced/tie-different-roles-no-preferred-role',
      title: 'Equal precedence with different roles gives no cognito:preferred_role; AuthenticatedRole falls back to the default role',
      citations: [CG_RBAC, CG_GROUPS, COGNITO_ROLES_TYPE],
      async run(ctx) {
        const { claims } = await expectRole(ctx, 'tess', 'main', 'editor', cite(RBAC, 'ambiguous → AmbiguousRoleResolution AuthenticatedRole'));
        ctx.expect.absent('idToken.cognito:preferred_role', claims['cognito:preferred_role'], cite(RBAC, 'equal precedence with different roles sets no preferred role'));
        ctx.expect.equal('idToken.cognito:roles', rolesClaim(claims), [ctx.fx.role('admin').arn, ctx.fx.role('editor').arn].sort(), [RBAC, COGNITO_ROLES_TYPE]);
      },
    },
    {
      id: 'enhanced/tie-different-roles-denied',
      title: 'Equal precedence with different roles is refused when AmbiguousRoleResolution is Deny',
      citations: [CG_RBAC, AMBIGUOUS_DENIED],
      async run(ctx) {
        const { idToken } = await signInAs(ctx, 'tess');
        await ctx.expect.error(
          'GetCredentialsForIdentity',
          credentialsThrough(ctx, 'deny', idToken),
          { name: 'NotAuthorizedException', message: /^The ambiguous role mapping rules for: .+ denied this request\.$/ },
          [RBAC, AMBIGUOUS_DENIED],
        );
      },
    },
    {
      id: 'enhanced/tie-same-role-is-preferred',
      title: 'Equal precedence with the same role makes that role the preferred role',
      citations: [CG_RBAC],
      async run(ctx) {
        const { claims } = await expectRole(ctx, 'sam', 'deny', 'editor', RBAC);
        ctx.expect.equal('idToken.cognito:preferred_role', claims['cognito:preferred_role'], ctx.fx.role('editor').arn, RBAC);
      },
    },
    {
      id: 'enhanced/no-group-gets-default-role',
      title: 'A user in no group gets the default authenticated role under AuthenticatedRole, and a token without role claims',
      citations: [CG_RBAC, CG_ID_TOKEN],
      async run(ctx) {
        const { claims } = await expectRole(ctx, 'nora', 'main', 'editor', RBAC);
        ctx.expect.absent('idToken.cognito:roles', claims['cognito:roles'], cite(CG_ID_TOKEN, 'roles only when the user has a group role'));
        ctx.expect.absent('idToken.cognito:preferred_role', claims['cognito:preferred_role'], RBAC);
      },
    },
    {
      id: 'enhanced/no-group-denied',
      title: 'A user in no group is refused when AmbiguousRoleResolution is Deny',
      citations: [CG_RBAC, AMBIGUOUS_DENIED, NO_GROUP_DENIED_INFERRED],
      async run(ctx) {
        const { idToken } = await signInAs(ctx, 'nora');
        await ctx.expect.error('GetCredentialsForIdentity', credentialsThrough(ctx, 'deny', idToken), {
          name: 'NotAuthorizedException',
          message: /^The ambiguous role mapping rules for: .+ denied this request\.$/,
        }, [RBAC, AMBIGUOUS_DENIED, NO_GROUP_DENIED_INFERRED]);
      },
    },
    {
      id: 'enhanced/custom-role-in-token-honoured',
      title: 'CustomRoleArn naming a role in cognito:roles is honoured over the preferred role',
      citations: [CG_RBAC, CI_GET_CREDENTIALS],
      async run(ctx) {
        await expectRole(ctx, 'bob', 'deny', 'editor', cite(RBAC, 'CustomRoleArn in cognito:roles'), 'editor');
      },
    },
    {
      id: 'enhanced/custom-role-outside-token-refused',
      title: 'CustomRoleArn naming a role not in cognito:roles is refused',
      citations: [CG_RBAC, CI_GET_CREDENTIALS],
      async run(ctx) {
        const { idToken } = await signInAs(ctx, 'erin');
        // AWS documents the refusal but not its error name: any refusal passes, the golden records which.
        await ctx.expect.error('GetCredentialsForIdentity', credentialsThrough(ctx, 'main', idToken, ctx.fx.role('admin').arn), {}, cite(RBAC, 'CustomRoleArn must be in cognito:roles'));
      },
    },
    {
      id: 'enhanced/credentials-last-one-hour',
      title: 'Enhanced-flow credentials last one hour and carry SecretKey, not SecretAccessKey',
      citations: [CI_CREDENTIALS, CG_AUTH_FLOW],
      async run(ctx) {
        const { idToken } = await signInAs(ctx, 'erin');
        const before = Date.now();
        const { credentials } = await ctx.expect.succeeds('GetCredentialsForIdentity', credentialsThrough(ctx, 'main', idToken));
        ctx.expect.lifetime('GetCredentialsForIdentity.Credentials.lifetimeSeconds', credentials.expiration, before, 3600, cite(CG_AUTH_FLOW, 'enhanced-flow credentials last 1 hour'));
        ctx.expect.match('GetCredentialsForIdentity.Credentials.AccessKeyId', credentials.accessKeyId, /^ASIA[A-Z0-9]{16}$/, cite(IAM_IDENTIFIERS, 'temporary keys start ASIA'));
      },
    },
    {
      id: 'enhanced/trust-for-another-pool-refused',
      title: "A role whose trust policy names another identity pool gives InvalidIdentityPoolConfigurationException",
      citations: [CG_ROLE_TRUST, BAD_POOL_CONFIG],
      async run(ctx) {
        const { idToken } = await signInAs(ctx, 'nora');
        await ctx.expect.error('GetCredentialsForIdentity', credentialsThrough(ctx, 'misconfigured', idToken), {
          name: 'InvalidIdentityPoolConfigurationException',
          message: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
        }, [CG_ROLE_TRUST, BAD_POOL_CONFIG]);
      },
    },
    {
      id: 'enhanced/caller-identity-names-role',
      title: 'GetCallerIdentity with the credentials names assumed-role/<role>/CognitoIdentityCredentials',
      citations: [STS_GET_CALLER_IDENTITY, IAM_IDENTIFIERS, SESSION_NAME_OBSERVED],
      async run(ctx) {
        const { idToken } = await signInAs(ctx, 'alice');
        const { credentials } = await ctx.expect.succeeds('GetCredentialsForIdentity', credentialsThrough(ctx, 'main', idToken));
        const { who, assumed } = await whoAmI(ctx, credentials);
        ctx.expect.equal('GetCallerIdentity.Arn.role', assumed?.roleName, ctx.fx.role('admin').name, IAM_IDENTIFIERS);
        ctx.expect.equal('GetCallerIdentity.Arn.session', assumed?.sessionName, 'CognitoIdentityCredentials', SESSION_NAME_OBSERVED);
        ctx.expect.equal('GetCallerIdentity.Account', who.account, ctx.fx.role('admin').arn.split(':')[4], STS_GET_CALLER_IDENTITY);
        ctx.expect.match('GetCallerIdentity.UserId', who.userId, /^AROA[A-Z0-9]{17}:CognitoIdentityCredentials$/, cite(IAM_IDENTIFIERS, 'unique ids are 21 characters (AIDAJQABLZS4A3QDU576Q), role ids start AROA; UserId is <RoleId>:<session> [obs: AROARK7LBOHXASFTNOIZG:CognitoIdentityCredentials]'));
      },
    },
    {
      id: 'enhanced/admin-auth-flow-same-role',
      title: 'Signing in with ADMIN_USER_PASSWORD_AUTH yields the same role as USER_PASSWORD_AUTH',
      citations: [UP_INITIATE_AUTH, CG_RBAC],
      async run(ctx) {
        const { idToken, claims } = await signInAs(ctx, 'alice', { flow: 'ADMIN_USER_PASSWORD_AUTH' });
        ctx.expect.equal('idToken.cognito:preferred_role', claims['cognito:preferred_role'], ctx.fx.role('admin').arn, RBAC);
        const { credentials } = await ctx.expect.succeeds('GetCredentialsForIdentity', credentialsThrough(ctx, 'main', idToken));
        const { assumed } = await whoAmI(ctx, credentials);
        ctx.expect.equal('GetCallerIdentity.Arn.role', assumed?.roleName, ctx.fx.role('admin').name, RBAC);
      },
    },
  ],
});
