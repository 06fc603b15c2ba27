import { createHmac } from 'node:crypto';
import {
  AdminInitiateAuthCommand,
  InitiateAuthCommand,
  type ChallengeNameType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { CaseAborted } from '../cases/case-aborted';

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

/**
 * Cognito answered a sign-in with a challenge instead of tokens: for
 * NEW_PASSWORD_REQUIRED, the user's password is temporary and must be changed
 * first (UP-API InitiateAuth, ChallengeName; AdminCreateUser leaves a user in
 * FORCE_CHANGE_PASSWORD). A case stops on it with a contract finding.
 */
export class SignInChallenge extends CaseAborted {
  constructor(
    readonly challengeName: ChallengeNameType | string,
    operation: string,
    readonly username: string,
  ) {
    super({
      path: `${operation}.AuthenticationResult`,
      kind: 'contract',
      expected: 'IdToken and AccessToken',
      actual: `the challenge ${challengeName} and no tokens`,
      source: 'UP-API InitiateAuth: AuthenticationResult, or ChallengeName when another step is needed',
    });
  }
}

/**
 * Sign a user in to a user pool with a password and return the tokens. An
 * answer without them stops the case with a contract finding: a
 * SignInChallenge when Cognito asks for another step.
 */
export async function signIn(idp: CognitoIdentityProviderClient, req: SignInRequest): Promise<SignInResult> {
  const AuthParameters: Record<string, string> = { USERNAME: req.username, PASSWORD: req.password };
  if (req.clientSecret) AuthParameters.SECRET_HASH = secretHash(req.clientSecret, req.username, req.clientId);
  const flow = req.flow ?? 'USER_PASSWORD_AUTH';
  const answer =
    flow === 'USER_PASSWORD_AUTH'
      ? await idp.send(new InitiateAuthCommand({ AuthFlow: flow, ClientId: req.clientId, AuthParameters }))
      : await idp.send(new AdminInitiateAuthCommand({ AuthFlow: flow, ClientId: req.clientId, UserPoolId: req.userPoolId, AuthParameters }));
  const operation = flow === 'USER_PASSWORD_AUTH' ? 'InitiateAuth' : 'AdminInitiateAuth';
  const tokens = answer.AuthenticationResult;
  if (tokens?.IdToken && tokens.AccessToken) {
    return { idToken: tokens.IdToken, accessToken: tokens.AccessToken, refreshToken: tokens.RefreshToken, expiresIn: tokens.ExpiresIn, tokenType: tokens.TokenType };
  }
  if (answer.ChallengeName) throw new SignInChallenge(answer.ChallengeName, operation, req.username);
  const missing = [!tokens?.IdToken && 'IdToken', !tokens?.AccessToken && 'AccessToken'].filter(Boolean).join(', ');
  throw new CaseAborted({ path: `${operation}.AuthenticationResult`, kind: 'contract', expected: 'IdToken and AccessToken', actual: `missing ${missing}`, source: 'UP-API InitiateAuth, AuthenticationResult' });
}
