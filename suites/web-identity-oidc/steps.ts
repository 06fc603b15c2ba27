import { SignJWT, generateKeyPair } from 'jose';
import { assumeRoleWithWebIdentity, decodeClaims, decodeHeader, type CaseContext } from '../../harness';
import { SESSION_NAME } from './fixture';

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
