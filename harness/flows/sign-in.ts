import { createHmac } from 'node:crypto';
import {
  AdminInitiateAuthCommand,
  InitiateAuthCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';

export interface SignInRequest {
  userPoolId: string;
  clientId: string;
  clientSecret?: string;
  username: string;
  password: string;
  /**
   * USER_PASSWORD_AUTH is the unsigned InitiateAuth an app makes;
   * ADMIN_USER_PASSWORD_AUTH the signed AdminInitiateAuth a backend makes (UP-API InitiateAuth).
   */
  flow?: 'USER_PASSWORD_AUTH' | 'ADMIN_USER_PASSWORD_AUTH';
}

export interface SignInResult {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
  expiresIn?: number;
  tokenType?: string;
}

/** SECRET_HASH = Base64(HMAC-SHA256(clientSecret, username + clientId)) (CG "Computing secret hash values"). */
export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret).update(username + clientId).digest('base64');
}

/** Sign a user in to a user pool with a password and return the tokens. */
export async function signIn(idp: CognitoIdentityProviderClient, req: SignInRequest): Promise<SignInResult> {
  const AuthParameters: Record<string, string> = { USERNAME: req.username, PASSWORD: req.password };
  if (req.clientSecret) AuthParameters.SECRET_HASH = secretHash(req.clientSecret, req.username, req.clientId);
  const flow = req.flow ?? 'USER_PASSWORD_AUTH';
  const answer =
    flow === 'USER_PASSWORD_AUTH'
      ? await idp.send(new InitiateAuthCommand({ AuthFlow: flow, ClientId: req.clientId, AuthParameters }))
      : await idp.send(new AdminInitiateAuthCommand({ AuthFlow: flow, ClientId: req.clientId, UserPoolId: req.userPoolId, AuthParameters }));
  const tokens = answer.AuthenticationResult;
  if (!tokens?.IdToken || !tokens.AccessToken) {
    throw new Error(`${flow} for ${req.username} returned no tokens${answer.ChallengeName ? ` but the challenge ${answer.ChallengeName}` : ''}.`);
  }
  return { idToken: tokens.IdToken, accessToken: tokens.AccessToken, refreshToken: tokens.RefreshToken, expiresIn: tokens.ExpiresIn, tokenType: tokens.TokenType };
}
