import type { EmulatorState } from '../state';
import { dataPlane } from './data-plane';

/**
 * Whether IAM can resolve a user or role ARN a trust policy names. ARNs of
 * this account must name an existing role or user (IAM turns them into unique
 * ids, and refuses one that does not exist: "Invalid principal in policy"
 * [obs: hashicorp/terraform-provider-aws#8905]). ARNs of other accounts are
 * accepted: the emulator holds one account only. IAM resolves them through
 * its data plane, so under weather a role created moments ago is not there
 * yet: "Invalid principal in policy" until it propagates [obs:
 * hashicorp/terraform-provider-aws#1388, #8905, #12436; aws-contract.md §4].
 */
export function trustPrincipalExists(state: EmulatorState, arn: string): boolean {
  const account = /^arn:aws[\w-]*:iam::(\d{12}):/.exec(arn)?.[1];
  if (account !== state.accountId) return true;
  if (dataPlane(state).roleByArn(arn)) return true;
  for (const user of state.iam.users.values()) if (user.arn === arn) return true;
  return false;
}
