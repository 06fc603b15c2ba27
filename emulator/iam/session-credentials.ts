import { AwsServiceError } from '../errors';
import type { Principal } from '../principal';
import type { EmulatorState } from '../state';

/**
 * Credentials IAM does not take: a federated user's (GetFederationToken) and
 * GetSessionToken's without MFA. "Cannot call IAM API operations using the AWS
 * CLI or AWS API" / "Cannot call IAM API operations unless MFA information is
 * included" [doc: IAM-UG "Compare AWS STS credentials"]. IAM answers
 * `InvalidClientTokenId` (403) "The security token included in the request is
 * invalid" [obs: cloudyr/aws.iam#15, list_roles with GetSessionToken credentials].
 *
 * Mutant `temporary-credentials-iam-allowed`: such credentials are taken like any other.
 */
export function refuseSessionCredentials(state: EmulatorState, caller: Principal | undefined): void {
  if (!caller || state.mutants.has('temporary-credentials-iam-allowed')) return;
  if (caller.kind === 'federated-user' || state.iam.sessionTokenPrincipals.has(caller)) {
    throw new AwsServiceError('InvalidClientTokenId', 'The security token included in the request is invalid', 403);
  }
}
