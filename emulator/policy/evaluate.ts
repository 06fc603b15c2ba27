import type { Decision, PolicyDocument, PolicyRequest, PolicyStatement } from './types';
import { conditionsMatch, contextLookup, type ConditionEnv } from './condition';
import { principalMatches } from './principal';
import { arnMatches } from './arn';
import { globMatches, type ContextLookup } from './variables';

export type {
  Decision,
  PolicyDocument,
  PolicyStatement,
  PolicyRequest,
  RequestPrincipal,
  PrincipalElement,
  ConditionBlock,
  ConditionValue,
} from './types';
export { parsePolicy, parseIdentityPolicy, parseTrustPolicy, type TrustPolicyOptions } from './parse';

/** The policy language version that introduced policy variables (IAM-UG "IAM JSON policy elements: Version"). */
const VARIABLES_VERSION = '2012-10-17';

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Actions compare case-insensitively, with `*` and `?` (IAM-UG "IAM JSON policy elements: Action"). */
function actionMatches(statement: PolicyStatement, action: string): boolean {
  if (statement.Action !== undefined) return asList(statement.Action).some((p) => globMatches(p, action, true));
  if (statement.NotAction !== undefined) return !asList(statement.NotAction).some((p) => globMatches(p, action, true));
  return false;
}

function resourceMatches(statement: PolicyStatement, resource: string | undefined, variables: ContextLookup | undefined): boolean {
  if (resource === undefined) return true;
  if (statement.Resource !== undefined) return asList(statement.Resource).some((p) => arnMatches(p, resource, variables));
  if (statement.NotResource !== undefined) return !asList(statement.NotResource).some((p) => arnMatches(p, resource, variables));
  return true;
}

function principalApplies(statement: PolicyStatement, request: PolicyRequest): boolean {
  if (statement.Principal !== undefined) return principalMatches(statement.Principal, request.principal);
  if (statement.NotPrincipal !== undefined) return !principalMatches(statement.NotPrincipal, request.principal);
  return true;
}

function statementApplies(statement: PolicyStatement, request: PolicyRequest, env: ConditionEnv): boolean {
  return (
    principalApplies(statement, request) &&
    actionMatches(statement, request.action) &&
    resourceMatches(statement, request.resource, env.variablesEnabled ? env.lookup : undefined) &&
    conditionsMatch(statement.Condition, env)
  );
}

/**
 * Evaluate one policy against one request: a matching Deny statement wins
 * (ExplicitDeny), else a matching Allow (Allow), else ImplicitDeny
 * (IAM-UG "Policy evaluation logic"). A statement matches when its
 * Principal/NotPrincipal, Action/NotAction, Resource/NotResource and every
 * condition hold.
 */
export function evaluatePolicy(policy: PolicyDocument, request: PolicyRequest): Decision {
  const env: ConditionEnv = {
    lookup: contextLookup(request.context),
    variablesEnabled: policy.Version === VARIABLES_VERSION,
  };
  let allowed = false;
  for (const statement of policy.Statement) {
    if (!statementApplies(statement, request, env)) continue;
    if (statement.Effect === 'Deny') return 'ExplicitDeny';
    allowed = true;
  }
  return allowed ? 'Allow' : 'ImplicitDeny';
}

/**
 * Evaluate the identity-based policies of one principal together (its inline
 * and attached policies): any explicit Deny wins, else any Allow. A session
 * policy is not one of these: it narrows the result and must allow as well.
 */
export function evaluateIdentityPolicies(policies: readonly PolicyDocument[], request: PolicyRequest): Decision {
  let allowed = false;
  for (const policy of policies) {
    const decision = evaluatePolicy(policy, request);
    if (decision === 'ExplicitDeny') return decision;
    if (decision === 'Allow') allowed = true;
  }
  return allowed ? 'Allow' : 'ImplicitDeny';
}
