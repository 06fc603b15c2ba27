import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Clients } from '../clients/factory';
import type { Credentials } from '../targets/target';

export interface CallerIdentity {
  arn: string;
  userId: string;
  account: string;
}

/** Who the given credentials are, per STS GetCallerIdentity (needs no permission). */
export async function callerIdentity(clients: Clients, credentials: Credentials): Promise<CallerIdentity> {
  const sts = clients.stsWith(credentials);
  const who = await sts.send(new GetCallerIdentityCommand({}));
  return { arn: who.Arn!, userId: who.UserId!, account: who.Account! };
}

/** Split `arn:aws:sts::<acct>:assumed-role/<role>/<session>` (IAM-UG "IAM identifiers"). */
export function parseAssumedRoleArn(arn: string): { account: string; roleName: string; sessionName: string } | undefined {
  const m = /^arn:aws[\w-]*:sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/.exec(arn);
  return m ? { account: m[1], roleName: m[2], sessionName: m[3] } : undefined;
}

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
