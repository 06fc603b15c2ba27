import { GetCredentialsForIdentityCommand, GetIdCommand, type CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import type { Credentials } from '../targets/target';
import { CaseAborted } from '../cases/case-aborted';

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
  const identityId =
    req.identityId ??
    (await identity.send(new GetIdCommand({ IdentityPoolId: req.identityPoolId, Logins: req.logins, AccountId: req.accountId }))).IdentityId!;
  const answer = await identity.send(
    new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: req.logins, CustomRoleArn: req.customRoleArn }),
  );
  const c = answer.Credentials;
  const missing = ['AccessKeyId', 'SecretKey', 'SessionToken', 'Expiration'].filter((k) => !c?.[k as keyof typeof c]);
  if (!c || missing.length > 0) {
    // The field is SecretKey here, not STS's SecretAccessKey (CI-API Credentials).
    throw new CaseAborted({
      path: 'GetCredentialsForIdentity.Credentials',
      kind: 'contract',
      expected: 'AccessKeyId, SecretKey, SessionToken and Expiration',
      actual: `missing ${missing.join(', ')}`,
      source: 'CI-API GetCredentialsForIdentity, Credentials',
    });
  }
  return {
    identityId: answer.IdentityId ?? identityId,
    credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretKey!, sessionToken: c.SessionToken, expiration: c.Expiration! },
  };
}
