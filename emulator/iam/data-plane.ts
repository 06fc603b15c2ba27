import type { EmulatorState } from '../state';
import type { IamView } from './iam-view';

/**
 * IAM as every service but IAM itself sees it: STS assuming a role, Cognito
 * identity pools checking and using roles, S3 resolving a bucket policy's
 * principals, and the authorization of role sessions. Under weather a change
 * reaches it only after its propagation delay ("A successful GetRole does not
 * prove STS can see the role", aws-contract.md §4); IAM's own operations read
 * `state.iam` and see every change at once.
 */
export function dataPlane(state: EmulatorState): IamView {
  return state.weather.iam;
}
