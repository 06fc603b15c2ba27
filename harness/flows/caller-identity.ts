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
