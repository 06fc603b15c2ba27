import { GetOpenIdTokenCommand, type CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { AssumeRoleWithWebIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { CaseAborted } from '../cases/case-aborted';
import type { Credentials } from '../targets/target';
import { getIdentityId } from './get-id';
import { assumedRoleUserOf, stsCredentials } from './sts-credentials';

export interface OpenIdTokenRequest {
  /** Needed when `identityId` is not given: GetId runs first. */
  identityPoolId?: string;
  /** Reuse an identity instead of calling GetId. */
  identityId?: string;
  /** Provider name → token; omit for a guest. The same map goes to GetId and GetOpenIdToken. */
  logins?: Record<string, string>;
  accountId?: string;
}

export interface OpenIdTokenResult {
  identityId: string;
  /** The OpenID token (a JWT). Kept in memory only; never written anywhere. */
  token: string;
}

/**
 * GetId (unless an identity id is given) then GetOpenIdToken: the first half
 * of the basic (classic) flow (CG "Identity pools authentication flow";
 * CI-API GetOpenIdToken: "The OpenID token is valid for 10 minutes").
 */
export async function openIdToken(identity: CognitoIdentityClient, req: OpenIdTokenRequest): Promise<OpenIdTokenResult> {
  let identityId = req.identityId;
  if (identityId === undefined) {
    if (!req.identityPoolId) throw new Error('openIdToken needs an identityPoolId when no identityId is given. Pass one of them.');
    identityId = await getIdentityId(identity, { identityPoolId: req.identityPoolId, logins: req.logins, accountId: req.accountId });
  }
  const answer = await identity.send(new GetOpenIdTokenCommand({ IdentityId: identityId, Logins: req.logins }));
  if (!answer.Token) {
    throw new CaseAborted({ path: 'GetOpenIdToken.Token', kind: 'contract', expected: 'present', actual: 'absent', source: 'CI-API GetOpenIdToken' });
  }
  // "Note that the IdentityId returned may not match the one passed on input" (CI-API GetOpenIdToken).
  return { identityId: answer.IdentityId ?? identityId, token: answer.Token };
}

export interface WebIdentityRequest {
  roleArn: string;
  /** 2–64 characters, `[\w+=,.@-]*` (STS-API AssumeRoleWithWebIdentity). */
  roleSessionName: string;
  webIdentityToken: string;
  /** 900 up to the role's MaxSessionDuration; STS's default is 3600. Omit to get the default. */
  durationSeconds?: number;
}

export interface WebIdentityResult {
  credentials: Credentials & { expiration: Date };
  subjectFromWebIdentityToken?: string;
  provider?: string;
  audience?: string;
  assumedRoleUser?: { arn?: string; assumedRoleId?: string };
}

/**
 * STS AssumeRoleWithWebIdentity, the second half of the basic flow: the app
 * names the role. The call is unsigned (STS-API: "Calling
 * AssumeRoleWithWebIdentity does not require the use of AWS security credentials").
 */
export async function assumeRoleWithWebIdentity(sts: STSClient, req: WebIdentityRequest): Promise<WebIdentityResult> {
  const answer = await sts.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: req.roleArn,
      RoleSessionName: req.roleSessionName,
      WebIdentityToken: req.webIdentityToken,
      DurationSeconds: req.durationSeconds,
    }),
  );
  return {
    credentials: stsCredentials('AssumeRoleWithWebIdentity', answer.Credentials),
    subjectFromWebIdentityToken: answer.SubjectFromWebIdentityToken,
    provider: answer.Provider,
    audience: answer.Audience,
    assumedRoleUser: assumedRoleUserOf(answer.AssumedRoleUser),
  };
}

export interface BasicFlowRequest extends OpenIdTokenRequest {
  /** The role the app chose; it must trust the identity pool (CG "Role trust and permissions"). */
  roleArn: string;
  roleSessionName?: string;
  durationSeconds?: number;
}

export interface BasicFlowResult extends WebIdentityResult {
  identityId: string;
  /** The OpenID token STS was given. Kept in memory only. */
  openIdToken: string;
}

/** The session name the basic flow uses when the caller gives none. */
export const BASIC_FLOW_SESSION_NAME = 'idchain-basic-flow';

/**
 * The basic (classic) identity-pool flow: GetId → GetOpenIdToken →
 * sts:AssumeRoleWithWebIdentity with a role the app picks (CG "Identity pools
 * authentication flow"). Needs AllowClassicFlow on the pool.
 */
export async function basicFlow(
  clients: { identity: CognitoIdentityClient; sts: STSClient },
  req: BasicFlowRequest,
): Promise<BasicFlowResult> {
  const { identityId, token } = await openIdToken(clients.identity, req);
  const assumed = await assumeRoleWithWebIdentity(clients.sts, {
    roleArn: req.roleArn,
    roleSessionName: req.roleSessionName ?? BASIC_FLOW_SESSION_NAME,
    webIdentityToken: token,
    durationSeconds: req.durationSeconds,
  });
  return { identityId, openIdToken: token, ...assumed };
}
