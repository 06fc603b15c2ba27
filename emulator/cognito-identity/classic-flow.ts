import type { AwsServiceError } from '../errors';
import { classicFlowDisabled, classicFlowWithRoleMappings } from './identity-errors';
import type { IdentityPool } from './state';

/**
 * Whether a pool serves the basic (classic) flow, checked by GetOpenIdToken
 * [doc: CG "Identity pools authentication flow"; CI-API IdentityPool
 * AllowClassicFlow]: the pool must allow it (InvalidParameterException "Basic
 * (classic) flow is not enabled, please use enhanced flow.") and have no
 * RoleMappings ("Basic (classic) flow is not supported with RoleMappings, please
 * use enhanced flow.") [obs, aws-contract.md §2 Flows]. A pool created without
 * the flag at all was once seen to allow the flow [obs: aws/aws-cli#7652, closed
 * unconfirmed]; here an absent flag is false, as CreateIdentityPool documents.
 *
 * @param ignoreFlag mutant `classic-flow-flag-ignored`: skip the AllowClassicFlow check.
 * @returns the error AWS answers, or undefined when the flow may proceed.
 */
export function checkClassicFlow(pool: IdentityPool, ignoreFlag = false): AwsServiceError | undefined {
  if (!pool.AllowClassicFlow && !ignoreFlag) return classicFlowDisabled();
  if (Object.keys(pool.roleMappings).length > 0) return classicFlowWithRoleMappings();
  return undefined;
}
