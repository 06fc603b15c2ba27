import type { Principal } from '../principal';
import type { RequestPrincipal } from './types';

/**
 * The global condition keys a request carries about who signed it and when
 * [doc: IAM-UG "AWS global condition context keys"]:
 * - `aws:PrincipalArn`: for a role session the ARN of the role, not of the
 *   session ("For IAM roles, the request context returns the ARN of the role");
 * - `aws:PrincipalAccount`, `aws:PrincipalType` (`User`, `AssumedRole`,
 *   `FederatedUser`, `Account`), `aws:userid` (the principal's unique id, for a
 *   role session `<RoleId>:<session>`), `aws:username` (IAM users only);
 * - `aws:CurrentTime` (ISO 8601) and `aws:EpochTime`.
 * Policy variables such as `${aws:username}` read the same keys.
 */
export function principalContext(principal: Principal, now: Date): Record<string, string> {
  const context: Record<string, string> = {
    'aws:PrincipalAccount': principal.accountId,
    'aws:userid': principal.userId,
    'aws:CurrentTime': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': String(Math.floor(now.getTime() / 1000)),
  };
  switch (principal.kind) {
    case 'user':
      return { ...context, 'aws:PrincipalArn': principal.arn, 'aws:PrincipalType': 'User', 'aws:username': principal.userName };
    case 'assumed-role':
      return { ...context, 'aws:PrincipalArn': principal.roleArn, 'aws:PrincipalType': 'AssumedRole' };
    case 'federated-user':
      return { ...context, 'aws:PrincipalArn': principal.arn, 'aws:PrincipalType': 'FederatedUser' };
    case 'root':
      return { ...context, 'aws:PrincipalArn': principal.arn, 'aws:PrincipalType': 'Account' };
  }
}

/**
 * The ARNs an `"AWS"` principal element can name the caller by: a role
 * session answers to the session ARN and to the role's ARN (evaluate.ts's
 * RequestPrincipal); every other caller to its own ARN.
 */
export function awsPrincipalOf(principal: Principal): RequestPrincipal {
  return { AWS: principal.kind === 'assumed-role' ? [principal.arn, principal.roleArn] : [principal.arn] };
}
