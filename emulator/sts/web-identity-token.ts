import { loadJose } from '../lazy-modules';
import type { EmulatorState } from '../state';
import {
  INVALID_IDENTITY_TOKEN_DESCRIPTION,
  expiredWebIdentityToken,
  invalidIdentityToken,
} from './sts-errors';
import { KEY_NOT_RETRIEVED } from './oidc-provider-issuer';
import { resolveIssuer, type IssuerResolver, type WebIdentityIssuer } from './web-identity-issuer';

/** A web identity token STS accepted: who issued it and what it says. */
export interface VerifiedWebIdentity {
  issuer: WebIdentityIssuer;
  claims: Record<string, unknown>;
  /** `sub`, answered as SubjectFromWebIdentityToken. */
  subject: string;
  /** `aud` (the first, when it is a list), answered as Audience. */
  audience: string;
}

// [obs, aws-contract.md §5, real AWS output]
const NOT_A_JWT = 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)';
const MISSING_AUD = 'Missing a required claim: aud';
const noProvider = (iss: string) => `No OpenIDConnect provider found in your account for ${iss}`;

function decode(token: string) {
  try {
    const { decodeProtectedHeader, decodeJwt } = loadJose();
    return { header: decodeProtectedHeader(token), claims: decodeJwt(token) as Record<string, unknown> };
  } catch {
    throw invalidIdentityToken(NOT_A_JWT);
  }
}

async function checkSignature(issuer: WebIdentityIssuer, token: string, header: { kid?: string; alg?: string }): Promise<void> {
  const key = (await issuer.keys()).find((k) => k.kid === header.kid && k.alg === header.alg);
  // A token whose key the issuer does not publish: STS finds no key to verify with
  // [obs: "Couldn't retrieve verification key …" for a JWKS out of step with the signing key].
  if (!key) throw invalidIdentityToken(KEY_NOT_RETRIEVED);
  // Bytes changed after signing: AWS's wording is undocumented; the error's documented description is answered.
  try {
    await loadJose().compactVerify(token, key.key, { algorithms: [key.alg] });
  } catch {
    throw invalidIdentityToken(INVALID_IDENTITY_TOKEN_DESCRIPTION);
  }
}

/**
 * Verify the WebIdentityToken of AssumeRoleWithWebIdentity, in this order:
 * it is a JWT; its `iss` is one of `resolvers` (STS's, in sts/service.ts), else
 * "No OpenIDConnect provider found in your account for <iss>"; the signature
 * verifies with one of the issuer's keys (selected by `kid` and `alg`); `exp` is
 * after `now`, else ExpiredTokenException "Token expired: current date/time
 * <now> must be before the expiration date/time <exp>"; `aud` is present ("Missing
 * a required claim: aud") and the issuer accepts it. Messages per aws-contract.md §5.
 *
 * Role, trust policy and duration are the operation's business.
 */
export async function verifyWebIdentityToken(
  state: EmulatorState,
  token: string,
  now: Date,
  resolvers: readonly IssuerResolver[],
): Promise<VerifiedWebIdentity> {
  const { header, claims } = decode(token);
  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  const issuer = resolveIssuer(state, iss, resolvers);
  if (!issuer) throw invalidIdentityToken(noProvider(iss));
  // Mutant `web-identity-signature-unchecked`: the signature is not looked at.
  if (!state.mutants.has('web-identity-signature-unchecked')) await checkSignature(issuer, token, header);

  const nowSeconds = Math.floor(now.getTime() / 1000);
  const exp = typeof claims.exp === 'number' ? claims.exp : undefined;
  if (exp === undefined || exp <= nowSeconds) throw expiredWebIdentityToken(nowSeconds, exp ?? 0);

  const audiences = Array.isArray(claims.aud) ? claims.aud.map(String) : typeof claims.aud === 'string' ? [claims.aud] : [];
  if (audiences.length === 0) throw invalidIdentityToken(MISSING_AUD);
  const refused = issuer.checkAudience(audiences);
  if (refused !== undefined) throw invalidIdentityToken(refused);

  return { issuer, claims, subject: typeof claims.sub === 'string' ? claims.sub : '', audience: audiences[0] };
}
