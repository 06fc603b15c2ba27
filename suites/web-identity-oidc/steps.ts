import { SignJWT, generateKeyPair } from 'jose';
import { assumeRoleWithWebIdentity, decodeClaims, decodeHeader, signIn, type CaseContext } from '../../harness';
import { SESSION_NAME } from './fixture';

/** Sign a fixture user in with USER_PASSWORD_AUTH through one app client; the tokens stay in memory. */
export async function signInAs(ctx: CaseContext, user: string, opts: { pool?: string; client?: string } = {}) {
  const pool = opts.pool ?? 'main';
  const client = opts.client ?? 'web';
  const u = ctx.fx.user(pool, user);
  const tokens = await ctx.expect.succeeds(
    'InitiateAuth',
    signIn(ctx.clients.idp, { userPoolId: ctx.fx.userPool(pool).id, clientId: ctx.fx.client(pool, client).id, username: u.username, password: u.password }),
  );
  return { idToken: tokens.idToken, accessToken: tokens.accessToken, claims: decodeClaims(tokens.idToken, 'idToken') };
}

/** AssumeRoleWithWebIdentity into a fixture role with any token; the promise is left to the case. */
export function assume(ctx: CaseContext, role: string, webIdentityToken: string) {
  return assumeRoleWithWebIdentity(ctx.clients.sts, { roleArn: ctx.fx.role(role).arn, roleSessionName: SESSION_NAME, webIdentityToken });
}

/**
 * A JWT that claims everything a genuine ID token of `model` claims, with the
 * same header (alg, the pool's `kid`) and a fresh iat/exp, but signed by an
 * RSA key the harness made just now, which the pool's JWKS does not hold.
 * The key lives in memory for this call only.
 */
export async function forgeWithOwnKey(model: string): Promise<string> {
  const header = decodeHeader(model, 'idToken.header');
  const claims = decodeClaims(model, 'idToken');
  const { privateKey } = await generateKeyPair('RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims, iat: now, auth_time: now, exp: now + 3600 })
    .setProtectedHeader({ alg: 'RS256', kid: String(header.kid) })
    .sign(privateKey);
}
