import { generateKeyPairSync } from 'node:crypto';
import { compactVerify, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { signRsaJwt } from './jwt-sign';

// What the emulator signs must be a JWS any verifier accepts: checked here with
// jose (RFC 7515 compact serialization, RS256 per RFC 7518 §3.3), never with this code.
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });

test.each(['RS256', 'RS384', 'RS512'] as const)('an %s token jose verifies, with the header and claims given, in their order', async (alg) => {
  const claims = { sub: 'abc', 'cognito:groups': ['admins'], iss: 'https://issuer.example', exp: 2_000_000_000, iat: 1_999_999_000 };
  const token = await signRsaJwt({ kid: 'k-1', alg }, claims, privateKey);
  expect(token.split('.')).toHaveLength(3);
  expect(token).not.toMatch(/[=+/]/); // base64url, unpadded (RFC 7515 §2)
  const { protectedHeader, payload } = await jwtVerify(token, publicKey, { algorithms: [alg], currentDate: new Date(1_999_999_500_000) });
  expect(protectedHeader).toEqual({ kid: 'k-1', alg });
  expect(payload).toEqual(claims);
  expect(Object.keys(decodeJwt(token))).toEqual(['sub', 'cognito:groups', 'iss', 'exp', 'iat']);
  expect(Object.keys(decodeProtectedHeader(token))).toEqual(['kid', 'alg']);
});

test('a token signed with one key does not verify with another, and a changed claim breaks the signature', async () => {
  const token = await signRsaJwt({ alg: 'RS256' }, { sub: 'a' }, privateKey);
  await expect(compactVerify(token, other.publicKey)).rejects.toThrow('signature verification failed');
  const [h, , s] = token.split('.');
  const forged = `${h}.${Buffer.from(JSON.stringify({ sub: 'b' })).toString('base64url')}.${s}`;
  await expect(compactVerify(forged, publicKey)).rejects.toThrow('signature verification failed');
});

test('a public key, or an algorithm that is not RSASSA-PKCS1-v1_5, is refused rather than turned into a token', async () => {
  await expect(signRsaJwt({ alg: 'RS256' }, {}, publicKey)).rejects.toThrow();
  await expect(signRsaJwt({ alg: 'HS256' } as never, {}, privateKey)).rejects.toThrow('JWS algorithm HS256 is not one of RS256, RS384, RS512.');
});
