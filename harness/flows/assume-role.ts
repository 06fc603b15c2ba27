import { AssumeRoleCommand, type PolicyDescriptorType, type STSClient } from '@aws-sdk/client-sts';
import type { Credentials } from '../targets/target';
import { assumedRoleUserOf, stsCredentials } from './sts-credentials';

export interface AssumeRoleRequest {
  roleArn: string;
  /** 2–64 characters, `[\w+=,.@-]*` (STS-API AssumeRole). */
  roleSessionName: string;
  /** 900 up to the role's MaxSessionDuration, at most 3600 when chaining; default 3600. Omit to get the default. */
  durationSeconds?: number;
  /** An inline session policy (JSON text): it can only narrow the role's permissions. */
  policy?: string;
  policyArns?: string[];
  /** Session tags (STS-API AssumeRole, Tags: at most 50, keys ≤128, values ≤256 characters). */
  tags?: Record<string, string>;
  /** Which of `tags` pass on when this session assumes another role (IAM-UG "Chaining roles with session tags"). */
  transitiveTagKeys?: string[];
  /** What a trust policy's `sts:ExternalId` condition asks for (STS-API AssumeRole, ExternalId). */
  externalId?: string;
  /** Set once for the whole chain (STS-API AssumeRole, SourceIdentity). */
  sourceIdentity?: string;
}

export interface AssumeRoleResult {
  credentials: Credentials & { expiration: Date };
  assumedRoleUser?: { arn?: string; assumedRoleId?: string };
  packedPolicySize?: number;
  sourceIdentity?: string;
}

/**
 * STS AssumeRole, signed by whoever `sts` signs as: the harness's own
 * identity, or role credentials for role chaining (STS-API AssumeRole).
 */
export async function assumeRole(sts: STSClient, req: AssumeRoleRequest): Promise<AssumeRoleResult> {
  const answer = await sts.send(
    new AssumeRoleCommand({
      RoleArn: req.roleArn,
      RoleSessionName: req.roleSessionName,
      DurationSeconds: req.durationSeconds,
      Policy: req.policy,
      PolicyArns: req.policyArns?.map((arn): PolicyDescriptorType => ({ arn })),
      Tags: req.tags && Object.entries(req.tags).map(([Key, Value]) => ({ Key, Value })),
      TransitiveTagKeys: req.transitiveTagKeys,
      ExternalId: req.externalId,
      SourceIdentity: req.sourceIdentity,
    }),
  );
  return {
    credentials: stsCredentials('AssumeRole', answer.Credentials),
    assumedRoleUser: assumedRoleUserOf(answer.AssumedRoleUser),
    packedPolicySize: answer.PackedPolicySize,
    sourceIdentity: answer.SourceIdentity,
  };
}
