import type { EmulatorState } from '../state';
import { roleByArn } from './state';

/**
 * Whether IAM can resolve a user or role ARN a trust policy names. ARNs of
 * this account must name an existing role or user (IAM turns them into unique
 * ids, and refuses one that does not exist: "Invalid principal in policy"
 * [obs: hashicorp/terraform-provider-aws#8905]). ARNs of other accounts are
 * accepted: the emulator holds one account only.
 */
export function trustPrincipalExists(state: EmulatorState, arn: string): boolean {
  const account = /^arn:aws[\w-]*:iam::(\d{12}):/.exec(arn)?.[1];
  if (account !== state.accountId) return true;
  if (roleByArn(state.iam, arn)) return true;
  for (const user of state.iam.users.values()) if (user.arn === arn) return true;
  return false;
}
