import { defineSuite, stsArn } from '../../harness';
import { ACCESS_DENIED_403_OBSERVED, CG_ID_TOKEN, IAM_IDENTIFIERS, STS_ASSUME_ROLE_WITH_WEB_IDENTITY, STS_GET_CALLER_IDENTITY, STS_PROVIDER_OIDC_CONFLICT, CG_ACCESS_TOKEN, CG_VERIFY_JWT, cite } from '../citations';
import { SESSION_NAME, webIdentityOidcFixture } from './fixture';
import {
  IAM_CREATE_OIDC_PROVIDER,
  IAM_OIDC_CONDITION_KEYS,
  IAM_ROLE_FOR_OIDC,
  INCORRECT_AUDIENCE_OBSERVED,
  MISSING_AUD_OBSERVED,
  NOT_A_JWT_OBSERVED,
  NO_PROVIDER_OBSERVED,
  NO_PROVIDER_STATUS_OBSERVED,
  PROVIDER_ARN_EKS_CLUSTER_GAMES,
  PROVIDER_ARN_EKS_GUIDE,
  PROVIDER_ARN_SPIRE,
} from './sources';
import { signInAs, tamperWith, whoAmI } from '../steps';
import { assume, forgeWithOwnKey } from './steps';

const INVALID_TOKEN = cite(STS_ASSUME_ROLE_WITH_WEB_IDENTITY, 'Errors: InvalidIdentityToken (400), "The web identity token that was passed could not be validated by AWS"');
const PROVIDER_IS_ARN = [STS_PROVIDER_OIDC_CONFLICT, PROVIDER_ARN_EKS_GUIDE, PROVIDER_ARN_SPIRE, PROVIDER_ARN_EKS_CLUSTER_GAMES];
const STS = 'AssumeRoleWithWebIdentity';

// Not covered: an expired user-pool ID token. IdTokenValidity is at least five
// minutes (UP-API CreateUserPoolClient, TokenValidityUnitsType), too long to wait
// out in a case, and a token re-signed with a past exp is the foreign-key case.

export const webIdentityOidcSuite = defineSuite({
  name: 'web-identity-oidc',
  title: 'Web identity straight from a user pool: its issuer as an IAM OIDC provider, its ID tokens into AssumeRoleWithWebIdentity',
  services: ['cognito-idp', 'sts', 'iam'],
  fixture: webIdentityOidcFixture,
  cases: [
    {
      id: 'oidc/id-token-gets-credentials',
      title: "A user's ID token gets credentials for a role trusting the provider; STS names her sub, the client id and the provider ARN",
      citations: [
        STS_ASSUME_ROLE_WITH_WEB_IDENTITY,
        IAM_ROLE_FOR_OIDC,
        IAM_OIDC_CONDITION_KEYS,
        CG_ID_TOKEN,
        IAM_IDENTIFIERS,
        STS_GET_CALLER_IDENTITY,
        ...PROVIDER_IS_ARN,
      ],
      async run(ctx) {
        const { fx } = ctx;
        const { idToken, claims } = await signInAs(ctx, 'ana');
        const role = fx.role('web');
        const provider = fx.oidcProvider('main');
        const webClient = fx.client('main', 'web').id;
        const account = fx.caller.accountId;
        const sub = fx.user('main', 'ana').sub;
        ctx.expect.equal('idToken.sub', claims.sub, sub, cite(CG_ID_TOKEN, "sub is the user's unique identifier"));
        const sts = await ctx.expect.succeeds(STS, assume(ctx, 'web', idToken), IAM_ROLE_FOR_OIDC);
        ctx.expect.equal(`${STS}.SubjectFromWebIdentityToken`, sts.subjectFromWebIdentityToken, sub, cite(STS_ASSUME_ROLE_WITH_WEB_IDENTITY, "SubjectFromWebIdentityToken: for OIDC ID tokens, the token's sub"));
        ctx.expect.equal(`${STS}.Audience`, sts.audience, webClient, [cite(STS_ASSUME_ROLE_WITH_WEB_IDENTITY, 'Audience: the client id the token was issued to'), cite(CG_ID_TOKEN, 'aud is the app client id')]);
        ctx.expect.equal(
          `${STS}.Provider`,
          sts.provider,
          provider.arn,
          PROVIDER_IS_ARN,
        );
        ctx.expect.equal(
          `${STS}.AssumedRoleUser.Arn`,
          sts.assumedRoleUser?.arn,
          stsArn(ctx.target.region, account, `assumed-role/${role.name}/${SESSION_NAME}`),
          [cite(STS_ASSUME_ROLE_WITH_WEB_IDENTITY, 'the ARN includes the RoleSessionName'), IAM_IDENTIFIERS],
        );
        ctx.expect.equal(`${STS}.AssumedRoleUser.AssumedRoleId`, sts.assumedRoleUser?.assumedRoleId, `${role.id}:${SESSION_NAME}`, cite(IAM_IDENTIFIERS, '<RoleId>:<session-name>'));
        ctx.expect.match(`${STS}.Credentials.AccessKeyId`, sts.credentials.accessKeyId, /^ASIA[A-Z0-9]{16}$/, cite(IAM_IDENTIFIERS, 'temporary keys start ASIA'));
        ctx.expect.present(`${STS}.Credentials.SessionToken`, sts.credentials.sessionToken, cite(STS_ASSUME_ROLE_WITH_WEB_IDENTITY, 'Credentials: temporary credentials carry a session token'));
        const { who, assumed } = await whoAmI(ctx, sts.credentials);
        ctx.expect.equal('GetCallerIdentity.Arn', who.arn, stsArn(ctx.target.region, account, `assumed-role/${role.name}/${SESSION_NAME}`), [STS_GET_CALLER_IDENTITY, IAM_IDENTIFIERS]);
        ctx.expect.equal('GetCallerIdentity.Arn.role', assumed?.roleName, role.name, IAM_IDENTIFIERS);
        ctx.expect.equal('GetCallerIdentity.Arn.session', assumed?.sessionName, SESSION_NAME, cite(STS_ASSUME_ROLE_WITH_WEB_IDENTITY, 'RoleSessionName'));
        ctx.expect.equal('GetCallerIdentity.UserId', who.userId, `${role.id}:${SESSION_NAME}`, cite(IAM_IDENTIFIERS, "an assumed role's UserId is <RoleId>:<session-name>"));
        ctx.expect.equal('GetCallerIdentity.Account', who.account, account, STS_GET_CALLER_IDENTITY);
      },
    },
    {
      id: 'oidc/sub-condition-refuses-other-user',
      title: "Another user's ID token fails the role's :sub condition with AccessDenied 403, though the same token passes an audience-only trust",
      citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY, IAM_OIDC_CONDITION_KEYS, IAM_ROLE_FOR_OIDC, ACCESS_DENIED_403_OBSERVED],
      async run(ctx) {
        const { idToken } = await signInAs(ctx, 'bob');
        await ctx.expect.error(
          STS,
          assume(ctx, 'web', idToken),
          { name: 'AccessDenied', httpStatus: 403, message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' },
          [cite(IAM_ROLE_FOR_OIDC, 'the trust policy must be satisfied'), ACCESS_DENIED_403_OBSERVED],
        );
        // The control: bob's token is a good one, so the refusal above is the :sub condition.
        const sts = await ctx.expect.succeeds(`${STS}(audience-only)`, assume(ctx, 'audience-only', idToken), cite(IAM_OIDC_CONDITION_KEYS, 'a trust without :sub admits any user of the provider'));
        ctx.expect.equal(`${STS}(audience-only).SubjectFromWebIdentityToken`, sts.subjectFromWebIdentityToken, ctx.fx.user('main', 'bob').sub, cite(STS_ASSUME_ROLE_WITH_WEB_IDENTITY, "SubjectFromWebIdentityToken is the token's sub"));
      },
    },
    {
      id: 'oidc/access-token-refused',
      title: 'A user-pool access token, which has no aud claim, is refused with InvalidIdentityToken "Missing a required claim: aud"',
      citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY, CG_ACCESS_TOKEN, MISSING_AUD_OBSERVED],
      async run(ctx) {
        const { accessToken } = await signInAs(ctx, 'ana');
        await ctx.expect.error(
          STS,
          assume(ctx, 'web', accessToken),
          { name: 'InvalidIdentityToken', httpStatus: 400, message: 'Missing a required claim: aud' },
          [INVALID_TOKEN, cite(CG_ACCESS_TOKEN, 'client_id, no aud'), MISSING_AUD_OBSERVED],
        );
      },
    },
    {
      id: 'oidc/wrong-audience-refused',
      title: "An ID token issued to a client missing from the provider's ClientIDList is refused with InvalidIdentityToken \"Incorrect token audience\"",
      citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY, IAM_CREATE_OIDC_PROVIDER, CG_ID_TOKEN, INCORRECT_AUDIENCE_OBSERVED],
      async run(ctx) {
        const { idToken, claims } = await signInAs(ctx, 'ana', { client: 'other' });
        ctx.expect.equal('idToken.aud', claims.aud, ctx.fx.client('main', 'other').id, cite(CG_ID_TOKEN, 'aud is the app client that authenticated the user'));
        // `ana-any-client` has no :aud condition: only the provider's ClientIDList stands in the way.
        await ctx.expect.error(
          STS,
          assume(ctx, 'ana-any-client', idToken),
          { name: 'InvalidIdentityToken', httpStatus: 400, message: 'Incorrect token audience' },
          [IAM_CREATE_OIDC_PROVIDER, INVALID_TOKEN, INCORRECT_AUDIENCE_OBSERVED],
        );
      },
    },
    {
      id: 'oidc/foreign-key-refused',
      title: "A JWT with the pool's issuer, kid, audience and a user's sub but signed by another key is refused with InvalidIdentityToken",
      citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY, CG_VERIFY_JWT],
      async run(ctx) {
        const { idToken } = await signInAs(ctx, 'ana');
        // Every claim would satisfy role `web`; only the signature is wrong.
        const forged = await forgeWithOwnKey(idToken);
        await ctx.expect.error(STS, assume(ctx, 'web', forged), { name: 'InvalidIdentityToken', httpStatus: 400 }, [INVALID_TOKEN, cite(CG_VERIFY_JWT, "the signature must verify with the pool's key")]);
      },
    },
    {
      id: 'oidc/issuer-without-provider-refused',
      title: 'An ID token from a user pool with no IAM OIDC provider is refused with InvalidIdentityToken "No OpenIDConnect provider found in your account for <iss>"',
      citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY, IAM_CREATE_OIDC_PROVIDER, CG_VERIFY_JWT, NO_PROVIDER_OBSERVED, NO_PROVIDER_STATUS_OBSERVED],
      async run(ctx) {
        const { idToken, claims } = await signInAs(ctx, 'cy', { pool: 'unregistered' });
        const iss = `https://${ctx.fx.userPool('unregistered').providerName}`;
        ctx.expect.equal('idToken.iss', claims.iss, iss, cite(CG_VERIFY_JWT, 'iss is https://cognito-idp.<region>.amazonaws.com/<userPoolId>, with the partition\'s DNS suffix'));
        await ctx.expect.error(
          STS,
          assume(ctx, 'web', idToken),
          { name: 'InvalidIdentityToken', httpStatus: 400, message: `No OpenIDConnect provider found in your account for ${iss}` },
          [INVALID_TOKEN, NO_PROVIDER_OBSERVED, NO_PROVIDER_STATUS_OBSERVED],
        );
      },
    },
    {
      id: 'oidc/tampered-token-refused',
      title: "Another user's ID token with its sub changed to the trusted user's after signing is refused with InvalidIdentityToken",
      citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY, CG_VERIFY_JWT],
      async run(ctx) {
        const { idToken } = await signInAs(ctx, 'bob');
        // With the signature unchecked the claims would pass role `web` (:sub = ana).
        const forged = tamperWith(idToken, 'sub', ctx.fx.user('main', 'ana').sub);
        await ctx.expect.error(STS, assume(ctx, 'web', forged), { name: 'InvalidIdentityToken', httpStatus: 400 }, [INVALID_TOKEN, CG_VERIFY_JWT]);
      },
    },
    {
      id: 'oidc/not-a-jwt-refused',
      title: 'A token that is not a JWT is refused with InvalidIdentityToken "The ID Token provided is not a valid JWT…"',
      citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY, NOT_A_JWT_OBSERVED],
      async run(ctx) {
        await ctx.expect.error(
          STS,
          assume(ctx, 'web', 'not-a-jwt-token'),
          { name: 'InvalidIdentityToken', httpStatus: 400, message: 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)' },
          [INVALID_TOKEN, NOT_A_JWT_OBSERVED],
        );
      },
    },
  ],
});
