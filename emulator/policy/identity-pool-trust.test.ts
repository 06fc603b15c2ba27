import { evaluatePolicy, parseTrustPolicy, type Decision, type PolicyRequest } from './evaluate';

/**
 * The trust policy every identity-pool role carries (aws-contract.md §2; CG
 * "Role trust and permissions"): Federated cognito-identity.amazonaws.com,
 * action sts:AssumeRoleWithWebIdentity, `StringEquals` on the pool id in `aud`
 * and `ForAnyValue:StringLike` on `amr`.
 */
const POOL = 'us-east-1:11111111-2222-3333-4444-555555555555';
const OTHER_POOL = 'us-east-1:99999999-8888-7777-6666-555555555555';
const USER_POOL_PROVIDER = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123';

function trustPolicy(amr: string | string[]) {
  return parseTrustPolicy(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': POOL },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
          },
        },
      ],
    }),
  );
}

function webIdentity(aud: string | undefined, amr: string[] | undefined, overrides: Partial<PolicyRequest> = {}): PolicyRequest {
  return {
    action: 'sts:AssumeRoleWithWebIdentity',
    principal: { Federated: 'cognito-identity.amazonaws.com' },
    context: {
      'cognito-identity.amazonaws.com:aud': aud,
      'cognito-identity.amazonaws.com:amr': amr,
      'cognito-identity.amazonaws.com:sub': 'us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    },
    ...overrides,
  };
}

// An authenticated identity's amr lists "authenticated" and its providers (CG
// "Identity pools (federated identities) authentication flow").
const AUTHENTICATED_AMR = ['authenticated', USER_POOL_PROVIDER, `${USER_POOL_PROVIDER}:CognitoSignIn:abc`];

describe('identity-pool trust policy (aws-contract.md §2)', () => {
  const authRole = trustPolicy('authenticated');
  const unauthRole = trustPolicy('unauthenticated');

  it.each<[string, ReturnType<typeof trustPolicy>, PolicyRequest, Decision]>([
    ['authenticated role, its pool, authenticated identity', authRole, webIdentity(POOL, AUTHENTICATED_AMR), 'Allow'],
    ['authenticated role, another pool', authRole, webIdentity(OTHER_POOL, AUTHENTICATED_AMR), 'ImplicitDeny'],
    ['authenticated role, guest identity', authRole, webIdentity(POOL, ['unauthenticated']), 'ImplicitDeny'],
    ['unauthenticated role, guest identity', unauthRole, webIdentity(POOL, ['unauthenticated']), 'Allow'],
    ['unauthenticated role, authenticated identity', unauthRole, webIdentity(POOL, AUTHENTICATED_AMR), 'ImplicitDeny'],
    ['unauthenticated role, another pool', unauthRole, webIdentity(OTHER_POOL, ['unauthenticated']), 'ImplicitDeny'],
    ['aud compares case-sensitively', authRole, webIdentity(POOL.toUpperCase(), AUTHENTICATED_AMR), 'ImplicitDeny'],
    ['aud missing', authRole, webIdentity(undefined, AUTHENTICATED_AMR), 'ImplicitDeny'],
    ['amr missing: ForAnyValue over an absent key is false', authRole, webIdentity(POOL, undefined), 'ImplicitDeny'],
    ['amr empty', authRole, webIdentity(POOL, []), 'ImplicitDeny'],
    ['amr given as a single string still matches ForAnyValue', authRole, { ...webIdentity(POOL, undefined), context: { 'cognito-identity.amazonaws.com:aud': POOL, 'cognito-identity.amazonaws.com:amr': 'authenticated' } }, 'Allow'],
    ['condition keys in another case', authRole, { ...webIdentity(POOL, undefined), context: { 'Cognito-Identity.amazonaws.com:AUD': POOL, 'COGNITO-IDENTITY.AMAZONAWS.COM:amr': AUTHENTICATED_AMR } }, 'Allow'],
    ['another action', authRole, webIdentity(POOL, AUTHENTICATED_AMR, { action: 'sts:AssumeRole' }), 'ImplicitDeny'],
    ['another federated provider', authRole, webIdentity(POOL, AUTHENTICATED_AMR, { principal: { Federated: 'accounts.google.com' } }), 'ImplicitDeny'],
    ['an AWS caller rather than a web identity', authRole, webIdentity(POOL, AUTHENTICATED_AMR, { principal: { AWS: ['arn:aws:iam::123456789012:user/alice'] } }), 'ImplicitDeny'],
  ])('%s → %s', (_label, policy, req, decision) => {
    expect(evaluatePolicy(policy, req)).toBe(decision);
  });

  it('a wildcard amr pattern matches a provider entry', () => {
    const policy = trustPolicy('cognito-idp.*');
    expect(evaluatePolicy(policy, webIdentity(POOL, AUTHENTICATED_AMR))).toBe('Allow');
    expect(evaluatePolicy(policy, webIdentity(POOL, ['unauthenticated']))).toBe('ImplicitDeny');
  });

  it('several amr values in the policy are alternatives', () => {
    const policy = trustPolicy(['unauthenticated', 'authenticated']);
    expect(evaluatePolicy(policy, webIdentity(POOL, ['unauthenticated']))).toBe('Allow');
    expect(evaluatePolicy(policy, webIdentity(POOL, AUTHENTICATED_AMR))).toBe('Allow');
  });

  // "Multivalued context keys require a condition set operator" (IAM-UG
  // "Single-valued vs. multivalued context keys"): a plain StringLike on amr,
  // which the request carries as a list, does not match.
  it('plain StringLike on the multivalued amr key does not match', () => {
    const policy = parseTrustPolicy(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: 'cognito-identity.amazonaws.com' },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: { 'cognito-identity.amazonaws.com:aud': POOL },
              StringLike: { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
            },
          },
        ],
      }),
    );
    expect(evaluatePolicy(policy, webIdentity(POOL, AUTHENTICATED_AMR))).toBe('ImplicitDeny');
    expect(evaluatePolicy(policy, webIdentity(POOL, ['authenticated']))).toBe('ImplicitDeny');
  });

  it('a Deny statement for another pool does not affect this pool', () => {
    const policy = parseTrustPolicy(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          ...trustPolicy('authenticated').Statement,
          {
            Effect: 'Deny',
            Principal: { Federated: 'cognito-identity.amazonaws.com' },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': OTHER_POOL } },
          },
        ],
      }),
    );
    expect(evaluatePolicy(policy, webIdentity(POOL, AUTHENTICATED_AMR))).toBe('Allow');
    expect(evaluatePolicy(policy, webIdentity(OTHER_POOL, AUTHENTICATED_AMR))).toBe('ExplicitDeny');
  });
});
