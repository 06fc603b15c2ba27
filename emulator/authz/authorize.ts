import { dataPlane } from '../iam/data-plane';
import { evaluateIdentityPolicies, evaluatePolicy, type Decision, type PolicyDocument } from '../policy/evaluate';
import { principalContext } from '../policy/principal-context';
import type { PolicyRequest } from '../policy/types';
import type { Principal } from '../principal';
import type { EmulatorState } from '../state';
import { principalPolicies } from './principal-policies';

/** Which kind of policy decided a denial, in the words AWS's messages use. */
export type PolicyType = 'identity-based' | 'session' | 'permissions boundary' | 'resource-based';

export interface AuthzDecision {
  decision: Decision;
  /** The policy type a denial is reported against; undefined when allowed. */
  deniedBy?: PolicyType;
}

/**
 * The caller's identity-based evaluation, part by part [doc: IAM-UG "Policy
 * evaluation logic"]: its identity-based policies, its permissions boundary
 * and its session policy. A part that does not limit the caller is `Allow`.
 */
export interface IdentityParts {
  identity: Decision;
  boundary: Decision;
  session: Decision;
}

export interface AuthzRequest {
  /** `service:Action`, e.g. `iam:CreateRole`. */
  action: string;
  /** The resource ARN, or `*` for actions without a resource type. */
  resource: string;
  /**
   * Condition keys of the request (e.g. `aws:RequestTag/…`, `iam:PassedToService`);
   * the principal's global keys (principal-context.ts, and its role's tags) are added here.
   */
  context?: PolicyRequest['context'];
  now: Date;
  /** How the caller's policies are read before evaluation: S3's mutants rewrite them (s3/s3-access.ts). */
  view?: (policy: PolicyDocument) => PolicyDocument;
  /**
   * A resource-based policy step: a service whose resources carry their own
   * policy (S3's bucket policies) combines it with the identity-based parts
   * here. Without it, the identity-based parts decide alone.
   */
  combine?: (parts: IdentityParts | undefined, evaluated: PolicyRequest) => AuthzDecision;
}

/**
 * `aws:PrincipalTag/<key>` for a role session's role tags; the session's own
 * tags (principal-context.ts) override them [doc: IAM-UG "Passing session tags
 * in AWS STS": "If a session tag has the same key as a role tag, the session
 * tag value overrides"].
 */
function roleTagContext(state: EmulatorState, principal: Principal): Record<string, string> {
  if (principal.kind !== 'assumed-role') return {};
  const tags = dataPlane(state).roleByArn(principal.roleArn)?.tags ?? [];
  return Object.fromEntries(tags.map((t) => [`aws:PrincipalTag/${t.Key}`, t.Value]));
}

/** The identity-based parts alone, in the order the evaluation logic checks them: explicit denies, then missing allows. */
export function identityDecision(parts: IdentityParts): AuthzDecision {
  if (parts.identity === 'ExplicitDeny') return { decision: 'ExplicitDeny', deniedBy: 'identity-based' };
  if (parts.session === 'ExplicitDeny') return { decision: 'ExplicitDeny', deniedBy: 'session' };
  if (parts.boundary === 'ExplicitDeny') return { decision: 'ExplicitDeny', deniedBy: 'permissions boundary' };
  if (parts.identity !== 'Allow') return { decision: 'ImplicitDeny', deniedBy: 'identity-based' };
  if (parts.boundary !== 'Allow') return { decision: 'ImplicitDeny', deniedBy: 'permissions boundary' };
  if (parts.session !== 'Allow') return { decision: 'ImplicitDeny', deniedBy: 'session' };
  return { decision: 'Allow' };
}

/**
 * The emulator's one authorization decision: may `principal` perform
 * `action` on `resource`? [doc: IAM-UG "Policy evaluation logic",
 * "Session policies", "Permissions boundaries for IAM entities"].
 * Identity-based policies, the permissions boundary and the session policy
 * must all allow; an explicit Deny in any wins — the order the evaluation
 * logic checks them in, and the policy type AccessDenied then names. Which
 * policies a principal has is principal-policies.ts's to say (managed
 * policies and boundaries are added there).
 *
 * Every service calls this: the operation tables (operation-access.ts), the
 * STS trust checks, and S3, which passes its bucket policy as `combine`. An
 * anonymous caller (`undefined`, S3 only) has no identity-based parts; only
 * a resource-based policy can allow it.
 *
 * Mutant `session-policy-ignored`: session policies are not consulted.
 */
export function authorize(state: EmulatorState, principal: Principal | undefined, request: AuthzRequest): AuthzDecision {
  const evaluated: PolicyRequest = {
    action: request.action,
    resource: request.resource,
    context: principal ? { ...roleTagContext(state, principal), ...principalContext(principal, request.now), ...request.context } : { ...request.context },
  };
  if (!principal) return request.combine ? request.combine(undefined, evaluated) : { decision: 'ImplicitDeny', deniedBy: 'identity-based' };
  const policies = principalPolicies(state, principal);
  const view = request.view ?? ((policy: PolicyDocument) => policy);

  const identity: Decision = policies.identity ? evaluateIdentityPolicies(policies.identity.map(view), evaluated) : 'Allow';
  const boundary: Decision = policies.boundary ? evaluatePolicy(view(policies.boundary), evaluated) : 'Allow';
  const ignoreSession = state.mutants.has('session-policy-ignored');
  let session: Decision = 'Allow';
  if (!ignoreSession && policies.session) session = evaluatePolicy(view(policies.session), evaluated);
  else if (!ignoreSession && policies.sessionRequired) session = 'ImplicitDeny';

  const parts: IdentityParts = { identity, boundary, session };
  return request.combine ? request.combine(parts, evaluated) : identityDecision(parts);
}

/**
 * AccessDenied's message: "User: <arn> is not authorized to perform: <action>
 * on resource: <resource> because no session policy allows the <action>
 * action", or "… with an explicit deny in a session policy" (and the same with
 * "identity-based policy" / "an identity-based policy", "permissions
 * boundary") [doc: IAM-UG "Troubleshoot access denied error messages"; obs:
 * "… is not authorized to perform: cognito-idp:CreateUserPool on resource: *
 * because no identity-based policy allows the cognito-idp:CreateUserPool
 * action", aws-samples/aws-ai-intelligent-document-processing#12]. S3 quotes
 * the resource (s3/authorize-s3.ts).
 */
export function accessDeniedMessage(callerArn: string, action: string, resource: string, outcome: AuthzDecision): string {
  return `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource} ${denialReason(action, outcome)}`;
}

/** The reason a denial names: "with an explicit deny in a(n) <type>" or "because no <type> allows the <action> action". */
export function denialReason(action: string, outcome: AuthzDecision): string {
  const deniedBy = outcome.deniedBy ?? 'identity-based';
  const kind = deniedBy === 'permissions boundary' ? deniedBy : `${deniedBy} policy`;
  if (outcome.decision === 'ExplicitDeny') return `with an explicit deny in ${deniedBy === 'identity-based' ? 'an' : 'a'} ${kind}`;
  return `because no ${kind} allows the ${action} action`;
}
