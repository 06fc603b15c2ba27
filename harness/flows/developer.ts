import { GetOpenIdTokenForDeveloperIdentityCommand, type CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CaseAborted } from '../cases/case-aborted';
import type { OpenIdTokenResult } from './basic';
import { enhancedFlow, type EnhancedFlowResult } from './enhanced';
import { regionNames } from '../targets/region';

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
 * GetCredentialsForIdentity under the Region's identity-pool login
 * (`cognito-identity.amazonaws.com` in default Regions; CI-API
 * GetCredentialsForIdentity, Logins; CG "Developer-authenticated identities";
 * targets/region.ts for other Regions). The Region is the client's: the one
 * the request goes to.
 */
export async function developerFlow(
  identity: CognitoIdentityClient,
  req: DeveloperTokenRequest & { customRoleArn?: string },
): Promise<DeveloperFlowResult> {
  const { identityId, token } = await developerOpenIdToken(identity, req);
  const { identityLoginsKey } = regionNames(await identity.config.region());
  const credentials = await enhancedFlow(identity, {
    identityPoolId: req.identityPoolId,
    identityId,
    logins: { [identityLoginsKey]: token },
    customRoleArn: req.customRoleArn,
  });
  return { ...credentials, token };
}
