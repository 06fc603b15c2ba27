import { AdminCreateUserCommand, AdminSetUserPasswordCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { decodeClaims, defineSuite, generatePassword, secretHash, userPoolProviderName } from '../../harness';
import {
  CG_ACCESS_TOKEN,
  CG_GROUPS,
  CG_ID_TOKEN,
  CG_RBAC,
  CG_SECRET_HASH,
  COGNITO_ROLES_TYPE,
  CG_VERIFY_JWT as CG_VERIFY,
  UP_AUTH_RESULT,
  UP_CREATE_CLIENT,
  UP_CREATE_GROUP,
  UP_INITIATE_AUTH,
  UP_SET_PASSWORD,
  cite,
  observed,
} from '../citations';
import { ROLE_A, ROLE_B, userPoolFixture } from './fixture';
import { signInAs } from '../steps';
import { signInWith, sorted } from './steps';

const PRECEDENCE = cite(UP_CREATE_GROUP, 'lower Precedence wins, 0 is highest, unset loses to any number (aws-contract.md §1)');
const ROLES = [CG_RBAC, CG_ID_TOKEN];
const WRONG_PASSWORD = observed('NotAuthorizedException "Incorrect username or password."');

/** User pools alone: the claims that decide roles, token lifetimes, and which sign-ins a client allows. */
export const userPoolsSuite = defineSuite({
  name: 'user-pools',
  title: 'User pools: group precedence in tokens, token contents and lifetimes, auth-flow gating',
  services: ['cognito-idp'],
  fixture: userPoolFixture,
  cases: [
    {
      id: 'pool/zero-is-highest-precedence',
      title: 'Precedence 0 beats precedence 1: its role is cognito:preferred_role',
      citations: [CG_GROUPS, CG_RBAC, COGNITO_ROLES_TYPE],
      async run(ctx) {
        const { claims } = await signInAs(ctx, 'zoe');
        ctx.expect.equal('idToken.cognito:preferred_role', claims['cognito:preferred_role'], ROLE_A, PRECEDENCE);
        ctx.expect.equal('idToken.cognito:roles (sorted)', sorted(claims['cognito:roles']), [ROLE_A, ROLE_B].sort(), [...ROLES, COGNITO_ROLES_TYPE]);
        ctx.expect.equal('idToken.cognito:groups (sorted)', sorted(claims['cognito:groups']), ['one', 'zero'], CG_ID_TOKEN);
      },
    },
    {
      id: 'pool/unset-precedence-loses',
      title: 'A group with no precedence loses to one with precedence 100',
      citations: [CG_GROUPS, CG_RBAC],
      async run(ctx) {
        const { claims } = await signInAs(ctx, 'uma');
        ctx.expect.equal('idToken.cognito:preferred_role', claims['cognito:preferred_role'], ROLE_B, PRECEDENCE);
      },
    },
    {
      id: 'pool/tie-different-roles-no-preferred-role',
      title: 'Equal precedence with different roles gives no cognito:preferred_role but both roles',
      citations: [CG_RBAC, COGNITO_ROLES_TYPE],
      async run(ctx) {
        const { claims } = await signInAs(ctx, 'tia');
        ctx.expect.absent('idToken.cognito:preferred_role', claims['cognito:preferred_role'], ROLES);
        ctx.expect.equal('idToken.cognito:roles (sorted)', sorted(claims['cognito:roles']), [ROLE_A, ROLE_B].sort(), [...ROLES, COGNITO_ROLES_TYPE]);
      },
    },
    {
      id: 'pool/single-role-is-preferred',
      title: 'With one role among the groups, it is the preferred role',
      citations: [CG_RBAC, COGNITO_ROLES_TYPE],
      async run(ctx) {
        const { claims } = await signInAs(ctx, 'sol');
        ctx.expect.equal('idToken.cognito:preferred_role', claims['cognito:preferred_role'], ROLE_B, ROLES);
        ctx.expect.equal('idToken.cognito:roles', claims['cognito:roles'], [ROLE_B], [...ROLES, COGNITO_ROLES_TYPE]);
      },
    },
    {
      id: 'pool/no-group-no-role-claims',
      title: 'A user in no group gets neither cognito:roles nor cognito:preferred_role',
      citations: [CG_ID_TOKEN, CG_RBAC],
      async run(ctx) {
        const { claims } = await signInAs(ctx, 'ned');
        ctx.expect.absent('idToken.cognito:roles', claims['cognito:roles'], ROLES);
        ctx.expect.absent('idToken.cognito:preferred_role', claims['cognito:preferred_role'], ROLES);
      },
    },
    {
      id: 'pool/tokens-last-one-hour',
      title: 'ID and access tokens last one hour by default; the answer says ExpiresIn 3600 and TokenType Bearer',
      citations: [UP_CREATE_CLIENT, UP_INITIATE_AUTH],
      async run(ctx) {
        const { tokens, claims } = await signInAs(ctx, 'sol');
        const access = decodeClaims(tokens.accessToken, 'InitiateAuth.AuthenticationResult.AccessToken');
        const source = cite(UP_CREATE_CLIENT, 'ID and access tokens default to 1 hour');
        ctx.expect.equal('idToken.exp-iat', Number(claims.exp) - Number(claims.iat), 3600, source);
        ctx.expect.equal('accessToken.exp-iat', Number(access.exp) - Number(access.iat), 3600, source);
        ctx.expect.equal('InitiateAuth.AuthenticationResult.ExpiresIn', tokens.expiresIn, 3600, UP_AUTH_RESULT);
        ctx.expect.equal('InitiateAuth.AuthenticationResult.TokenType', tokens.tokenType, 'Bearer', UP_AUTH_RESULT);
      },
    },
    {
      id: 'pool/id-token-claims',
      title: 'The ID token names its issuer, audience, use and user',
      citations: [CG_ID_TOKEN],
      async run(ctx) {
        const { claims } = await signInAs(ctx, 'sol');
        const pool = ctx.fx.userPool('main').id;
        ctx.expect.equal('idToken.iss', claims.iss, `https://${userPoolProviderName(ctx.target.region, pool)}`, CG_ID_TOKEN);
        ctx.expect.equal('idToken.aud', claims.aud, ctx.fx.client('main', 'web').id, CG_ID_TOKEN);
        ctx.expect.equal('idToken.token_use', claims.token_use, 'id', CG_ID_TOKEN);
        ctx.expect.equal('idToken.cognito:username', claims['cognito:username'], 'sol', CG_ID_TOKEN);
        ctx.expect.present('idToken.sub', claims.sub, CG_ID_TOKEN);
      },
    },
    {
      id: 'pool/access-token-claims',
      title: 'The access token carries client_id, username, token_use access and the admin scope',
      citations: [CG_ACCESS_TOKEN],
      async run(ctx) {
        const { tokens } = await signInAs(ctx, 'sol');
        const access = decodeClaims(tokens.accessToken, 'InitiateAuth.AuthenticationResult.AccessToken');
        ctx.expect.equal('accessToken.token_use', access.token_use, 'access', CG_ACCESS_TOKEN);
        ctx.expect.equal('accessToken.client_id', access.client_id, ctx.fx.client('main', 'web').id, CG_ACCESS_TOKEN);
        ctx.expect.equal('accessToken.username', access.username, 'sol', CG_ACCESS_TOKEN);
        ctx.expect.equal('accessToken.scope includes aws.cognito.signin.user.admin', String(access.scope ?? '').split(' ').includes('aws.cognito.signin.user.admin'), true, CG_ACCESS_TOKEN);
        ctx.expect.equal('accessToken.cognito:groups', access['cognito:groups'], ['one'], CG_ACCESS_TOKEN);
      },
    },
    {
      id: 'pool/wrong-password-refused',
      title: 'A wrong password is NotAuthorizedException "Incorrect username or password."',
      citations: [UP_INITIATE_AUTH, WRONG_PASSWORD],
      async run(ctx) {
        await ctx.expect.error('InitiateAuth', signInWith(ctx, 'sol', 'web', 'USER_PASSWORD_AUTH', 'Wrong!pass9Zz'), { name: 'NotAuthorizedException', message: 'Incorrect username or password.' }, WRONG_PASSWORD);
      },
    },
    {
      id: 'pool/user-password-auth-needs-client-flow',
      title: 'USER_PASSWORD_AUTH is refused on a client without ALLOW_USER_PASSWORD_AUTH',
      citations: [UP_INITIATE_AUTH],
      async run(ctx) {
        // Control: the same user signs in through a client that allows the flow.
        await ctx.expect.succeeds('InitiateAuth', signInWith(ctx, 'sol', 'app-only'));
        // AWS documents the requirement, not the error: assert the refusal only.
        await ctx.expect.error('InitiateAuth', signInWith(ctx, 'sol', 'admin-only'), {}, cite(UP_INITIATE_AUTH, 'USER_PASSWORD_AUTH needs ALLOW_USER_PASSWORD_AUTH'));
      },
    },
    {
      id: 'pool/admin-auth-needs-client-flow',
      title: 'ADMIN_USER_PASSWORD_AUTH is refused on a client without ALLOW_ADMIN_USER_PASSWORD_AUTH',
      citations: [UP_INITIATE_AUTH],
      async run(ctx) {
        await ctx.expect.succeeds('AdminInitiateAuth', signInWith(ctx, 'sol', 'admin-only', 'ADMIN_USER_PASSWORD_AUTH'));
        await ctx.expect.error('AdminInitiateAuth', signInWith(ctx, 'sol', 'app-only', 'ADMIN_USER_PASSWORD_AUTH'), {}, cite(UP_INITIATE_AUTH, 'AdminInitiateAuth needs ALLOW_ADMIN_USER_PASSWORD_AUTH'));
      },
    },
    {
      id: 'pool/secret-hash-required',
      title: 'A client with a secret needs SECRET_HASH; with it the sign-in works',
      citations: [UP_INITIATE_AUTH, CG_SECRET_HASH],
      async run(ctx) {
        const client = ctx.fx.client('main', 'confidential');
        const password = ctx.fx.user('main', 'sol').password;
        const send = (params: Record<string, string>) =>
          ctx.clients.idp.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: client.id, AuthParameters: { USERNAME: 'sol', PASSWORD: password, ...params } }));
        ctx.expect.present('CreateUserPoolClient.ClientSecret', client.secret, cite(UP_CREATE_CLIENT, 'GenerateSecret'));
        await ctx.expect.succeeds('InitiateAuth', send({ SECRET_HASH: secretHash(client.secret ?? '', 'sol', client.id) }));
        await ctx.expect.error('InitiateAuth', send({}), {}, [cite(UP_INITIATE_AUTH, 'SECRET_HASH is required when the client has a secret'), CG_SECRET_HASH]);
      },
    },
    {
      id: 'pool/temporary-password-challenges',
      title: 'After AdminSetUserPassword Permanent=false the next sign-in answers NEW_PASSWORD_REQUIRED',
      citations: [UP_SET_PASSWORD],
      async run(ctx) {
        const UserPoolId = ctx.fx.userPool('main').id;
        const Password = generatePassword();
        await ctx.expect.succeeds('AdminCreateUser', ctx.clients.idp.send(new AdminCreateUserCommand({ UserPoolId, Username: 'tmp-user', MessageAction: 'SUPPRESS' })));
        await ctx.expect.succeeds('AdminSetUserPassword', ctx.clients.idp.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'tmp-user', Password, Permanent: false })));
        const answer = await ctx.expect.succeeds(
          'InitiateAuth',
          ctx.clients.idp.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ctx.fx.client('main', 'web').id, AuthParameters: { USERNAME: 'tmp-user', PASSWORD: Password } })),
        );
        ctx.expect.equal('InitiateAuth.ChallengeName', answer.ChallengeName, 'NEW_PASSWORD_REQUIRED', UP_SET_PASSWORD);
        ctx.expect.absent('InitiateAuth.AuthenticationResult', answer.AuthenticationResult, UP_SET_PASSWORD);
      },
    },
    {
      id: 'pool/id-token-verifies-with-published-keys',
      title: "The ID token's signature verifies with the pool's published JWKS and its issuer",
      citations: [CG_VERIFY],
      async run(ctx) {
        const { tokens, claims } = await signInAs(ctx, 'sol');
        const pool = ctx.fx.userPool('main').id;
        // AWS publishes the keys at <issuer>/.well-known/jwks.json; an emulator serves the same path on its own address.
        const url = ctx.target.endpoint ? `${ctx.target.endpoint}/${pool}/.well-known/jwks.json` : `${String(claims.iss)}/.well-known/jwks.json`;
        const answer = await fetch(url);
        ctx.expect.equal('jwks.httpStatus', answer.status, 200, CG_VERIFY);
        if (answer.status !== 200) return;
        const jwks = createLocalJWKSet((await answer.json()) as Parameters<typeof createLocalJWKSet>[0]);
        try {
          await jwtVerify(tokens.idToken, jwks, { issuer: String(claims.iss), audience: ctx.fx.client('main', 'web').id });
        } catch (err) {
          ctx.expect.equal('idToken.signature', `invalid: ${(err as Error).message}`, 'verifies against the JWKS', CG_VERIFY);
        }
      },
    },
  ],
});
