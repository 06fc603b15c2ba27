import type { ProtectedHeaderParameters } from 'jose';
import { loadJose } from '../lazy-modules';
import { USER_POOL_ISSUER, regionFacts } from '../region';
import type { EmulatorState } from '../state';
import { poolIssuer, poolSigningKey } from './signing-key';

export interface VerifiedUserPoolToken {
  poolId: string;
  /** `aud` of an ID token, `client_id` of an access token. */
  clientId: string;
  tokenUse: 'id' | 'access';
  claims: Record<string, unknown>;
}

/** Why a user-pool token was refused; callers turn it into their own service's error. */
export class UserPoolTokenError extends Error {
  constructor(
    readonly reason: 'malformed' | 'unknown-issuer' | 'bad-signature' | 'expired',
    message: string,
  ) {
    super(message);
    this.name = 'UserPoolTokenError';
  }
}


/**
 * Verify a token this emulator's user pools issued, the way CG "Verifying
 * JSON web tokens" tells a relying party to: the issuer names an existing
 * pool, the RS256 signature verifies with the pool's key (selected by `kid`),
 * `exp` is after `now`, and `token_use` is `id` or `access`.
 *
 * @throws UserPoolTokenError with the reason, for the caller to map onto its
 * own service's error (e.g. STS `InvalidIdentityToken`, Cognito identity
 * `NotAuthorizedException`).
 */
export async function verifyUserPoolToken(state: EmulatorState, token: string, now: Date): Promise<VerifiedUserPoolToken> {
  const { compactVerify, decodeJwt, decodeProtectedHeader, errors: joseErrors } = loadJose();
  let header: ProtectedHeaderParameters;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    throw new UserPoolTokenError('malformed', 'Token is not a JWT. Expected a user pool ID or access token.');
  }

  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  const match = USER_POOL_ISSUER.exec(iss);
  const pool = match ? state.idp.pools.get(match[2]) : undefined;
  if (!match || !pool || poolIssuer(pool) !== iss) {
    throw new UserPoolTokenError(
      'unknown-issuer',
      `Token issuer not allowed: ${iss || '(none)'}. Expected the issuer of an existing user pool, https://cognito-idp.<region>.${regionFacts(state.region).dnsSuffix}/<userPoolId>.`,
    );
  }

  const key = poolSigningKey(pool);
  if (header.alg !== 'RS256' || header.kid !== key.kid) {
    throw new UserPoolTokenError(
      'bad-signature',
      `Token signing key not allowed: kid ${String(header.kid)}, alg ${String(header.alg)}. Expected kid ${key.kid}, alg RS256.`,
    );
  }
  try {
    await compactVerify(token, key.publicKey, { algorithms: ['RS256'] });
  } catch (err) {
    if (err instanceof joseErrors.JWSSignatureVerificationFailed) {
      throw new UserPoolTokenError('bad-signature', `Token signature does not verify with the key of user pool ${pool.id}.`);
    }
    throw new UserPoolTokenError('malformed', `Token could not be verified: ${(err as Error).message}`);
  }

  const tokenUse = claims.token_use;
  if (tokenUse !== 'id' && tokenUse !== 'access') {
    throw new UserPoolTokenError('malformed', `Token use not allowed: ${String(tokenUse)}. Expected: id or access.`);
  }
  const exp = claims.exp;
  if (typeof exp !== 'number') throw new UserPoolTokenError('malformed', 'Token has no exp claim.');
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (exp <= nowSeconds) {
    throw new UserPoolTokenError(
      'expired',
      `Token expired at ${new Date(exp * 1000).toISOString()}; it is now ${now.toISOString()}.`,
    );
  }

  const clientId = tokenUse === 'id' ? claims.aud : claims.client_id;
  if (typeof clientId !== 'string') {
    throw new UserPoolTokenError('malformed', `Token has no ${tokenUse === 'id' ? 'aud' : 'client_id'} claim.`);
  }
  return { poolId: pool.id, clientId, tokenUse, claims };
}
