import { loadJose } from '../lazy-modules';
import type { AwsServiceError } from '../errors';
import { UserPoolTokenError, verifyUserPoolToken } from '../cognito-idp/verify-token';
import type { EmulatorState } from '../state';
import { cognitoTokenNotAllowed, loginsDoNotMatch, notAuthorized } from './identity-errors';
import { OpenIdTokenError, verifyOpenIdToken, type OpenIdTokenClaims } from './openid-token';
import { USER_POOL_PROVIDER, regionFacts } from '../region';
import { SHAPES, type InputCheck } from './input-check';
import { mappableProviders } from './role-config';
import type { IdentityPool } from './state';

/** A login whose token verified: who the user is at which provider. */
export interface VerifiedLogin {
  /** The Logins key, e.g. `cognito-idp.us-east-1.amazonaws.com/us-east-1_abc`. */
  provider: string;
  /** The user's id at the provider: the ID token's `sub`. */
  userId: string;
  /** The app client the token was issued to (`aud`). */
  clientId: string;
  claims: Record<string, unknown>;
  /** The login's provider-qualified `amr` entry when it is not the user-pool form (trust-context.ts AmrLogin). */
  qualified?: string;
}

/** The Logins map shape shared by GetId and GetCredentialsForIdentity [doc: CI-API LoginsMap: ≤10, tokens 1–50000]. */
export function readLogins(check: InputCheck, value: unknown): Record<string, string> | undefined {
  return check.stringMap(value, 'logins', {
    max: 10,
    key: SHAPES.identityProviderName,
    value: SHAPES.identityProviderToken,
    sensitive: true,
  });
}

// The "Invalid login token. …" wordings are AWS's as seen on the wire:
const NOT_OIDC = 'Invalid login token. Not a valid OpenId Connect identity token.'; // [obs: jonsaw/amazon-cognito-identity-dart#85]
const ISSUER_MISMATCH = "Invalid login token. Issuer doesn't match providerName"; // [obs: amazon-archives/amazon-cognito-identity-js#40, #407]
const MISSING_AUD = 'Invalid login token. Missing a required claim: aud'; // [obs: amazon-archives/amazon-cognito-identity-js#7, an access token sent]
const BAD_SIGNATURE = "Invalid login token. Couldn't verify signed token."; // [obs: amazon-archives/amazon-cognito-identity-js#91]
const UNSUPPORTED = 'Token is not from a supported provider of this identity pool.'; // [obs: aws-amplify/amplify-js#2067 (wrong app client), amazon-cognito-identity-js#153 (pool not configured)]

/** [obs: aws-amplify/amplify-js#3675, aws-amplify/aws-sdk-ios#2570] "Invalid login token. Token expired: 1563259261 >= 1563256680" — now, then exp. */
export function tokenExpiredMessage(nowSeconds: number, exp: number): string {
  return `Invalid login token. Token expired: ${nowSeconds} >= ${exp}`;
}

/**
 * The checks a user pool login goes through, in order, as a pure function of
 * the decoded claims (signature and expiry are checked after, by
 * verifyUserPoolToken): the token's issuer is `https://<Logins key>`; it is an
 * ID token (has `aud`); the pool lists that user pool with that app client in
 * CognitoIdentityProviders [doc: CI-API CognitoIdentityProvider; GetId Logins].
 *
 * @returns the error AWS answers, or undefined when the login may be verified.
 */
export function checkUserPoolLogin(pool: IdentityPool, provider: string, claims: Record<string, unknown>): AwsServiceError | undefined {
  if (claims.iss !== `https://${provider}`) return notAuthorized(ISSUER_MISMATCH);
  if (typeof claims.aud !== 'string') return notAuthorized(MISSING_AUD);
  const configured = (pool.CognitoIdentityProviders ?? []).some((p) => p.ProviderName === provider && p.ClientId === claims.aud);
  if (!configured) return notAuthorized(UNSUPPORTED);
  return undefined;
}

function decode(token: string): Record<string, unknown> | undefined {
  try {
    return loadJose().decodeJwt(token) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

async function verifyUserPoolLogin(
  state: EmulatorState,
  pool: IdentityPool,
  provider: string,
  token: string,
  now: Date,
): Promise<VerifiedLogin> {
  const claims = decode(token);
  if (!claims) throw notAuthorized(NOT_OIDC);
  const refused = checkUserPoolLogin(pool, provider, claims);
  if (refused) throw refused;
  try {
    const verified = await verifyUserPoolToken(state, token, now);
    if (verified.tokenUse !== 'id') throw notAuthorized(MISSING_AUD);
    return { provider, userId: String(verified.claims.sub), clientId: verified.clientId, claims: verified.claims };
  } catch (err) {
    if (!(err instanceof UserPoolTokenError)) throw err;
    switch (err.reason) {
      case 'expired':
        throw notAuthorized(tokenExpiredMessage(Math.floor(now.getTime() / 1000), Number(claims.exp)));
      case 'malformed':
        throw notAuthorized(NOT_OIDC);
      // A deleted user pool or a foreign key: the signature cannot be checked.
      case 'unknown-issuer':
      case 'bad-signature':
        throw notAuthorized(BAD_SIGNATURE);
    }
  }
}

/**
 * Verify every entry of a Logins map for an identity pool. Only Amazon Cognito
 * user pool ID tokens are emulated; a key the pool does not configure is refused
 * as AWS refuses it, and a configured public provider (Facebook, OIDC, SAML) is
 * refused with a message naming the emulator's limit. The developer provider's
 * name and `cognito-identity.amazonaws.com` are refused as AWS refuses them
 * here (see the comments at each).
 *
 * @throws AwsServiceError NotAuthorizedException with AWS's "Invalid login token. …" wordings.
 */
export async function verifyLogins(
  state: EmulatorState,
  pool: IdentityPool,
  logins: Record<string, string>,
  now: Date,
): Promise<VerifiedLogin[]> {
  const out: VerifiedLogin[] = [];
  for (const [provider, token] of Object.entries(logins)) {
    if (USER_POOL_PROVIDER.test(provider)) {
      out.push(await verifyUserPoolLogin(state, pool, provider, token, now));
      continue;
    }
    // An OpenID token goes under this key only to GetCredentialsForIdentity (verifyCognitoIdentityLogin).
    if (provider === regionFacts(state.region).identityLoginsKey) throw cognitoTokenNotAllowed();
    // The developer provider's name is no Logins key for a token: its users sign in through
    // GetOpenIdTokenForDeveloperIdentity [obs: aws/aws-sdk-net#1251, a developer token sent under it].
    if (provider === pool.DeveloperProviderName) throw notAuthorized(ISSUER_MISMATCH);
    const configured = mappableProviders(pool).has(provider);
    if (!configured) throw notAuthorized(UNSUPPORTED);
    throw notAuthorized(
      `Logins from ${provider} are not emulated by the idchain reference emulator. Expected an Amazon Cognito user pool provider, cognito-idp.<region>.${regionFacts(state.region).dnsSuffix}/<userPoolId>.`,
    );
  }
  return out;
}

/**
 * Verify the `cognito-identity.amazonaws.com` login of GetCredentialsForIdentity:
 * an OpenID token (from GetOpenIdTokenForDeveloperIdentity, typically) that
 * "will be passed through to AWS Security Token Service with the appropriate
 * role for the token" [doc: CI-API GetCredentialsForIdentity]. It must verify
 * (issuer, signature, expiry — NotAuthorizedException with the "Invalid login
 * token. …" wordings users see for other tokens [undocumented for this
 * provider]), be issued for this pool (`aud`) and for this identity (`sub`,
 * else "Logins don't match").
 *
 * @returns the token's claims; its `amr` is what the role's trust policy sees.
 */
export async function verifyCognitoIdentityLogin(
  state: EmulatorState,
  pool: IdentityPool,
  identityId: string,
  token: string,
  now: Date,
): Promise<OpenIdTokenClaims> {
  let claims: OpenIdTokenClaims;
  try {
    claims = await verifyOpenIdToken(state, token, now);
  } catch (err) {
    if (!(err instanceof OpenIdTokenError)) throw err;
    switch (err.reason) {
      case 'malformed':
        throw notAuthorized(NOT_OIDC);
      case 'wrong-issuer':
        throw notAuthorized(ISSUER_MISMATCH);
      case 'bad-signature':
        throw notAuthorized(BAD_SIGNATURE);
      case 'expired':
        throw notAuthorized(tokenExpiredMessage(Math.floor(now.getTime() / 1000), err.exp ?? 0));
    }
  }
  if (claims.aud !== pool.IdentityPoolId) throw notAuthorized(UNSUPPORTED);
  if (claims.sub !== identityId) throw loginsDoNotMatch();
  return claims;
}
