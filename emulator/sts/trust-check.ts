import { accessDeniedMessage, authorize, identityDecision, type AuthzDecision, type IdentityParts } from '../authz/authorize';
import type { Role } from '../iam/state';
import { evaluatePolicy, type PolicyRequest, type PrincipalElement } from '../policy/evaluate';
import { awsPrincipalOf, principalContext } from '../policy/principal-context';
import type { Principal } from '../principal';
import type { EmulatorState } from '../state';
import { AwsServiceError } from '../errors';

/** Does a Principal element name one of `arns` itself (or everyone), rather than their account? */
function namesDirectly(element: PrincipalElement, arns: readonly string[]): boolean {
  if (element === '*') return true;
  const aws = element.AWS;
  const values = aws === undefined ? [] : Array.isArray(aws) ? aws : [aws];
  return values.some((v) => v === '*' || arns.includes(v));
}

/**
 * How a role's trust policy answers a caller: denied; allowed by naming the
 * caller itself (`direct`), a role session through its role's ARN (`role`),
 * or only the caller's account (`account`).
 */
export type TrustAnswer = 'denied' | 'direct' | 'role' | 'account';

/**
 * Evaluate a role's trust policy for an AWS caller (AssumeRole and the
 * `sts:TagSession` / `sts:SetSourceIdentity` that go with it). A statement
 * that names the caller's ARN (for a role session: the session or the role
 * ARN) or `*` grants access by itself; one that names only the account
 * (`"AWS": "<account id>"` or `…:root`) delegates to the caller's own
 * identity-based permissions [doc: IAM-UG "Policy evaluation logic", "Resource-based
 * policies" within one account; "How IAM roles differ from resource-based policies"].
 */
export function trustAnswer(role: Role, caller: Principal, action: string, context: PolicyRequest['context']): TrustAnswer {
  const principal = awsPrincipalOf(caller);
  const request: PolicyRequest = { action, principal, context };
  if (evaluatePolicy(role.trustPolicy, request) !== 'Allow') return 'denied';
  const grants = (arns: readonly string[]) =>
    role.trustPolicy.Statement.some(
      (s) =>
        s.Effect === 'Allow' &&
        s.Principal !== undefined &&
        namesDirectly(s.Principal, arns) &&
        evaluatePolicy({ ...role.trustPolicy, Statement: [s] }, { ...request, principal: { AWS: [...arns] } }) === 'Allow',
    );
  if (grants([caller.arn])) return 'direct';
  if (caller.kind === 'assumed-role' && grants([caller.roleArn])) return 'role';
  return 'account';
}

/**
 * A trust policy that names a role's ARN grants its sessions access, but
 * "Resource-based policies that grant permissions to an IAM role ARN are
 * limited by an implicit deny in a permissions boundary or session policy"
 * [doc: IAM-UG "Policy evaluation logic", "Evaluating identity-based and
 * resource-based policies within a single account"]; an explicit deny
 * anywhere still wins. The identity-based policies need not allow.
 */
function roleGrantDecision(parts: IdentityParts | undefined): AuthzDecision {
  if (!parts) return { decision: 'ImplicitDeny', deniedBy: 'identity-based' };
  const decided = identityDecision({ ...parts, identity: parts.identity === 'ExplicitDeny' ? 'ExplicitDeny' : 'Allow' });
  return decided;
}

/** `AccessDenied` (403) "User: <caller> is not authorized to perform: <action> on resource: <role arn>" [obs: basefarm/aws-session-tool#1]. */
export function assumeDenied(callerArn: string, action: string, roleArn: string, suffix = ''): AwsServiceError {
  return new AwsServiceError('AccessDenied', `User: ${callerArn} is not authorized to perform: ${action} on resource: ${roleArn}${suffix}`, 403);
}

/**
 * Check that `caller` may perform `action` on `role`: the trust policy must
 * allow it, and when it only names the caller's account, so must the caller's
 * own permissions (authz/authorize.ts). A trust-policy refusal answers without a reason, as AWS
 * does for AssumeRole; a refusal by the caller's policies names the policy type.
 */
export function requireTrust(state: EmulatorState, role: Role, caller: Principal, action: string, context: PolicyRequest['context'], now: Date): void {
  const answer = trustAnswer(role, caller, action, { ...principalContext(caller, now), ...context });
  // Mutant `assume-role-trust-ignored`: a trust policy that names someone else lets the caller in all the same.
  if (answer === 'denied' && state.mutants.has('assume-role-trust-ignored')) return;
  if (answer === 'denied') throw assumeDenied(caller.arn, action, role.arn);
  if (answer === 'direct') return;
  const combine = answer === 'role' ? roleGrantDecision : undefined;
  const outcome = authorize(state, caller, { action, resource: role.arn, context, now, combine });
  if (outcome.decision !== 'Allow') {
    throw new AwsServiceError('AccessDenied', accessDeniedMessage(caller.arn, action, role.arn, outcome), 403);
  }
}
