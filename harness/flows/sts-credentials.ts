import type { AssumedRoleUser, Credentials as StsCredentials } from '@aws-sdk/client-sts';
import { CaseAborted } from '../cases/case-aborted';
import type { Credentials } from '../targets/target';

/**
 * The Credentials every STS operation that issues them returns, checked for
 * the four fields STS documents (STS-API Credentials: AccessKeyId,
 * SecretAccessKey, SessionToken, Expiration). A missing one stops the case
 * with a contract finding instead of failing later on an undefined key.
 */
export function stsCredentials(operation: string, c: StsCredentials | undefined): Credentials & { expiration: Date } {
  const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = c ?? {};
  if (AccessKeyId && SecretAccessKey && SessionToken && Expiration) {
    return { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken, expiration: Expiration };
  }
  const missing = Object.entries({ AccessKeyId, SecretAccessKey, SessionToken, Expiration }).filter(([, v]) => !v);
  throw new CaseAborted({
    path: `${operation}.Credentials`,
    kind: 'contract',
    expected: 'AccessKeyId, SecretAccessKey, SessionToken and Expiration',
    actual: `missing ${missing.map(([k]) => k).join(', ')}`,
    source: `STS-API ${operation}, Credentials`,
  });
}

/** The AssumedRoleUser of AssumeRole, AssumeRoleWithWebIdentity and AssumeRoleWithSAML, as the flows return it. */
export function assumedRoleUserOf(user: AssumedRoleUser | undefined): { arn?: string; assumedRoleId?: string } | undefined {
  return user && { arn: user.Arn, assumedRoleId: user.AssumedRoleId };
}
