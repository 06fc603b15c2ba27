/**
 * Deliberate faults the emulator can be started with, so tests can prove the
 * contract suites fail when a behaviour departs from AWS. Each name says what
 * it breaks. Never enabled unless asked for by name.
 */
export const MUTANTS = {
  'precedence-reversed': 'cognito:preferred_role picks the group with the highest precedence number',
  'tie-picks-first': 'equal precedence with different roles still yields a preferred role',
  'trust-policy-ignored': 'identity-pool role trust policies are not evaluated',
  'credential-lifetime-2h': 'enhanced-flow credentials last two hours instead of one',
  'custom-role-unchecked': 'CustomRoleArn is honoured even when not in cognito:roles',
  'duration-bounds-off': 'AssumeRoleWithWebIdentity accepts DurationSeconds outside 900..the role MaxSessionDuration',
  'classic-flow-flag-ignored': 'GetOpenIdToken serves the basic flow on pools without AllowClassicFlow',
  'guest-allowed-when-disabled': 'GetId without Logins is accepted when AllowUnauthenticatedIdentities is false',
  'rules-last-match': 'a Rules role mapping picks the last matching rule instead of the first',
  'saml-signature-unchecked': 'AssumeRoleWithSAML accepts assertions whose XML signature does not verify with the provider metadata',
  'chaining-cap-off': 'AssumeRole with role-session credentials allows DurationSeconds above the one-hour role-chaining limit',
  'session-policy-ignored': 'session policies passed to AssumeRole or GetFederationToken do not narrow the session permissions',
  'web-identity-signature-unchecked': 'AssumeRoleWithWebIdentity accepts tokens whose signature does not verify with the issuer keys',
  'assume-role-trust-ignored': 'AssumeRole does not evaluate the role trust policy',
  'temporary-credentials-iam-allowed': 'IAM accepts calls signed with GetFederationToken credentials, or with GetSessionToken credentials without MFA',
  'oidc-audience-unchecked': 'AssumeRoleWithWebIdentity accepts OIDC tokens whose aud is not in the IAM provider client id list',
  'developer-identity-not-reused': 'GetOpenIdTokenForDeveloperIdentity makes a new identity for a developer user it already knows',
  'sign-in-identity-not-reused': 'GetId makes a new identity for a user-pool login it already knows',
  's3-policy-variables-literal': 'S3 authorization leaves policy variables such as ${aws:username} unsubstituted, as in a policy without Version 2012-10-17',
  's3-explicit-deny-ignored': 'S3 authorization ignores Deny statements in identity, session and bucket policies',
  'transitive-tags-dropped': 'a role session chained with AssumeRole does not inherit the transitive session tags of the calling session',
} as const;

export type MutantName = keyof typeof MUTANTS;

export function parseMutants(names: Iterable<string>): ReadonlySet<MutantName> {
  const out = new Set<MutantName>();
  for (const name of names) {
    // An own key only: `toString in MUTANTS` is true through the prototype.
    if (!Object.prototype.hasOwnProperty.call(MUTANTS, name)) {
      throw new Error(`Unknown emulator mutant: ${name}. Expected one of: ${Object.keys(MUTANTS).join(', ')}`);
    }
    out.add(name as MutantName);
  }
  return out;
}
