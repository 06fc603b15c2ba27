import { regionNames, stsArn, decodeClaims, defineSuite, developerOpenIdToken, getIdentityId, openIdToken } from '../../harness';
import {
  CG_AUTH_FLOW,
  CG_ROLE_TRUST,
  CI_GET_OPEN_ID_TOKEN,
  CI_GET_OPEN_ID_TOKEN_FOR_DEVELOPER,
  IAM_IDENTIFIERS,
  STS_ASSUME_ROLE_WITH_WEB_IDENTITY,
  ACCESS_DENIED_403_OBSERVED,
  COGNITO_SIGN_IN_AMR_INFERRED,
  IDENTITY_ISSUER_BY_REGION,
  NO_EXPIRY_LEEWAY_INFERRED,
  STS_PROVIDER_CONFLICT,
  OPENID_TOKEN_OBSERVED,
  STS_COGNITO_TOKEN_OBSERVED,
  cite,
  observed,
} from '../citations';
import { durationCases } from './duration-matrix';
import { basicFlowFixture } from './fixture';
import { loginsOf, signInAs, tamperWith, waitPastExpiry, whoAmI } from '../steps';
import { SESSION_NAME, assumeRole, openIdTokenThrough } from './steps';

const FLOW = cite(CG_AUTH_FLOW, 'in the basic flow the app selects the role');
const TRUST = CG_ROLE_TRUST;
const CLASSIC_DISABLED = observed('InvalidParameterException "Basic (classic) flow is not enabled, please use enhanced flow."');
const CLASSIC_WITH_MAPPINGS = observed('InvalidParameterException for "Basic (classic) flow is not supported with RoleMappings, please use enhanced flow."');

export const basicFlowSuite = defineSuite({
  name: 'basic-flow',
  title: 'Basic (classic) identity-pool flow: GetId → GetOpenIdToken → AssumeRoleWithWebIdentity',
  services: ['cognito-idp', 'cognito-identity', 'sts', 'iam'],
  fixture: basicFlowFixture,
  cases: [
    {
      id: 'basic/app-chosen-role',
      title: 'The basic flow yields credentials for the role the app chose, not the pool default role',
      citations: [CG_AUTH_FLOW, STS_ASSUME_ROLE_WITH_WEB_IDENTITY, IAM_IDENTIFIERS],
      async run(ctx) {
        const { token } = await openIdTokenThrough(ctx, 'basic');
        const sts = await ctx.expect.succeeds('AssumeRoleWithWebIdentity', assumeRole(ctx, 'app', token));
        const app = ctx.fx.role('app');
        const account = app.arn.split(':')[4];
        ctx.expect.equal(
          'AssumeRoleWithWebIdentity.AssumedRoleUser.Arn',
          sts.assumedRoleUser?.arn,
          stsArn(ctx.target.region, account, `assumed-role/${app.name}/${SESSION_NAME}`),
          [cite(STS_ASSUME_ROLE_WITH_WEB_IDENTITY, 'the ARN includes the RoleSessionName'), IAM_IDENTIFIERS],
        );
        ctx.expect.match('AssumeRoleWithWebIdentity.Credentials.AccessKeyId', sts.credentials.accessKeyId, /^ASIA[A-Z0-9]{16}$/, cite(IAM_IDENTIFIERS, 'temporary keys start ASIA'));
        const { assumed } = await whoAmI(ctx, sts.credentials);
        ctx.expect.equal('GetCallerIdentity.Arn.role', assumed?.roleName, app.name, FLOW);
        ctx.expect.equal('GetCallerIdentity.Arn.session', assumed?.sessionName, SESSION_NAME, cite(STS_ASSUME_ROLE_WITH_WEB_IDENTITY, 'RoleSessionName'));
      },
    },
    {
      id: 'basic/sts-names-the-web-identity',
      title: "STS answers with SubjectFromWebIdentityToken = identity id, Audience = pool id and Provider = the identity pool's principal (cognito-identity.amazonaws.com in default Regions)",
      citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY, CG_ROLE_TRUST, STS_COGNITO_TOKEN_OBSERVED, STS_PROVIDER_CONFLICT],
      async run(ctx) {
        const { identityId, token } = await openIdTokenThrough(ctx, 'basic');
        const sts = await ctx.expect.succeeds('AssumeRoleWithWebIdentity', assumeRole(ctx, 'app', token));
        ctx.expect.equal('AssumeRoleWithWebIdentity.SubjectFromWebIdentityToken', sts.subjectFromWebIdentityToken, identityId, [cite(STS_ASSUME_ROLE_WITH_WEB_IDENTITY, "SubjectFromWebIdentityToken is the token's sub"), STS_COGNITO_TOKEN_OBSERVED]);
        ctx.expect.equal('AssumeRoleWithWebIdentity.Audience', sts.audience, ctx.fx.identityPool('basic').id, [cite(STS_ASSUME_ROLE_WITH_WEB_IDENTITY, 'Audience'), cite(TRUST, 'aud is the identity pool id')]);
        ctx.expect.equal('AssumeRoleWithWebIdentity.Provider', sts.provider, regionNames(ctx.target.region).identityPrincipal, STS_PROVIDER_CONFLICT);
      },
    },
    {
      id: 'basic/openid-token-claims',
      title: "The OpenID token is issued by the Region's identity-pool issuer for the pool, says authenticated and how, and lives 10 minutes",
      citations: [CI_GET_OPEN_ID_TOKEN, CG_ROLE_TRUST, CG_AUTH_FLOW, OPENID_TOKEN_OBSERVED, COGNITO_SIGN_IN_AMR_INFERRED],
      async run(ctx) {
        const { idToken, claims: idClaims } = await signInAs(ctx, 'ana');
        const poolId = ctx.fx.identityPool('basic').id;
        const provider = ctx.fx.userPool('main').providerName;
        const identityId = await ctx.expect.succeeds('GetId', getIdentityId(ctx.clients.identity, { identityPoolId: poolId, logins: loginsOf(ctx.fx, idToken) }));
        const answer = await ctx.expect.succeeds('GetOpenIdToken', openIdToken(ctx.clients.identity, { identityId, logins: loginsOf(ctx.fx, idToken) }));
        ctx.expect.equal('GetOpenIdToken.IdentityId', answer.identityId, identityId, cite(CG_AUTH_FLOW, 'a login already associated returns the same identity id'));
        const claims = decodeClaims(answer.token);
        ctx.expect.equal('openIdToken.iss', claims.iss, regionNames(ctx.target.region).identityIssuer, [cite(TRUST, 'cognito-identity.amazonaws.com is the issuer'), IDENTITY_ISSUER_BY_REGION, OPENID_TOKEN_OBSERVED]);
        ctx.expect.equal('openIdToken.aud', claims.aud, poolId, cite(TRUST, 'aud is the identity pool id'));
        ctx.expect.equal('openIdToken.sub', claims.sub, identityId, OPENID_TOKEN_OBSERVED);
        const amr = Array.isArray(claims.amr) ? (claims.amr as unknown[]) : [];
        ctx.expect.equal('openIdToken.amr.includes(authenticated)', amr.includes('authenticated'), true, cite(TRUST, 'amr is authenticated or unauthenticated'));
        ctx.expect.equal('openIdToken.amr.includes(unauthenticated)', amr.includes('unauthenticated'), false, TRUST);
        ctx.expect.equal('openIdToken.amr.includes(<provider>)', amr.includes(provider), true, cite(TRUST, 'an authenticated token includes the providers used'));
        ctx.expect.equal(
          'openIdToken.amr.includes(<provider>:CognitoSignIn:<sub>)',
          amr.includes(`${provider}:CognitoSignIn:${String(idClaims.sub)}`),
          true,
          COGNITO_SIGN_IN_AMR_INFERRED,
        );
        const lifetime = Number(claims.exp) - Number(claims.iat);
        ctx.expect.equal('openIdToken.exp-iat', lifetime, 600, cite(CI_GET_OPEN_ID_TOKEN, '"The OpenID token is valid for 10 minutes"'));
      },
    },
    ...durationCases(),
    {
      id: 'basic/classic-flow-disabled-refused',
      title: 'A pool without AllowClassicFlow refuses GetOpenIdToken',
      citations: [CG_AUTH_FLOW, CLASSIC_DISABLED],
      async run(ctx) {
        const { idToken } = await signInAs(ctx, 'ana');
        const logins = loginsOf(ctx.fx, idToken);
        const identityId = await ctx.expect.succeeds('GetId', getIdentityId(ctx.clients.identity, { identityPoolId: ctx.fx.identityPool('no-classic').id, logins }));
        await ctx.expect.error(
          'GetOpenIdToken',
          openIdToken(ctx.clients.identity, { identityId, logins }),
          { name: 'InvalidParameterException', message: 'Basic (classic) flow is not enabled, please use enhanced flow.' },
          [cite(CG_AUTH_FLOW, 'the basic flow needs AllowClassicFlow'), CLASSIC_DISABLED],
        );
      },
    },
    {
      id: 'basic/role-mappings-refuse-classic-flow',
      title: 'A pool with RoleMappings refuses GetOpenIdToken even with AllowClassicFlow',
      citations: [CG_AUTH_FLOW, CLASSIC_WITH_MAPPINGS],
      async run(ctx) {
        const { idToken } = await signInAs(ctx, 'ana');
        const logins = loginsOf(ctx.fx, idToken);
        const identityId = await ctx.expect.succeeds('GetId', getIdentityId(ctx.clients.identity, { identityPoolId: ctx.fx.identityPool('mapped').id, logins }));
        await ctx.expect.error(
          'GetOpenIdToken',
          openIdToken(ctx.clients.identity, { identityId, logins }),
          { name: 'InvalidParameterException', message: 'Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.' },
          [cite(CG_AUTH_FLOW, 'quotes the message'), CLASSIC_WITH_MAPPINGS],
        );
      },
    },
    {
      id: 'basic/trust-aud-mismatch-denied',
      title: 'A role whose trust policy names another identity pool (aud) gives AccessDenied 403',
      citations: [CG_ROLE_TRUST, STS_ASSUME_ROLE_WITH_WEB_IDENTITY, ACCESS_DENIED_403_OBSERVED],
      async run(ctx) {
        const { token } = await openIdTokenThrough(ctx, 'basic');
        await ctx.expect.error(
          'AssumeRoleWithWebIdentity',
          assumeRole(ctx, 'foreign', token),
          { name: 'AccessDenied', httpStatus: 403, message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' },
          [cite(TRUST, '"AccessDenied -- Not authorized to perform sts:AssumeRoleWithWebIdentity"'), ACCESS_DENIED_403_OBSERVED],
        );
      },
    },
    {
      id: 'basic/trust-amr-mismatch-denied',
      title: 'A role that trusts the pool only for unauthenticated identities (amr) refuses an authenticated token with AccessDenied 403',
      citations: [CG_ROLE_TRUST, STS_ASSUME_ROLE_WITH_WEB_IDENTITY, ACCESS_DENIED_403_OBSERVED],
      async run(ctx) {
        const { token } = await openIdTokenThrough(ctx, 'basic');
        await ctx.expect.error(
          'AssumeRoleWithWebIdentity',
          assumeRole(ctx, 'guests-only', token),
          { name: 'AccessDenied', httpStatus: 403, message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' },
          [cite(TRUST, 'the amr condition must hold'), ACCESS_DENIED_403_OBSERVED],
        );
      },
    },
    {
      id: 'basic/expired-token-refused',
      title: 'An expired OpenID token is refused with ExpiredTokenException',
      citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY, CI_GET_OPEN_ID_TOKEN_FOR_DEVELOPER, NO_EXPIRY_LEEWAY_INFERRED],
      waitsOnClock: true,
      async run(ctx) {
        // Only developer tokens can be made short-lived (TokenDuration ≥ 1 s, CI-API); waiting out a 10-minute token would be too slow.
        const pool = ctx.fx.identityPool('basic');
        const { token } = await ctx.expect.succeeds(
          'GetOpenIdTokenForDeveloperIdentity',
          developerOpenIdToken(ctx.clients.identity, {
            identityPoolId: pool.id,
            developerProviderName: pool.developerProviderName!,
            developerUserId: 'expiring-user',
            tokenDuration: 1,
          }),
        );
        // AWS documents no clock-skew grace for STS (NO_EXPIRY_LEEWAY_INFERRED); a recording against AWS confirms or corrects this wait.
        await waitPastExpiry(Number(decodeClaims(token).exp), 1);
        await ctx.expect.error(
          'AssumeRoleWithWebIdentity',
          assumeRole(ctx, 'app', token),
          { name: 'ExpiredTokenException', httpStatus: 400 },
          [cite(STS_ASSUME_ROLE_WITH_WEB_IDENTITY, 'Errors: ExpiredTokenException (400), "The web identity token that was passed is expired"'), NO_EXPIRY_LEEWAY_INFERRED],
        );
      },
    },
    {
      id: 'basic/tampered-token-refused',
      title: 'An OpenID token whose claims were changed after signing is refused with InvalidIdentityToken',
      citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY],
      async run(ctx) {
        const { token } = await openIdTokenThrough(ctx, 'basic');
        const [region] = ctx.fx.identityPool('basic').id.split(':');
        const forged = tamperWith(token, 'sub', `${region}:00000000-0000-4000-8000-000000000000`);
        await ctx.expect.error(
          'AssumeRoleWithWebIdentity',
          assumeRole(ctx, 'app', forged),
          { name: 'InvalidIdentityToken', httpStatus: 400 },
          cite(STS_ASSUME_ROLE_WITH_WEB_IDENTITY, 'Errors: InvalidIdentityToken (400), "could not be validated by AWS"'),
        );
      },
    },
  ],
});
