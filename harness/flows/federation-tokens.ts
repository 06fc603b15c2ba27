import { GetFederationTokenCommand, GetSessionTokenCommand, type STSClient } from '@aws-sdk/client-sts';
import type { Credentials } from '../targets/target';
import { stsCredentials } from './sts-credentials';

export interface FederationTokenRequest {
  /** The federated user's name, 2–32 characters `[\w+=,.@-]*` (STS-API GetFederationToken). */
  name: string;
  /** 900–129600; default 43200 (3600 at most for the root user). */
  durationSeconds?: number;
  /** A session policy (JSON text). Without one the federated user has no permissions (STS-API GetFederationToken). */
  policy?: string;
}

export interface FederationTokenResult {
  credentials: Credentials & { expiration: Date };
  federatedUser?: { arn?: string; federatedUserId?: string };
  packedPolicySize?: number;
}

/** STS GetFederationToken, signed with the long-term credentials of an IAM user. */
export async function federationToken(sts: STSClient, req: FederationTokenRequest): Promise<FederationTokenResult> {
  const answer = await sts.send(new GetFederationTokenCommand({ Name: req.name, DurationSeconds: req.durationSeconds, Policy: req.policy }));
  return {
    credentials: stsCredentials('GetFederationToken', answer.Credentials),
    federatedUser: answer.FederatedUser && { arn: answer.FederatedUser.Arn, federatedUserId: answer.FederatedUser.FederatedUserId },
    packedPolicySize: answer.PackedPolicySize,
  };
}

/** STS GetSessionToken: temporary credentials for the calling IAM user (STS-API GetSessionToken; 900–129600, default 43200). */
export async function sessionToken(sts: STSClient, req: { durationSeconds?: number } = {}): Promise<{ credentials: Credentials & { expiration: Date } }> {
  const answer = await sts.send(new GetSessionTokenCommand({ DurationSeconds: req.durationSeconds }));
  return { credentials: stsCredentials('GetSessionToken', answer.Credentials) };
}
