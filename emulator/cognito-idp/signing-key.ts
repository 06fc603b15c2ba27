import { createHash } from 'node:crypto';
import { takeRsaKeyPair } from '../rsa-key-reserve';
import type { SigningKey, UserPool } from './state';
import { userPoolProviderName } from '../region';

/**
 * The pool's RSA signing key, made on first use. Tokens are RS256 with a
 * `kid` header [doc: CG "Understanding the identity (ID) token", header
 * `{"kid": "1234example=", "alg": "RS256"}`]. AWS publishes two keys per pool
 * (one for ID, one for access tokens); one key serves both here, which a
 * verifier that selects by `kid` cannot tell apart.
 */
export function poolSigningKey(pool: UserPool): SigningKey {
  if (pool.signingKey) return pool.signingKey;
  const { privateKey, publicKey } = takeRsaKeyPair();
  const der = publicKey.export({ type: 'spki', format: 'der' });
  // Looks like AWS's kids: standard base64 of a 32-byte digest, ending in '='.
  const kid = createHash('sha256').update(der).digest('base64');
  const { n, e } = publicKey.export({ format: 'jwk' });
  const jwk = { alg: 'RS256', e, kid, kty: 'RSA', n, use: 'sig' };
  pool.signingKey = { kid, privateKey, publicKey, jwk };
  return pool.signingKey;
}

/** The pool's JSON Web Key Set, as served at `/<poolId>/.well-known/jwks.json`. */
export function poolJwks(pool: UserPool): { keys: Record<string, unknown>[] } {
  return { keys: [poolSigningKey(pool).jwk] };
}

/** `https://cognito-idp.<region>.amazonaws.com/<poolId>` (`.com.cn` in China, region.ts) [doc: CG "Verifying JSON web tokens"]. */
export function poolIssuer(pool: Pick<UserPool, 'id' | 'region'>): string {
  return `https://${userPoolProviderName(pool.region, pool.id)}`;
}
