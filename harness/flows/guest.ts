import type { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { enhancedFlow, type EnhancedFlowResult } from './enhanced';
import { getIdentityId } from './get-id';

/**
 * GetId without Logins: a new guest (unauthenticated) identity. The pool must
 * allow unauthenticated identities (CI-API CreateIdentityPool,
 * AllowUnauthenticatedIdentities; CG "Identity pools authentication flow").
 */
export async function guestIdentity(identity: CognitoIdentityClient, req: { identityPoolId: string; accountId?: string }): Promise<string> {
  return getIdentityId(identity, { identityPoolId: req.identityPoolId, accountId: req.accountId });
}

/**
 * The enhanced guest flow: GetId then GetCredentialsForIdentity, both without
 * Logins; the credentials are the pool's unauthenticated role's. Pass
 * `identityId` to reuse a guest identity the app cached.
 */
export function guestCredentials(
  identity: CognitoIdentityClient,
  req: { identityPoolId: string; identityId?: string },
): Promise<EnhancedFlowResult> {
  return enhancedFlow(identity, { identityPoolId: req.identityPoolId, identityId: req.identityId });
}
