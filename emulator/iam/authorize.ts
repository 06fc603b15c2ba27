import { AwsServiceError } from '../errors';
import { evaluateIdentityPolicies, evaluatePolicy, type Decision, type PolicyDocument } from '../policy/evaluate';
import { principalContext } from '../policy/principal-context';
import type { Principal } from '../principal';
import type { EmulatorState } from '../state';
import { rolePermissionPolicies } from './role-policy-ops';
import { roleByArn } from './state';

/** Which kind of policy decided a denial, in the words AWS's messages use. */
export type PolicyType = 'identity-based' | 'session';

export interface PermissionOutcome {
  decision: Decision;
  /** The policy type a denial is reported against; undefined when allowed. */
  deniedBy?: PolicyType;
}

/** A session policy as issue-session.ts stores it: a parsed policy document. */
function sessionPolicyOf(principal: Principal): PolicyDocument | undefined {
  if (principal.kind !== 'assumed-role' && principal.kind !== 'federated-user') return undefined;
  const p = principal.sessionPolicy as PolicyDocument | undefined;
  return p && Array.isArray(p.Statement) ? p : undefined;
}

/**
 * What a caller may do, for the principals the emulator can hold policies for
 * [doc: IAM-UG "Policy evaluation logic"; "Session policies"]:
 * - an IAM user or the root user: allowed. The emulator's only user is its
 *   bootstrap administrator, which holds every permission;
 * - a role session: the role's inline policies (identity-based) AND the
 *   session policy passed when it was assumed, if any;
 * - a federated user (GetFederationToken): the user's permissions (all) AND
 *   the session policy; without one it has no permissions ("If you do not pass
 *   a policy … the resulting temporary security credentials have no
 *   permissions", IAM-UG "Permissions for GetFederationToken").
 * An explicit Deny in either wins; then a missing Allow, identity-based first,
 * the order the evaluation logic checks them in. Managed policies (PolicyArns)
 * are not modelled and grant nothing.
 *
 * Mutant `session-policy-ignored`: session policies are not consulted.
 */
export function principalPermissions(state: EmulatorState, principal: Principal, action: string, resource: string, now: Date): PermissionOutcome {
  if (principal.kind === 'user' || principal.kind === 'root') return { decision: 'Allow' };
  const request = { action, resource, context: principalContext(principal, now) };

  let identity: Decision = 'Allow';
  if (principal.kind === 'assumed-role') {
    const role = roleByArn(state.iam, principal.roleArn);
    identity = evaluateIdentityPolicies(role ? rolePermissionPolicies(role) : [], request);
  }

  const ignoreSession = state.mutants.has('session-policy-ignored');
  const sessionPolicy = ignoreSession ? undefined : sessionPolicyOf(principal);
  let session: Decision = 'Allow';
  if (sessionPolicy) session = evaluatePolicy(sessionPolicy, request);
  else if (principal.kind === 'federated-user' && !ignoreSession) session = 'ImplicitDeny';

  if (identity === 'ExplicitDeny') return { decision: 'ExplicitDeny', deniedBy: 'identity-based' };
  if (session === 'ExplicitDeny') return { decision: 'ExplicitDeny', deniedBy: 'session' };
  if (identity !== 'Allow') return { decision: 'ImplicitDeny', deniedBy: 'identity-based' };
  if (session !== 'Allow') return { decision: 'ImplicitDeny', deniedBy: 'session' };
  return { decision: 'Allow' };
}

/**
 * AccessDenied's message: "User: <arn> is not authorized to perform: <action>
 * on resource: <resource> because no session policy allows the <action>
 * action", or "… with an explicit deny in a session policy" (and the same with
 * "identity-based policy" / "an identity-based policy") [doc: IAM-UG
 * "Troubleshoot access denied error messages"; obs: "… is not authorized to
 * perform: evidently:EvaluateFeature on resource: … because no session policy
 * allows the evidently:EvaluateFeature action" from Cognito guest credentials].
 */
export function accessDeniedMessage(callerArn: string, action: string, resource: string, outcome: PermissionOutcome): string {
  const head = `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`;
  if (outcome.decision === 'ExplicitDeny') {
    return `${head} with an explicit deny in ${outcome.deniedBy === 'session' ? 'a session policy' : 'an identity-based policy'}`;
  }
  return `${head} because no ${outcome.deniedBy ?? 'identity-based'} policy allows the ${action} action`;
}

/**
 * Refuse the call with `AccessDenied` (403) unless the caller may perform
 * `action` on `resource`. `shownResource` is how the message names it: IAM
 * names a role "role <name>" [obs: "is not authorized to perform: iam:GetRole
 * on resource: role vaultEC2Role", hashicorp vault issue output and many others].
 */
export function authorize(
  state: EmulatorState,
  caller: Principal | undefined,
  request: { action: string; resource: string; shownResource?: string; now: Date },
): void {
  if (!caller) return;
  const outcome = principalPermissions(state, caller, request.action, request.resource, request.now);
  if (outcome.decision === 'Allow') return;
  throw new AwsServiceError('AccessDenied', accessDeniedMessage(caller.arn, request.action, request.shownResource ?? request.resource, outcome), 403);
}

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
