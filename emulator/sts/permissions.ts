import { AwsServiceError } from '../errors';
import type { ServiceAccess } from '../authz/operation-access';

/**
 * STS operations and who authorizes them. None is checked by the operation
 * table itself:
 * - GetCallerIdentity: "No permissions are required to perform this
 *   operation" [doc: STS-API GetCallerIdentity];
 * - GetSessionToken: "No permissions are required for a user to get a session
 *   token … You cannot use policies to control authentication operations"
 *   [doc: IAM-UG "Permissions for GetSessionToken"];
 * - AssumeRoleWithWebIdentity, AssumeRoleWithSAML: unsigned; the role's trust
 *   policy decides [doc: STS-API, "Calling AssumeRoleWithWebIdentity does not
 *   require the use of Amazon Web Services security credentials"];
 * - AssumeRole: the role's trust policy and, when the trust names only the
 *   account, the caller's own permissions — trust-check.ts;
 * - GetFederationToken: `sts:GetFederationToken` on the federated user, checked
 *   by federation-token.ts after it refuses session credentials, so those keep
 *   their own message.
 */
export const STS_ACCESS: ServiceAccess = {
  operations: {
    GetCallerIdentity: { notChecked: 'STS-API GetCallerIdentity: no permissions are required' },
    GetSessionToken: { notChecked: 'IAM-UG "Permissions for GetSessionToken": no permissions are required' },
    AssumeRoleWithWebIdentity: { notChecked: 'unsigned; the trust policy decides' },
    AssumeRoleWithSAML: { notChecked: 'unsigned; the trust policy decides' },
    AssumeRole: { notChecked: 'trust-check.ts: trust policy, then the caller permissions when the trust names the account' },
    GetFederationToken: { notChecked: 'federation-token.ts: sts:GetFederationToken after the session-credential refusal' },
  },
  denied: (message) => new AwsServiceError('AccessDenied', message, 403),
};
