import { regionNames, decodeClaims, defineSuite, guestCredentials, guestIdentity, openIdToken, type CaseContext } from '../../harness';
import {
  CG_AUTH_FLOW,
  CG_ROLE_TRUST,
  CI_CREATE_IDENTITY_POOL,
  CI_GET_CREDENTIALS,
  CI_GET_OPEN_ID_TOKEN,
  CI_SET_IDENTITY_POOL_ROLES,
  IDENTITY_ISSUER_BY_REGION,
  STS_ASSUME_ROLE_WITH_WEB_IDENTITY,
  OPENID_TOKEN_OBSERVED,
  ACCESS_DENIED_403_OBSERVED,
  cite,
  observed,
} from '../citations';
import { assumeRole } from '../basic-flow/steps';
import { whoAmI } from '../steps';
import { guestAccessFixture } from './fixture';

const GUEST = cite(CG_AUTH_FLOW, 'unauthenticated access');
const TRUST = CG_ROLE_TRUST;
const GUESTS_DISABLED = observed('NotAuthorizedException "Unauthenticated access is not supported for this identity pool."');
const BAD_POOL_CONFIG = observed('InvalidIdentityPoolConfigurationException "Invalid identity pool configuration. Check assigned IAM roles for this pool."');

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
        ctx.expect.equal('GetCallerIdentity.Arn.role', assumed?.roleName, ctx.fx.role('guest').name, [GUEST, cite(CI_SET_IDENTITY_POOL_ROLES, 'unauthenticated role')]);
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
        ctx.expect.equal('openIdToken.amr.includes(unauthenticated)', amr.includes('unauthenticated'), true, cite(TRUST, `amr is unauthenticated for a guest`));
        ctx.expect.equal('openIdToken.amr.includes(authenticated)', amr.includes('authenticated'), false, TRUST);
        ctx.expect.equal('openIdToken.aud', claims.aud, ctx.fx.identityPool('open').id, cite(TRUST, `aud is the identity pool id`));
        ctx.expect.equal('openIdToken.iss', claims.iss, regionNames(ctx.target.region).identityIssuer, [cite(TRUST, `issued by cognito-identity.amazonaws.com`), IDENTITY_ISSUER_BY_REGION]);
        const sts = await ctx.expect.succeeds('AssumeRoleWithWebIdentity', assumeRole(ctx, 'guest', token));
        const { assumed } = await whoAmI(ctx, sts.credentials);
        ctx.expect.equal('GetCallerIdentity.Arn.role', assumed?.roleName, ctx.fx.role('guest').name, cite(TRUST, `the unauthenticated role trusts amr unauthenticated`));
      },
    },
    {
      id: 'guest/disabled-pool-refuses-getid',
      title: 'With AllowUnauthenticatedIdentities false, GetId without Logins is refused with NotAuthorizedException',
      citations: [CI_CREATE_IDENTITY_POOL, CG_AUTH_FLOW, GUESTS_DISABLED],
      async run(ctx) {
        await ctx.expect.error(
          'GetId',
          guestIdentity(ctx.clients.identity, { identityPoolId: ctx.fx.identityPool('closed').id }),
          { name: 'NotAuthorizedException', message: 'Unauthenticated access is not supported for this identity pool.' },
          [cite(CI_CREATE_IDENTITY_POOL, 'AllowUnauthenticatedIdentities'), GUESTS_DISABLED],
        );
      },
    },
    {
      id: 'guest/authenticated-only-role-refuses-guest-enhanced',
      title: 'An unauthenticated role that trusts only authenticated identities gives InvalidIdentityPoolConfigurationException',
      citations: [CG_ROLE_TRUST, CI_GET_CREDENTIALS, BAD_POOL_CONFIG],
      async run(ctx) {
        const identityId = await newGuest(ctx, 'misrouted');
        await ctx.expect.error(
          'GetCredentialsForIdentity',
          guestCredentials(ctx.clients.identity, { identityPoolId: ctx.fx.identityPool('misrouted').id, identityId }),
          { name: 'InvalidIdentityPoolConfigurationException', message: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.' },
          [TRUST, BAD_POOL_CONFIG],
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
          [cite(TRUST, '"AccessDenied -- Not authorized to perform sts:AssumeRoleWithWebIdentity"'), ACCESS_DENIED_403_OBSERVED],
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
        const cached = cite(GUEST, `the app caches the identity id and makes subsequent calls with it`);
        ctx.expect.equal('GetCredentialsForIdentity[1].IdentityId', first.identityId, identityId, cached);
        ctx.expect.equal('GetCredentialsForIdentity[2].IdentityId', second.identityId, identityId, cached);
        const { identityId: fromToken, token } = await ctx.expect.succeeds('GetOpenIdToken', openIdToken(ctx.clients.identity, { identityId }));
        ctx.expect.equal('GetOpenIdToken.IdentityId', fromToken, identityId, cached);
        ctx.expect.equal('openIdToken.sub', decodeClaims(token).sub, identityId, OPENID_TOKEN_OBSERVED);
      },
    },
  ],
});
