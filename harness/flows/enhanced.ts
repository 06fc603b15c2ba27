import { GetCredentialsForIdentityCommand, type CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import type { Credentials } from '../targets/target';
import { CaseAborted } from '../cases/case-aborted';
import { getIdentityId } from './get-id';

export interface EnhancedFlowRequest {
  identityPoolId: string;
  /** Provider name → token, e.g. `cognito-idp.<region>.amazonaws.com/<poolId>` → ID token. Omit for guest access. */
  logins?: Record<string, string>;
  customRoleArn?: string;
  /** Reuse an identity instead of calling GetId. */
  identityId?: string;
  /** Needed by GetId when the pool is in another account; optional otherwise. */
  accountId?: string;
}

export interface EnhancedFlowResult {
  identityId: string;
  credentials: Credentials & { expiration: Date };
}

/**
 * The enhanced (simplified) identity-pool flow: GetId then
 * GetCredentialsForIdentity; Cognito picks and assumes the role itself
 * (CG "Identity pools authentication flow").
 */
export async function enhancedFlow(identity: CognitoIdentityClient, req: EnhancedFlowRequest): Promise<EnhancedFlowResult> {
  const identityId = req.identityId ?? (await getIdentityId(identity, { identityPoolId: req.identityPoolId, logins: req.logins, accountId: req.accountId }));
  const answer = await identity.send(
    new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: req.logins, CustomRoleArn: req.customRoleArn }),
  );
  const { AccessKeyId, SecretKey, SessionToken, Expiration } = answer.Credentials ?? {};
  if (AccessKeyId && SecretKey && SessionToken && Expiration) {
    return { identityId: answer.IdentityId ?? identityId, credentials: { accessKeyId: AccessKeyId, secretAccessKey: SecretKey, sessionToken: SessionToken, expiration: Expiration } };
  }
  // The field is SecretKey here, not STS's SecretAccessKey (CI-API Credentials).
  const missing = Object.entries({ AccessKeyId, SecretKey, SessionToken, Expiration }).filter(([, v]) => !v);
  throw new CaseAborted({
    path: 'GetCredentialsForIdentity.Credentials',
    kind: 'contract',
    expected: 'AccessKeyId, SecretKey, SessionToken and Expiration',
    actual: `missing ${missing.map(([k]) => k).join(', ')}`,
    source: 'CI-API GetCredentialsForIdentity, Credentials',
  });
}
