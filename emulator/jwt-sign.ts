import { sign, type KeyObject } from 'node:crypto';

/** RSASSA-PKCS1-v1_5 JWS algorithms and their digests (RFC 7518 §3.3). */
const DIGESTS = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' } as const;

export type RsaJwsAlgorithm = keyof typeof DIGESTS;

/**
 * A JWT signed with RSASSA-PKCS1-v1_5 (`header.alg` RS256, RS384 or RS512), in
 * JWS compact form (RFC 7515 §7.1), signed on libuv's thread pool. jose signs
 * through WebCrypto, which on Node 20 does the RSA work on the calling thread:
 * about a millisecond per token, a quarter of the emulator's CPU under a
 * sign-in heavy load (seen with --cpu-prof). node:crypto's sign with a
 * callback hands it to another core. jose still verifies every token, and the
 * tests check these with jose, so a token jose would not accept fails them.
 */
export function signRsaJwt(header: { alg: RsaJwsAlgorithm } & Record<string, unknown>, claims: Record<string, unknown>, privateKey: KeyObject): Promise<string> {
  const digest = DIGESTS[header.alg];
  if (!digest) return Promise.reject(new Error(`JWS algorithm ${String(header.alg)} is not one of ${Object.keys(DIGESTS).join(', ')}.`));
  const input = `${part(header)}.${part(claims)}`;
  return new Promise((resolve, reject) => {
    sign(digest, Buffer.from(input), privateKey, (err, signature) => {
      if (err) reject(err);
      else resolve(`${input}.${signature.toString('base64url')}`);
    });
  });
}

function part(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
