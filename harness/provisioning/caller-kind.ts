export type CallerKind = 'iam-user' | 'root' | 'assumed-role' | 'federated-user' | 'unknown';

/**
 * What kind of principal an ARN names (IAM-UG "IAM identifiers"): which STS
 * calls it may make differs — GetFederationToken and GetSessionToken need
 * long-term keys of an IAM user (or root, capped at one hour), and a role
 * session assuming a role is role chaining, capped at one hour.
 */
export function callerKind(arn: string): CallerKind {
  if (/^arn:aws[\w-]*:iam::\d{12}:root$/.test(arn)) return 'root';
  if (/^arn:aws[\w-]*:iam::\d{12}:user\//.test(arn)) return 'iam-user';
  if (/^arn:aws[\w-]*:sts::\d{12}:assumed-role\//.test(arn)) return 'assumed-role';
  if (/^arn:aws[\w-]*:sts::\d{12}:federated-user\//.test(arn)) return 'federated-user';
  return 'unknown';
}
