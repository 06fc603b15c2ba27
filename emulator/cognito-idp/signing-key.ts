import { createHash } from 'node:crypto';
import { nextRsaKeyPair, takeRsaKeyPair, type RsaKeyPair } from '../rsa-key-reserve';
import type { SigningKey, UserPool } from './state';
import { userPoolProviderName } from '../region';

function poolKeyFrom({ privateKey, publicKey }: RsaKeyPair): SigningKey {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  // Looks like AWS's kids: standard base64 of a 32-byte digest, ending in '='.
  const kid = createHash('sha256').update(der).digest('base64');
  const { n, e } = publicKey.export({ format: 'jwk' });
  return { kid, privateKey, publicKey, jwk: { alg: 'RS256', e, kid, kty: 'RSA', n, use: 'sig' } };
}

/**
 * The pool's RSA signing key, made on first use. Tokens are RS256 with a
 * `kid` header [doc: CG "Understanding the identity (ID) token", header
 * `{"kid": "1234example=", "alg": "RS256"}`]. AWS publishes two keys per pool
 * (one for ID, one for access tokens); one key serves both here, which a
 * verifier that selects by `kid` cannot tell apart. This one is for callers
 * that cannot wait (the JWKS, verification): without a key it makes one now.
 */
export function poolSigningKey(pool: UserPool): SigningKey {
  return (pool.signingKey ??= poolKeyFrom(takeRsaKeyPair()));
}

const coming = new WeakMap<UserPool, Promise<SigningKey>>();

/** The pool's signing key for a token about to be signed: waits for the key the pool ordered rather than making one on the emulator's thread. */
export function readyPoolSigningKey(pool: UserPool): Promise<SigningKey> {
  if (pool.signingKey) return Promise.resolve(pool.signingKey);
  let key = coming.get(pool);
  if (!key) {
    key = nextRsaKeyPair().then((pair) => (pool.signingKey ??= poolKeyFrom(pair)));
    coming.set(pool, key);
  }
  return key;
}

/** The pool's JSON Web Key Set, as served at `/<poolId>/.well-known/jwks.json`. */
export function poolJwks(pool: UserPool): { keys: Record<string, unknown>[] } {
  return { keys: [poolSigningKey(pool).jwk] };
}

/** `https://cognito-idp.<region>.amazonaws.com/<poolId>` (`.com.cn` in China, region.ts) [doc: CG "Verifying JSON web tokens"]. */
export function poolIssuer(pool: Pick<UserPool, 'id' | 'region'>): string {
  return `https://${userPoolProviderName(pool.region, pool.id)}`;
}
