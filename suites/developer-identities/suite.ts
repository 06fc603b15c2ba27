import { regionNames, decodeClaims, defineSuite, developerFlow, getIdentityId, guestIdentity } from '../../harness';
import {
  CG_AUTH_FLOW,
  CG_DEVELOPER_AUTH,
  CG_ROLE_TRUST,
  CI_GET_CREDENTIALS,
  CI_GET_OPEN_ID_TOKEN_FOR_DEVELOPER,
  IDENTITY_ISSUER_BY_REGION,
  OPENID_TOKEN_OBSERVED,
  STS_ASSUME_ROLE_WITH_WEB_IDENTITY,
  STS_COGNITO_TOKEN_OBSERVED,
  CI_GET_ID,
  cite,
} from '../citations';
import { assumeRole } from '../basic-flow/steps';
import { whoAmI } from '../steps';
import { developerIdentitiesFixture } from './fixture';
import { developerToken } from './steps';
import { tokenDurationCases } from './token-duration-matrix';

const API = CI_GET_OPEN_ID_TOKEN_FOR_DEVELOPER;
const FLOW = cite(CG_AUTH_FLOW, 'GetOpenIdTokenForDeveloperIdentity');
export const developerIdentitiesSuite = defineSuite({
  name: 'developer-identities',
  title: 'Developer-authenticated identities: GetOpenIdTokenForDeveloperIdentity and its token in both flows',
  services: ['cognito-identity', 'sts', 'iam'],
  fixture: developerIdentitiesFixture,
  cases: [
    {
      id: 'developer/new-identity-and-token',
      title: 'A new developer user gets a new identity and an OpenID token for it that says authenticated',
      citations: [CI_GET_OPEN_ID_TOKEN_FOR_DEVELOPER, CG_ROLE_TRUST, OPENID_TOKEN_OBSERVED],
      async run(ctx) {
        const pool = ctx.fx.identityPool('dev');
        const { identityId, token } = await ctx.expect.succeeds('GetOpenIdTokenForDeveloperIdentity', developerToken(ctx, 'new-user'));
        ctx.expect.match('GetOpenIdTokenForDeveloperIdentity.IdentityId', identityId, /^[\w-]+:[0-9a-f-]+$/, cite(API, 'IdentityId REGION:GUID'));
        const claims = decodeClaims(token);
        ctx.expect.equal('developerToken.aud', claims.aud, pool.id, cite(CG_ROLE_TRUST, 'aud is the identity pool id'));
        ctx.expect.equal('developerToken.iss', claims.iss, regionNames(ctx.target.region).identityIssuer, [CG_ROLE_TRUST, IDENTITY_ISSUER_BY_REGION, OPENID_TOKEN_OBSERVED]);
        ctx.expect.equal('developerToken.sub', claims.sub, identityId, OPENID_TOKEN_OBSERVED);
        const amr = Array.isArray(claims.amr) ? (claims.amr as unknown[]) : [];
        ctx.expect.equal('developerToken.amr.includes(authenticated)', amr.includes('authenticated'), true, CG_ROLE_TRUST);
        ctx.expect.equal('developerToken.amr.includes(<DeveloperProviderName>)', amr.includes(pool.developerProviderName), true, [cite(CG_ROLE_TRUST, 'the providers used'), OPENID_TOKEN_OBSERVED]);
      },
    },
    {
      id: 'developer/default-token-duration-15-minutes',
      title: 'Without TokenDuration the developer OpenID token lives 15 minutes',
      citations: [CI_GET_OPEN_ID_TOKEN_FOR_DEVELOPER],
      async run(ctx) {
        const { token } = await ctx.expect.succeeds('GetOpenIdTokenForDeveloperIdentity', developerToken(ctx, 'default-duration-user'));
        const claims = decodeClaims(token);
        ctx.expect.equal('developerToken.exp-iat', Number(claims.exp) - Number(claims.iat), 900, cite(API, 'TokenDuration: "If you don\'t provide an expiration time, the token is valid for 15 minutes"'));
      },
    },
    ...tokenDurationCases(),
    {
      id: 'developer/same-user-same-identity',
      title: 'The same developer user always gets the same identity; another user gets another',
      citations: [CI_GET_OPEN_ID_TOKEN_FOR_DEVELOPER, CG_AUTH_FLOW],
      async run(ctx) {
        const first = await ctx.expect.succeeds('GetOpenIdTokenForDeveloperIdentity', developerToken(ctx, 'returning-user'));
        const again = await ctx.expect.succeeds('GetOpenIdTokenForDeveloperIdentity', developerToken(ctx, 'returning-user'));
        const other = await ctx.expect.succeeds('GetOpenIdTokenForDeveloperIdentity', developerToken(ctx, 'another-user'));
        ctx.expect.equal('GetOpenIdTokenForDeveloperIdentity[2].IdentityId', again.identityId, first.identityId, cite(FLOW, '"If the user identifier is already linked, Amazon Cognito returns the pre-existing identity ID"'));
        ctx.expect.equal('GetOpenIdTokenForDeveloperIdentity[3].IdentityId differs', other.identityId !== first.identityId, true, cite(FLOW, 'a user identifier not yet linked gets a new identity'));
      },
    },
    {
      id: 'developer/link-to-existing-identity',
      title: 'Passing an existing IdentityId links the developer user to that identity',
      citations: [CI_GET_OPEN_ID_TOKEN_FOR_DEVELOPER],
      async run(ctx) {
        const existing = await ctx.expect.succeeds('GetId', guestIdentity(ctx.clients.identity, { identityPoolId: ctx.fx.identityPool('dev').id }));
        const linked = await ctx.expect.succeeds('GetOpenIdTokenForDeveloperIdentity', developerToken(ctx, 'linking-user', { identityId: existing }));
        const source = cite(API, '"to associate a new login with an existing authenticated/unauthenticated identity, … providing the existing IdentityId"');
        ctx.expect.equal('GetOpenIdTokenForDeveloperIdentity[1].IdentityId', linked.identityId, existing, source);
        const later = await ctx.expect.succeeds('GetOpenIdTokenForDeveloperIdentity', developerToken(ctx, 'linking-user'));
        ctx.expect.equal('GetOpenIdTokenForDeveloperIdentity[2].IdentityId', later.identityId, existing, cite(API, '"Registers (or retrieves)"'));
      },
    },
    {
      id: 'developer/user-registered-to-another-identity',
      title: 'A developer user already registered under one identity cannot be linked to another: DeveloperUserAlreadyRegisteredException',
      citations: [CI_GET_OPEN_ID_TOKEN_FOR_DEVELOPER],
      async run(ctx) {
        await ctx.expect.succeeds('GetOpenIdTokenForDeveloperIdentity', developerToken(ctx, 'registered-user'));
        const other = await ctx.expect.succeeds('GetId', guestIdentity(ctx.clients.identity, { identityPoolId: ctx.fx.identityPool('dev').id }));
        await ctx.expect.error(
          'GetOpenIdTokenForDeveloperIdentity',
          developerToken(ctx, 'registered-user', { identityId: other }),
          { name: 'DeveloperUserAlreadyRegisteredException' },
          cite(API, 'Errors: DeveloperUserAlreadyRegisteredException "The provided developer user identifier is already registered with Cognito under a different identity ID."'),
        );
      },
    },
    {
      id: 'developer/enhanced-exchange-default-role',
      title: 'The developer token exchanged through GetCredentialsForIdentity under the identity pool\'s own login (cognito-identity.amazonaws.com in default Regions) gives the default authenticated role',
      citations: [CG_AUTH_FLOW, CG_DEVELOPER_AUTH, CI_GET_CREDENTIALS],
      async run(ctx) {
        const pool = ctx.fx.identityPool('dev');
        const result = await ctx.expect.succeeds(
          'GetCredentialsForIdentity',
          developerFlow(ctx.clients.identity, { identityPoolId: pool.id, developerProviderName: pool.developerProviderName!, developerUserId: 'enhanced-user' }),
        );
        const { assumed } = await whoAmI(ctx, result.credentials);
        ctx.expect.equal('GetCallerIdentity.Arn.role', assumed?.roleName, ctx.fx.role('dev-auth').name, cite(CG_DEVELOPER_AUTH, 'developer identities get the default authenticated role (aws-contract.md §2, [doc: CI-API])'));
      },
    },
    {
      id: 'developer/basic-exchange-app-role',
      title: 'The developer token goes straight to AssumeRoleWithWebIdentity for a role the back end chose',
      citations: [CG_AUTH_FLOW, STS_ASSUME_ROLE_WITH_WEB_IDENTITY, CG_ROLE_TRUST, STS_COGNITO_TOKEN_OBSERVED],
      async run(ctx) {
        const { identityId, token } = await ctx.expect.succeeds('GetOpenIdTokenForDeveloperIdentity', developerToken(ctx, 'basic-user'));
        const sts = await ctx.expect.succeeds('AssumeRoleWithWebIdentity', assumeRole(ctx, 'dev-alt', token));
        ctx.expect.equal('AssumeRoleWithWebIdentity.SubjectFromWebIdentityToken', sts.subjectFromWebIdentityToken, identityId, [cite(STS_ASSUME_ROLE_WITH_WEB_IDENTITY, "SubjectFromWebIdentityToken is the token's sub"), STS_COGNITO_TOKEN_OBSERVED]);
        ctx.expect.equal('AssumeRoleWithWebIdentity.Audience', sts.audience, ctx.fx.identityPool('dev').id, [cite(STS_ASSUME_ROLE_WITH_WEB_IDENTITY, 'Audience'), cite(CG_ROLE_TRUST, 'aud is the pool id')]);
        const { assumed } = await whoAmI(ctx, sts.credentials);
        ctx.expect.equal('GetCallerIdentity.Arn.role', assumed?.roleName, ctx.fx.role('dev-alt').name, cite(CG_AUTH_FLOW, 'basic authentication with a developer provider'));
      },
    },
    {
      id: 'developer/provider-name-refused-in-getid',
      title: 'The developer provider name cannot be used in the Logins of GetId',
      citations: [CG_AUTH_FLOW],
      async run(ctx) {
        const pool = ctx.fx.identityPool('dev');
        // The control: the pool answers GetId (it allows guests), so the refusal below is about the Logins key.
        await ctx.expect.succeeds('GetId(guest)', guestIdentity(ctx.clients.identity, { identityPoolId: pool.id }), CI_GET_ID);
        // Documented as not allowed; the error is not documented, so any refusal passes and the golden records which.
        await ctx.expect.error(
          'GetId',
          getIdentityId(ctx.clients.identity, { identityPoolId: pool.id, logins: { [pool.developerProviderName!]: 'getid-user' } }),
          {},
          cite(FLOW, '"they cannot use your developer provider name in the logins map when calling GetId or GetOpenIdToken"'),
        );
      },
    },
  ],
});
