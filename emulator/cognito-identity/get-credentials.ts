import { roleByArn } from '../iam/state';
import { evaluatePolicy } from '../policy/evaluate';
import type { RequestContext } from '../service';
import { issueRoleSession } from '../sts/issue-session';
import type { EmulatorState } from '../state';
import { identityNotFound, invalidPoolConfiguration, loginsDoNotMatch, unauthenticatedNotSupported } from './identity-errors';
import { InputCheck, SHAPES } from './input-check';
import { linkLogin } from './link-identity';
import { selectRole } from './role-selection';
import { identityByLogin, type Identity, type IdentityPool } from './state';
import { trustRequest } from './trust-context';
import { readLogins, verifyLogins, type VerifiedLogin } from './verify-logins';

/** Enhanced-flow sessions are named this [obs, aws-contract.md §2; aws-amplify/amplify-js#1643 caller ARN]. */
export const ENHANCED_SESSION_NAME = 'CognitoIdentityCredentials';

/** Enhanced-flow credentials last one hour; there is no duration parameter [doc: aws-contract.md §2 Flows]. */
export const ENHANCED_CREDENTIAL_SECONDS = 3600;

/**
 * Check that the sent logins belong to the identity and link new ones. Every
 * verified login must be linked to this identity or to none; at least one must
 * already be linked unless the identity has no logins yet (a guest becomes
 * authenticated by its first login [doc: CI-API GetOpenIdToken "You can
 * optionally add additional logins for the identity"]). Otherwise
 * NotAuthorizedException "Logins don't match. Please include at least one
 * valid login for this identity or identity pool." [obs: aws-amplify/amplify-js#2443].
 */
function matchLogins(state: EmulatorState, identity: Identity, logins: readonly VerifiedLogin[], now: Date): void {
  let matched = identity.logins.size === 0;
  for (const l of logins) {
    const owner = identityByLogin(state.identity, identity.poolId, l.provider, l.userId);
    if (owner && owner !== identity) throw loginsDoNotMatch();
    if (owner === identity) matched = true;
  }
  if (!matched) throw loginsDoNotMatch();
  for (const l of logins) {
    if (identity.logins.has(l.provider) && identity.logins.get(l.provider) !== l.userId) throw loginsDoNotMatch();
  }
  for (const l of logins) linkLogin(identity, l.provider, l.userId, now);
}

function findIdentity(state: EmulatorState, identityId: string): { identity: Identity; pool: IdentityPool } {
  const identity = state.identity.identities.get(identityId);
  const pool = identity && state.identity.pools.get(identity.poolId);
  if (!identity || !pool) throw identityNotFound(identityId);
  return { identity, pool };
}

/**
 * GetCredentialsForIdentity (unsigned), the enhanced flow [doc: CI-API
 * GetCredentialsForIdentity; CG "Identity pools authentication flow"]:
 * verify the logins and that they are this identity's, choose the role
 * (role-selection.ts), evaluate the role's trust policy as Cognito presents
 * itself to STS (trust-context.ts) — not Allow → InvalidIdentityPoolConfigurationException —
 * and issue a one-hour `CognitoIdentityCredentials` session. The answer names
 * the secret `SecretKey`, not STS's `SecretAccessKey`.
 *
 * Mutants: `trust-policy-ignored` skips the trust evaluation;
 * `credential-lifetime-2h` issues 7200-second credentials;
 * `custom-role-unchecked` honours a CustomRoleArn not in `cognito:roles`.
 */
export async function getCredentialsForIdentity(input: Record<string, unknown>, ctx: RequestContext) {
  const check = new InputCheck();
  const identityId = check.string(input.IdentityId, 'identityId', { ...SHAPES.identityId, required: true });
  const sent = readLogins(check, input.Logins) ?? {};
  const customRoleArn = check.string(input.CustomRoleArn, 'customRoleArn', SHAPES.arn);
  check.done();

  const { state, now } = ctx;
  const { identity, pool } = findIdentity(state, identityId!);
  let logins: VerifiedLogin[] = [];
  if (Object.keys(sent).length === 0) {
    if (!pool.AllowUnauthenticatedIdentities) throw unauthenticatedNotSupported();
    // "Logins should not be specified when trying to get credentials for an unauthenticated identity" — and must be for an authenticated one.
    if (identity.logins.size > 0) throw loginsDoNotMatch();
  } else {
    logins = await verifyLogins(state, pool, sent, now);
    matchLogins(state, identity, logins, now);
  }

  // Role mappings are keyed by user pool and app client; the first login decides [undocumented for several logins].
  const primary = logins[0];
  const selection = selectRole({
    login: primary && { provider: primary.provider, claims: primary.claims },
    allowUnauthenticated: pool.AllowUnauthenticatedIdentities,
    roles: pool.roles,
    mapping: primary && pool.roleMappings[`${primary.provider}:${primary.clientId}`],
    customRoleArn,
    honourUncheckedCustomRole: state.mutants.has('custom-role-unchecked'),
  });
  if ('error' in selection) throw selection.error;

  // A role deleted since it was configured cannot be assumed [doc: CI-API "…or if the AssumeRole fails"].
  const role = roleByArn(state.iam, selection.roleArn);
  if (!role) throw invalidPoolConfiguration();
  if (!state.mutants.has('trust-policy-ignored')) {
    const request = trustRequest(pool.IdentityPoolId, identity.identityId, logins);
    if (evaluatePolicy(role.trustPolicy, request) !== 'Allow') throw invalidPoolConfiguration();
  }

  const session = issueRoleSession(state, {
    role,
    sessionName: ENHANCED_SESSION_NAME,
    durationSeconds: state.mutants.has('credential-lifetime-2h') ? 7200 : ENHANCED_CREDENTIAL_SECONDS,
    source: 'GetCredentialsForIdentity',
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
