import { dataPlane } from '../iam/data-plane';
import { evaluatePolicy } from '../policy/evaluate';
import { GUEST_ENHANCED_SCOPE_DOWN } from './guest-scope-down';
import type { RequestContext } from '../service';
import { issueRoleSession } from '../sts/issue-session';
import { invalidPoolConfiguration, loginsDoNotMatch, unauthenticatedNotSupported } from './identity-errors';
import { InputCheck, SHAPES } from './input-check';
import { findIdentity, matchLogins } from './match-logins';
import type { OpenIdTokenClaims } from './openid-token';
import { selectRole, type SelectionLogin } from './role-selection';
import { regionFacts } from '../region';
import { principalTagMap, principalTagsOf } from './principal-tags';
import { trustRequest, trustRequestForAmr } from './trust-context';
import { readLogins, verifyCognitoIdentityLogin, verifyLogins, type VerifiedLogin } from './verify-logins';

/** Enhanced-flow sessions are named this [obs, aws-contract.md §2; aws-amplify/amplify-js#1643 caller ARN]. */
export const ENHANCED_SESSION_NAME = 'CognitoIdentityCredentials';

/** Enhanced-flow credentials last one hour; there is no duration parameter [doc: aws-contract.md §2 Flows]. */
export const ENHANCED_CREDENTIAL_SECONDS = 3600;

/**
 * GetCredentialsForIdentity (unsigned), the enhanced flow [doc: CI-API
 * GetCredentialsForIdentity; CG "Identity pools authentication flow"]:
 * verify the logins and that they are this identity's, choose the role
 * (role-selection.ts), evaluate the role's trust policy as Cognito presents
 * itself to STS (trust-context.ts) — not Allow → InvalidIdentityPoolConfigurationException —
 * and issue a one-hour `CognitoIdentityCredentials` session. The answer names
 * the secret `SecretKey`, not STS's `SecretAccessKey`.
 *
 * A `cognito-identity.amazonaws.com` login (region.ts `identityLoginsKey`) carries an OpenID token (a
 * developer-authenticated identity's, typically): "If the token is for
 * cognito-identity.amazonaws.com, it will be passed through to AWS Security
 * Token Service with the appropriate role for the token" [doc: CI-API]. Its
 * identity gets the pool's authenticated role ("Developer identities get the
 * default authenticated role", aws-contract.md §2) and the trust policy sees
 * the token's own `amr`.
 *
 * A guest's session carries the enhanced-flow scope-down (guest-scope-down.ts)
 * as its session policy; a signed-in user's carries the principal tags the pool
 * maps from the login's claims (principal-tags.ts).
 *
 * Mutants: `trust-policy-ignored` skips the trust evaluation;
 * `credential-lifetime-2h` issues 7200-second credentials;
 * `custom-role-unchecked` honours a CustomRoleArn not in `cognito:roles`;
 * `rules-last-match` lets the last matching rule of a Rules mapping win.
 */
export async function getCredentialsForIdentity(input: Record<string, unknown>, ctx: RequestContext) {
  const check = new InputCheck();
  const identityId = check.string(input.IdentityId, 'identityId', { ...SHAPES.identityId, required: true });
  const sent = readLogins(check, input.Logins) ?? {};
  const customRoleArn = check.string(input.CustomRoleArn, 'customRoleArn', SHAPES.arn);
  check.done();

  const { state, now } = ctx;
  const found = findIdentity(state, identityId!);
  const pool = found.pool;
  let identity = found.identity;
  const names = regionFacts(state.region);
  const { [names.identityLoginsKey]: openIdToken, ...providerLogins } = sent;
  let logins: VerifiedLogin[] = [];
  let openId: OpenIdTokenClaims | undefined;
  if (Object.keys(sent).length === 0) {
    if (!pool.AllowUnauthenticatedIdentities) throw unauthenticatedNotSupported();
    // "Logins should not be specified when trying to get credentials for an unauthenticated identity" — and must be for an authenticated one.
    if (identity.logins.size > 0) throw loginsDoNotMatch();
  } else {
    if (openIdToken !== undefined) openId = await verifyCognitoIdentityLogin(state, pool, identity.identityId, openIdToken, now);
    logins = await verifyLogins(state, pool, providerLogins, now);
    // The OpenID token already vouches for this identity; only provider logins are matched and linked.
    if (logins.length > 0) identity = matchLogins(state, identity, logins, now);
  }

  // Role mappings are keyed by user pool and app client; the first login decides [undocumented for several logins].
  // An OpenID token has no mapping: its identity gets the authenticated role.
  // A guest's OpenID token (amr "unauthenticated") selects as a guest [undocumented].
  const primary = openId ? undefined : logins[0];
  const openIdAuthenticated = openId !== undefined && !openId.amr.includes('unauthenticated');
  const login: SelectionLogin | undefined = openIdAuthenticated
    ? { provider: names.identityLoginsKey, claims: { ...openId } }
    : primary && { provider: primary.provider, claims: primary.claims };
  const selection = selectRole({
    login,
    allowUnauthenticated: pool.AllowUnauthenticatedIdentities,
    roles: pool.roles,
    mapping: primary && pool.roleMappings[`${primary.provider}:${primary.clientId}`],
    customRoleArn,
    honourUncheckedCustomRole: state.mutants.has('custom-role-unchecked'),
    lastMatchWins: state.mutants.has('rules-last-match'),
  });
  if ('error' in selection) throw selection.error;

  // A role deleted since it was configured cannot be assumed [doc: CI-API "…or if the AssumeRole fails"].
  const role = dataPlane(state).roleByArn(selection.roleArn);
  if (!role) throw invalidPoolConfiguration();
  const trust = openId
    ? trustRequestForAmr(names.identityPrincipal, pool.IdentityPoolId, identity.identityId, openId.amr)
    : trustRequest(names.identityPrincipal, pool.IdentityPoolId, identity.identityId, logins);
  if (!state.mutants.has('trust-policy-ignored') && evaluatePolicy(role.trustPolicy, trust) !== 'Allow') throw invalidPoolConfiguration();
  const guest = ([] as unknown[]).concat(trust.context[`${names.identityPrincipal}:amr`]).includes('unauthenticated');
  // Attributes for access control: Cognito tags the session, which the trust must allow with
  // sts:TagSession [doc: CG "Using attributes for access control"]; refused like any trust
  // failure of the enhanced flow [inferred: aws-contract.md §2's answer to a trust mismatch].
  const tags = primary ? principalTagsOf(principalTagMap(pool, primary.provider), primary.claims) : {};
  if (Object.keys(tags).length > 0 && !state.mutants.has('trust-policy-ignored') && evaluatePolicy(role.trustPolicy, { ...trust, action: 'sts:TagSession' }) !== 'Allow') {
    throw invalidPoolConfiguration();
  }

  const session = issueRoleSession(state, {
    role,
    sessionName: ENHANCED_SESSION_NAME,
    durationSeconds: state.mutants.has('credential-lifetime-2h') ? 7200 : ENHANCED_CREDENTIAL_SECONDS,
    source: 'GetCredentialsForIdentity',
    sessionPolicy: guest ? GUEST_ENHANCED_SCOPE_DOWN : undefined,
    // The role's policies can name the identity: ${cognito-identity.amazonaws.com:sub} [doc: IAM-UG "IAM policy elements: Variables and tags"].
    attributes: { federatedKeys: trust.context, tags },
  });
  return {
    IdentityId: identity.identityId,
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: session.expiration,
    },
  };
}
