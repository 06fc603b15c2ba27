import type { PolicyRequest } from '../policy/evaluate';

/** A login the credentials are issued for: the provider (Logins key) and the user's id there (`sub`). */
export interface AmrLogin {
  provider: string;
  userId: string;
  /**
   * The login's provider-qualified `amr` entry. Defaults to the user-pool form
   * `<provider>:CognitoSignIn:<userId>`; see developerAmrLogin for developer providers.
   */
  qualified?: string;
}

/**
 * A developer provider's login as it appears in `amr`: the provider name, then
 * `<provider>:<identityPoolId>:<developerUserId>` [obs: a decoded developer token's
 * amr `["authenticated", "benorama.auth", "benorama.auth:eu-west-1:f9795799-…:ben"]`,
 * benorama/grails-cognito-auth README].
 */
export function developerAmrLogin(provider: string, poolId: string, userId: string): AmrLogin {
  return { provider, userId, qualified: `${provider}:${poolId}:${userId}` };
}

/**
 * The `amr` values of an identity's session. "When Amazon Cognito creates a
 * token, it will set the amr of the token to be either "unauthenticated" or
 * "authenticated" and in the authenticated case will include any providers
 * used during authentication" [doc: CG "Role trust and permissions"]. For a
 * user pool login the provider appears twice, bare and as
 * `<provider>:CognitoSignIn:<sub>` [obs: API Gateway's
 * `cognitoAuthenticationProvider`, "cognito-idp.us-east-1.amazonaws.com/us-east-1_xxx,
 * cognito-idp.us-east-1.amazonaws.com/us-east-1_aaa:CognitoSignIn:<sub>", quoted
 * in many public Lambda handlers].
 */
export function amrValues(logins: readonly AmrLogin[]): string[] {
  if (logins.length === 0) return ['unauthenticated'];
  return ['authenticated', ...logins.flatMap((l) => [l.provider, l.qualified ?? `${l.provider}:CognitoSignIn:${l.userId}`])];
}

/**
 * The request Cognito makes against a role's trust policy when it assumes the
 * role for an identity: `sts:AssumeRoleWithWebIdentity` by the federated
 * principal (`cognito-identity.amazonaws.com` in most Regions; region.ts
 * `identityPrincipal`), with the condition keys `<principal>:aud` (the pool id),
 * `:amr` and `:sub` (the identity id) [doc: CG "Role trust and permissions";
 * aws-contract.md §2 Trust policy].
 */
export function trustRequest(principal: string, poolId: string, identityId: string, logins: readonly AmrLogin[]): PolicyRequest {
  return trustRequestForAmr(principal, poolId, identityId, amrValues(logins));
}

/**
 * The same request for a session whose `amr` is already known, e.g. taken from
 * an OpenID token (GetCredentialsForIdentity with a `cognito-identity.amazonaws.com`
 * login, or STS AssumeRoleWithWebIdentity in the basic flow).
 */
export function trustRequestForAmr(principal: string, poolId: string, identityId: string, amr: readonly string[]): PolicyRequest {
  return {
    action: 'sts:AssumeRoleWithWebIdentity',
    principal: { Federated: principal },
    context: {
      [`${principal}:aud`]: poolId,
      [`${principal}:amr`]: [...amr],
      [`${principal}:sub`]: identityId,
    },
  };
}
