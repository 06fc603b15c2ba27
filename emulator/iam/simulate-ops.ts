import type { RequestContext } from '../service';
import { AwsServiceError } from '../errors';
import { evaluateIdentityPolicies, parseIdentityPolicy, type Decision, type PolicyDocument } from '../policy/evaluate';
import type { PolicyRequest } from '../policy/types';
import { POLICY_ARN, str } from './role-input';
import { strList } from './list-input';
import { Violations } from './validation';
import { rolePolicies, userPolicies, type EntityPolicies } from './entity-policies';
import { noSuchRole } from './iam-errors';
import { noSuchUser } from './entity-errors';
import { roleByArn } from './state';

type Input = Record<string, unknown>;

/** EvalDecision values [doc: IAM-API EvaluationResult, PolicyEvaluationDecisionType]. */
const DECISION: Record<Decision, string> = { Allow: 'allowed', ExplicitDeny: 'explicitDeny', ImplicitDeny: 'implicitDeny' };

/** The user or role `PolicySourceArn` names, and what limits it. Only users and roles are simulated here (groups are not modelled). */
function sourcePolicies(ctx: RequestContext, arn: string): EntityPolicies {
  const kind = /^arn:aws[\w-]*:iam::\d{12}:(user|role)\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (kind?.[1] === 'role') {
    const role = roleByArn(ctx.state.iam, arn);
    if (!role) throw noSuchRole(kind[2]);
    return rolePolicies(ctx.state, role);
  }
  if (kind?.[1] === 'user') {
    const user = [...ctx.state.iam.users.values()].find((u) => u.arn === arn);
    if (!user) throw noSuchUser(kind[2]);
    return userPolicies(ctx.state, user);
  }
  // An assumed-role session ARN is not a policy source: callers map it to its role first [doc: IAM-API SimulatePrincipalPolicy, PolicySourceArn "a user, group, or role"; the message is inferred].
  throw new AwsServiceError('InvalidInput', `Invalid ARN ${arn}: PolicySourceArn must name an IAM user, group or role.`, 400);
}

/** `ContextEntries.member.N` as the request context of the simulation: stringList keys keep every value, others their first. */
function contextOf(input: Input): PolicyRequest['context'] {
  const context: PolicyRequest['context'] = {};
  const entries = Array.isArray(input.ContextEntries) ? input.ContextEntries : [];
  for (const entry of entries as Record<string, unknown>[]) {
    const name = typeof entry?.ContextKeyName === 'string' ? entry.ContextKeyName : undefined;
    const values = strList(entry ?? {}, 'ContextKeyValues') ?? [];
    if (!name || values.length === 0) continue;
    const list = typeof entry.ContextKeyType === 'string' && entry.ContextKeyType.endsWith('List');
    context[name] = list ? values : values[0];
  }
  return context;
}

/** Extra policies a caller asks the simulation to include (PolicyInputList, PermissionsBoundaryPolicyInputList), validated as identity policies. */
function inputPolicies(input: Input, member: string): PolicyDocument[] {
  return (strList(input, member) ?? []).map((doc) => parseIdentityPolicy(doc));
}

function decide(policies: EntityPolicies, boundaries: PolicyDocument[], request: PolicyRequest): { decision: Decision; boundaryAllows?: boolean } {
  const identity = evaluateIdentityPolicies(policies.identity, request);
  const boundary = boundaries.length > 0 ? evaluateIdentityPolicies(boundaries, request) : undefined;
  if (identity === 'ExplicitDeny' || boundary === 'ExplicitDeny') return { decision: 'ExplicitDeny', boundaryAllows: boundary === undefined ? undefined : boundary === 'Allow' };
  const decision: Decision = identity === 'Allow' && (boundary === undefined || boundary === 'Allow') ? 'Allow' : 'ImplicitDeny';
  return { decision, boundaryAllows: boundary === undefined ? undefined : boundary === 'Allow' };
}

/**
 * IAM-API SimulatePrincipalPolicy: how the policies of a user or role (plus
 * any in PolicyInputList) and its permissions boundary (or
 * PermissionsBoundaryPolicyInputList) decide each action on each resource,
 * with the given context keys. "The simulator now returns a single
 * EvaluationResult per action, regardless of how many resource ARNs are
 * provided … use ResourceSpecificResults" [doc: AWS SDK EvaluationResult]:
 * the action's EvalDecision is its least permissive resource's. Resource
 * policies and Organizations SCPs are not simulated.
 */
export function simulatePrincipalPolicy(input: Input, ctx: RequestContext) {
  const source = str(input, 'PolicySourceArn');
  const actions = strList(input, 'ActionNames');
  const violations = new Violations().string(source, 'policySourceArn', POLICY_ARN);
  if (actions === undefined) violations.add(undefined, 'actionNames', 'Member must not be null');
  violations.throwIfAny();
  const entity = sourcePolicies(ctx, source!);
  const policies: EntityPolicies = { identity: [...entity.identity, ...inputPolicies(input, 'PolicyInputList')] };
  const givenBoundaries = inputPolicies(input, 'PermissionsBoundaryPolicyInputList');
  const boundaries = givenBoundaries.length > 0 ? givenBoundaries : entity.boundary ? [entity.boundary] : [];
  const resources = strList(input, 'ResourceArns') ?? [];
  const context = contextOf(input);
  const rank: Record<Decision, number> = { Allow: 0, ImplicitDeny: 1, ExplicitDeny: 2 };

  const EvaluationResults = actions!.map((action) => {
    const perResource = (resources.length > 0 ? resources : ['*']).map((resource) => ({ resource, ...decide(policies, boundaries, { action, resource, context }) }));
    const worst = perResource.reduce((a, b) => (rank[b.decision] > rank[a.decision] ? b : a));
    return {
      EvalActionName: action,
      EvalResourceName: resources.length === 1 ? resources[0] : '*',
      EvalDecision: DECISION[worst.decision],
      MatchedStatements: [],
      MissingContextValues: [],
      PermissionsBoundaryDecisionDetail: worst.boundaryAllows === undefined ? undefined : { AllowedByPermissionsBoundary: worst.boundaryAllows },
      ResourceSpecificResults:
        resources.length > 0
          ? perResource.map((r) => ({ EvalResourceName: r.resource, EvalResourceDecision: DECISION[r.decision], MatchedStatements: [], MissingContextValues: [] }))
          : undefined,
    };
  });
  return { EvaluationResults, IsTruncated: false };
}
