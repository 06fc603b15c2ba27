import type { Principal, SessionAttributes } from '../principal';
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
export function principalContext(principal: Principal, now: Date): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {
    'aws:PrincipalAccount': principal.accountId,
    'aws:userid': principal.userId,
    'aws:CurrentTime': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': String(Math.floor(now.getTime() / 1000)),
  };
  switch (principal.kind) {
    case 'user':
      return { ...context, 'aws:PrincipalArn': principal.arn, 'aws:PrincipalType': 'User', 'aws:username': principal.userName };
    case 'assumed-role':
      return { ...sessionContext(principal.session), ...context, 'aws:PrincipalArn': principal.roleArn, 'aws:PrincipalType': 'AssumedRole' };
    case 'federated-user':
      return { ...context, 'aws:PrincipalArn': principal.arn, 'aws:PrincipalType': 'FederatedUser' };
    case 'root':
      return { ...context, 'aws:PrincipalArn': principal.arn, 'aws:PrincipalType': 'Account' };
  }
}

/**
 * A role session's own keys: its federation keys, `aws:SourceIdentity` and
 * `aws:PrincipalTag/<key>` for its session tags. The role's tags are the
 * caller's to add (they live in IAM state); session tags win over them.
 */
function sessionContext(session: SessionAttributes | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(session?.federatedKeys ?? {})) if (value !== undefined) out[key] = value;
  if (session?.sourceIdentity !== undefined) out['aws:SourceIdentity'] = session.sourceIdentity;
  for (const [key, value] of Object.entries(session?.tags ?? {})) out[`aws:PrincipalTag/${key}`] = value;
  return out;
}

/**
 * The ARNs an `"AWS"` principal element can name the caller by: a role
 * session answers to the session ARN and to the role's ARN (evaluate.ts's
 * RequestPrincipal); every other caller to its own ARN.
 */
export function awsPrincipalOf(principal: Principal): RequestPrincipal {
  return { AWS: principal.kind === 'assumed-role' ? [principal.arn, principal.roleArn] : [principal.arn] };
}
