import { evaluateIdentityPolicies, evaluatePolicy, type Decision } from '../policy/evaluate';
import { principalContext } from '../policy/principal-context';
import type { PolicyRequest } from '../policy/types';
import type { Principal } from '../principal';
import type { EmulatorState } from '../state';
import { principalPolicies } from './principal-policies';

/** Which kind of policy decided a denial, in the words AWS's messages use. */
export type PolicyType = 'identity-based' | 'session';

export interface AuthzDecision {
  decision: Decision;
  /** The policy type a denial is reported against; undefined when allowed. */
  deniedBy?: PolicyType;
}

export interface AuthzRequest {
  /** `service:Action`, e.g. `iam:CreateRole`. */
  action: string;
  /** The resource ARN, or `*` for actions without a resource type. */
  resource: string;
  /**
   * Condition keys of the request (e.g. `aws:RequestTag/…`, `iam:PassedToService`);
   * the principal's global keys (principal-context.ts) are added here.
   */
  context?: PolicyRequest['context'];
  now: Date;
}

/**
 * The emulator's one authorization decision: may `principal` perform
 * `action` on `resource`? [doc: IAM-UG "Policy evaluation logic",
 * "Session policies"]. Identity-based policies and the session policy must
 * both allow; an explicit Deny in either wins, then a missing Allow,
 * identity-based first — the order the evaluation logic checks them in, and
 * the policy type AccessDenied then names.
 *
 * Every service's operation table (operation-access.ts) and the STS trust
 * checks call this; a resource-owning service (S3's bucket policies) would
 * combine its resource policy with this identity decision.
 *
 * Mutant `session-policy-ignored`: session policies are not consulted.
 */
export function authorize(state: EmulatorState, principal: Principal, request: AuthzRequest): AuthzDecision {
  const policies = principalPolicies(state, principal);
  const evaluated: PolicyRequest = {
    action: request.action,
    resource: request.resource,
    context: { ...principalContext(principal, request.now), ...request.context },
  };
  const identity: Decision = policies.identity ? evaluateIdentityPolicies(policies.identity, evaluated) : 'Allow';

  const ignoreSession = state.mutants.has('session-policy-ignored');
  let session: Decision = 'Allow';
  if (!ignoreSession && policies.session) session = evaluatePolicy(policies.session, evaluated);
  else if (!ignoreSession && policies.sessionRequired) session = 'ImplicitDeny';

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
 * perform: cognito-idp:CreateUserPool on resource: * because no
 * identity-based policy allows the cognito-idp:CreateUserPool action",
 * aws-samples/aws-ai-intelligent-document-processing#12].
 */
export function accessDeniedMessage(callerArn: string, action: string, resource: string, outcome: AuthzDecision): string {
  const head = `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`;
  if (outcome.decision === 'ExplicitDeny') {
    return `${head} with an explicit deny in ${outcome.deniedBy === 'session' ? 'a session policy' : 'an identity-based policy'}`;
  }
  return `${head} because no ${outcome.deniedBy ?? 'identity-based'} policy allows the ${action} action`;
}
