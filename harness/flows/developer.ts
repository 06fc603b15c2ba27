import { GetOpenIdTokenForDeveloperIdentityCommand, type CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CaseAborted } from '../cases/case-aborted';
import type { OpenIdTokenResult } from './basic';
import { enhancedFlow, type EnhancedFlowResult } from './enhanced';

/**
 * The Logins key under which a developer-authenticated identity's OpenID token
 * is exchanged for credentials (CI-API GetCredentialsForIdentity, Logins;
 * CG "Developer-authenticated identities").
 */
export const COGNITO_IDENTITY_LOGIN = 'cognito-identity.amazonaws.com';

export interface DeveloperTokenRequest {
  identityPoolId: string;
  /** The pool's DeveloperProviderName. */
  developerProviderName: string;
  /** The user's id in the developer's own back end. */
  developerUserId: string;
  /** Link the developer user to this existing identity; omit to create or retrieve the user's own. */
  identityId?: string;
  /** 1–86400 seconds; the token lasts 15 minutes when omitted (CI-API GetOpenIdTokenForDeveloperIdentity). */
  tokenDuration?: number;
  /** "Attribute mappings for custom providers": tags for the sessions this token leads to (CI-API GetOpenIdTokenForDeveloperIdentity, PrincipalTags). */
  principalTags?: Record<string, string>;
}

/**
 * GetOpenIdTokenForDeveloperIdentity: a back end (signed, with IAM credentials)
 * registers or retrieves the identity of one of its users and gets an OpenID
 * token for it (CI-API GetOpenIdTokenForDeveloperIdentity).
 */
export async function developerOpenIdToken(identity: CognitoIdentityClient, req: DeveloperTokenRequest): Promise<OpenIdTokenResult> {
  const answer = await identity.send(
    new GetOpenIdTokenForDeveloperIdentityCommand({
      IdentityPoolId: req.identityPoolId,
      IdentityId: req.identityId,
      Logins: { [req.developerProviderName]: req.developerUserId },
      TokenDuration: req.tokenDuration,
      PrincipalTags: req.principalTags,
    }),
  );
  if (!answer.IdentityId || !answer.Token) {
    throw new CaseAborted({
      path: 'GetOpenIdTokenForDeveloperIdentity',
      kind: 'contract',
      expected: 'IdentityId and Token',
      actual: `missing ${[!answer.IdentityId && 'IdentityId', !answer.Token && 'Token'].filter(Boolean).join(', ')}`,
      source: 'CI-API GetOpenIdTokenForDeveloperIdentity',
    });
  }
  return { identityId: answer.IdentityId, token: answer.Token };
}

export interface DeveloperFlowResult extends EnhancedFlowResult {
  /** The developer OpenID token exchanged. Kept in memory only. */
  token: string;
}

/**
 * The developer-authenticated flow through the enhanced flow: the back end
 * gets an OpenID token for its user, the app exchanges it with
 * GetCredentialsForIdentity under the `cognito-identity.amazonaws.com` login.
 */
export async function developerFlow(
  identity: CognitoIdentityClient,
  req: DeveloperTokenRequest & { customRoleArn?: string },
): Promise<DeveloperFlowResult> {
  const { identityId, token } = await developerOpenIdToken(identity, req);
  const credentials = await enhancedFlow(identity, {
    identityPoolId: req.identityPoolId,
    identityId,
    logins: { [COGNITO_IDENTITY_LOGIN]: token },
    customRoleArn: req.customRoleArn,
  });
  return { ...credentials, token };
}
