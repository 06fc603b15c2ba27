import { COGNITO_IDENTITY_ISSUER, decodeClaims, defineSuite, guestCredentials, guestIdentity, openIdToken, type CaseContext } from '../../harness';
import { CG_AUTH_FLOW, CG_ROLE_TRUST, CI_CREATE_IDENTITY_POOL, CI_GET_CREDENTIALS, CI_GET_OPEN_ID_TOKEN, STS_ASSUME_ROLE_WITH_WEB_IDENTITY, OPENID_TOKEN_OBSERVED, ACCESS_DENIED_403_OBSERVED, observed } from '../citations';
import { assumeRole, whoAmI } from '../basic-flow/steps';
import { guestAccessFixture } from './fixture';

const GUEST = 'CG "Identity pools authentication flow": unauthenticated access';
const TRUST = 'CG "Role trust and permissions"';

/** A new guest identity in one of the fixture's pools; the case stops if GetId is refused. */
function newGuest(ctx: CaseContext, pool: string) {
  return ctx.expect.succeeds('GetId', guestIdentity(ctx.clients.identity, { identityPoolId: ctx.fx.identityPool(pool).id }));
}

export const guestAccessSuite = defineSuite({
  name: 'guest-access',
  title: 'Guest (unauthenticated) identities through the enhanced and basic flows',
  services: ['cognito-identity', 'sts', 'iam'],
  fixture: guestAccessFixture,
  cases: [
    {
      id: 'guest/enhanced-flow-unauthenticated-role',
      title: 'GetId and GetCredentialsForIdentity without Logins give the unauthenticated role',
      citations: [CG_AUTH_FLOW, CI_GET_CREDENTIALS, CI_CREATE_IDENTITY_POOL],
      async run(ctx) {
        const identityId = await newGuest(ctx, 'open');
        const { credentials } = await ctx.expect.succeeds(
          'GetCredentialsForIdentity',
          guestCredentials(ctx.clients.identity, { identityPoolId: ctx.fx.identityPool('open').id, identityId }),
        );
        const { assumed } = await whoAmI(ctx, credentials);
        ctx.expect.equal('GetCallerIdentity.Arn.role', assumed?.roleName, ctx.fx.role('guest').name, `${GUEST}; CI-API SetIdentityPoolRoles unauthenticated role`);
      },
    },
    {
      id: 'guest/basic-flow-unauthenticated-role',
      title: 'The basic guest flow gets an OpenID token whose amr is unauthenticated and assumes the unauthenticated role',
      citations: [CG_AUTH_FLOW, CI_GET_OPEN_ID_TOKEN, CG_ROLE_TRUST, STS_ASSUME_ROLE_WITH_WEB_IDENTITY, OPENID_TOKEN_OBSERVED],
      async run(ctx) {
        const identityId = await newGuest(ctx, 'open');
        // "To obtain a token for an unauthenticated identity, you only need the identity ID itself" (CG auth flow).
        const { token } = await ctx.expect.succeeds('GetOpenIdToken', openIdToken(ctx.clients.identity, { identityId }));
        const claims = decodeClaims(token);
        const amr = Array.isArray(claims.amr) ? (claims.amr as unknown[]) : [];
        ctx.expect.equal('openIdToken.amr.includes(unauthenticated)', amr.includes('unauthenticated'), true, `${TRUST}: amr is unauthenticated for a guest`);
        ctx.expect.equal('openIdToken.amr.includes(authenticated)', amr.includes('authenticated'), false, TRUST);
        ctx.expect.equal('openIdToken.aud', claims.aud, ctx.fx.identityPool('open').id, `${TRUST}: aud is the identity pool id`);
        ctx.expect.equal('openIdToken.iss', claims.iss, COGNITO_IDENTITY_ISSUER, `${TRUST}: issued by cognito-identity.amazonaws.com`);
        const sts = await ctx.expect.succeeds('AssumeRoleWithWebIdentity', assumeRole(ctx, 'guest', token));
        const { assumed } = await whoAmI(ctx, sts.credentials);
        ctx.expect.equal('GetCallerIdentity.Arn.role', assumed?.roleName, ctx.fx.role('guest').name, `${TRUST}: the unauthenticated role trusts amr unauthenticated`);
      },
    },
    {
      id: 'guest/disabled-pool-refuses-getid',
      title: 'With AllowUnauthenticatedIdentities false, GetId without Logins is refused with NotAuthorizedException',
      citations: [CI_CREATE_IDENTITY_POOL, CG_AUTH_FLOW, observed('NotAuthorizedException "Unauthenticated access is not supported for this identity pool."')],
      async run(ctx) {
        await ctx.expect.error(
          'GetId',
          guestIdentity(ctx.clients.identity, { identityPoolId: ctx.fx.identityPool('closed').id }),
          { name: 'NotAuthorizedException', message: 'Unauthenticated access is not supported for this identity pool.' },
          'aws-contract.md §2 Guest; name and message [obs]',
        );
      },
    },
    {
      id: 'guest/authenticated-only-role-refuses-guest-enhanced',
      title: 'An unauthenticated role that trusts only authenticated identities gives InvalidIdentityPoolConfigurationException',
      citations: [CG_ROLE_TRUST, CI_GET_CREDENTIALS, observed('InvalidIdentityPoolConfigurationException "Invalid identity pool configuration. Check assigned IAM roles for this pool."')],
      async run(ctx) {
        const identityId = await newGuest(ctx, 'misrouted');
        await ctx.expect.error(
          'GetCredentialsForIdentity',
          guestCredentials(ctx.clients.identity, { identityPoolId: ctx.fx.identityPool('misrouted').id, identityId }),
          { name: 'InvalidIdentityPoolConfigurationException', message: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.' },
          `${TRUST}; aws-contract.md §2 Trust policy: enhanced flow; message [obs]`,
        );
      },
    },
    {
      id: 'guest/authenticated-only-role-refuses-guest-basic',
      title: 'A role that trusts only authenticated identities refuses a guest OpenID token with AccessDenied 403',
      citations: [CG_ROLE_TRUST, STS_ASSUME_ROLE_WITH_WEB_IDENTITY, ACCESS_DENIED_403_OBSERVED],
      async run(ctx) {
        const identityId = await newGuest(ctx, 'open');
        const { token } = await ctx.expect.succeeds('GetOpenIdToken', openIdToken(ctx.clients.identity, { identityId }));
        await ctx.expect.error(
          'AssumeRoleWithWebIdentity',
          assumeRole(ctx, 'member', token),
          { name: 'AccessDenied', httpStatus: 403, message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' },
          `${TRUST}: "AccessDenied -- Not authorized to perform sts:AssumeRoleWithWebIdentity"`,
        );
      },
    },
    {
      id: 'guest/same-identity-when-passed-back',
      title: 'A guest identity id passed back to GetCredentialsForIdentity and GetOpenIdToken comes back unchanged',
      citations: [CG_AUTH_FLOW, CI_GET_CREDENTIALS, CI_GET_OPEN_ID_TOKEN, OPENID_TOKEN_OBSERVED],
      async run(ctx) {
        const poolId = ctx.fx.identityPool('open').id;
        const identityId = await newGuest(ctx, 'open');
        const first = await ctx.expect.succeeds('GetCredentialsForIdentity', guestCredentials(ctx.clients.identity, { identityPoolId: poolId, identityId }));
        const second = await ctx.expect.succeeds('GetCredentialsForIdentity', guestCredentials(ctx.clients.identity, { identityPoolId: poolId, identityId }));
        const cached = `${GUEST}: the app caches the identity id and makes subsequent calls with it`;
        ctx.expect.equal('GetCredentialsForIdentity[1].IdentityId', first.identityId, identityId, cached);
        ctx.expect.equal('GetCredentialsForIdentity[2].IdentityId', second.identityId, identityId, cached);
        const { identityId: fromToken, token } = await ctx.expect.succeeds('GetOpenIdToken', openIdToken(ctx.clients.identity, { identityId }));
        ctx.expect.equal('GetOpenIdToken.IdentityId', fromToken, identityId, cached);
        ctx.expect.equal('openIdToken.sub', decodeClaims(token).sub, identityId, '[obs] sub is the identity id');
      },
    },
  ],
});
