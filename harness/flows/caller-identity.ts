import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { CaseAborted } from '../cases/case-aborted';
import type { Clients } from '../clients/factory';
import type { Credentials } from '../targets/target';

export interface CallerIdentity {
  arn: string;
  userId: string;
  account: string;
}

/**
 * Who the given credentials are, per STS GetCallerIdentity (needs no
 * permission). An answer without Arn, UserId or Account stops the case with a
 * contract finding.
 */
export async function callerIdentity(clients: Clients, credentials: Credentials): Promise<CallerIdentity> {
  const sts = clients.stsWith(credentials);
  const { Arn, UserId, Account } = await sts.send(new GetCallerIdentityCommand({}));
  if (Arn && UserId && Account) return { arn: Arn, userId: UserId, account: Account };
  const missing = [!Arn && 'Arn', !UserId && 'UserId', !Account && 'Account'].filter(Boolean).join(', ');
  throw new CaseAborted({ path: 'GetCallerIdentity', kind: 'contract', expected: 'Arn, UserId and Account', actual: `missing ${missing}`, source: 'STS-API GetCallerIdentity' });
}

/** Split `arn:<partition>:sts::<acct>:assumed-role/<role>/<session>` (IAM-UG "IAM identifiers"), in any partition. */
export function parseAssumedRoleArn(arn: string): { account: string; roleName: string; sessionName: string } | undefined {
  const m = /^arn:aws[\w-]*:sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/.exec(arn);
  return m ? { account: m[1], roleName: m[2], sessionName: m[3] } : undefined;
}
