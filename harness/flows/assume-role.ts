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
    }),
  );
  return {
    credentials: stsCredentials('AssumeRole', answer.Credentials),
    assumedRoleUser: assumedRoleUserOf(answer.AssumedRoleUser),
    packedPolicySize: answer.PackedPolicySize,
    sourceIdentity: answer.SourceIdentity,
  };
}
