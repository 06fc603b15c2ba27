import type { AwsServiceError } from '../errors';
import { invalidPoolConfiguration, notAuthorized, unauthenticatedNotSupported } from './identity-errors';
import type { MappingRule, PoolRoles, RoleMapping } from './state';

/** The login a credentials request is authenticated with, as role selection needs it. */
export interface SelectionLogin {
  /** The Logins key, e.g. `cognito-idp.us-east-1.amazonaws.com/us-east-1_abc`. */
  provider: string;
  /** Claims of the verified token. */
  claims: Record<string, unknown>;
}

export interface RoleSelectionInput {
  /** Absent for a guest (no Logins). */
  login?: SelectionLogin;
  allowUnauthenticated: boolean;
  roles: PoolRoles;
  /** The pool's RoleMapping for the login's provider and app client, if any. */
  mapping?: RoleMapping;
  customRoleArn?: string;
  /** Mutant `custom-role-unchecked`: honour a CustomRoleArn the token does not allow. */
  honourUncheckedCustomRole?: boolean;
  /** Mutant `rules-last-match`: the last matching rule wins instead of the first. */
  lastMatchWins?: boolean;
}

/** Why a role was chosen; shown in tests and traces. */
export type SelectionReason =
  | 'unauthenticated-role'
  | 'authenticated-role'
  | 'custom-role'
  | 'preferred-role'
  | 'ambiguous-authenticated-role'
  | `rule-${number}`;

export type RoleSelection = { roleArn: string; reason: SelectionReason } | { error: AwsServiceError };

/** String values of a claim; a multi-valued claim (an array, e.g. `cognito:groups`) yields each member. */
function claimValues(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((v) => String(v));
  return [String(value)];
}

/**
 * Whether a mapping rule matches the token's claims [doc: CG "Using role-based
 * access control"; CI-API MappingRule]. A missing claim matches nothing; in
 * particular "If the match type is NotEqual and the claim doesn't exist, the
 * rule is not evaluated". For a multi-valued claim such as `cognito:groups`
 * AWS documents nothing: here Equals / Contains / StartsWith hold when any
 * member does, and NotEqual when no member equals the value [undocumented;
 * a case must record AWS's answer]. Comparisons are case-sensitive [undocumented].
 */
export function ruleMatches(rule: MappingRule, claims: Record<string, unknown>): boolean {
  const values = claimValues(claims[rule.Claim]);
  if (values === undefined) return false;
  switch (rule.MatchType) {
    case 'Equals':
      return values.some((v) => v === rule.Value);
    case 'Contains':
      return values.some((v) => v.includes(rule.Value));
    case 'StartsWith':
      return values.some((v) => v.startsWith(rule.Value));
    case 'NotEqual':
      return values.every((v) => v !== rule.Value);
  }
}

/**
 * `cognito:roles` as a list: real tokens carry a JSON array, the docs call it
 * a comma-separated string [aws-contract.md §1]; both are accepted.
 */
export function tokenRoles(claims: Record<string, unknown>): string[] {
  const raw = claims['cognito:roles'];
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw === 'string') return raw.split(',').map((s) => s.trim()).filter(Boolean);
  return [];
}

/** [obs, aws-contract.md §2 Role selection] */
function ambiguousDenied(provider: string): AwsServiceError {
  return notAuthorized(`The ambiguous role mapping rules for: ${provider} denied this request.`);
}

/** CG says "deny access"; AWS's wording is not documented. */
function customRoleDenied(provider: string, roleArn: string, allowedBy: string): AwsServiceError {
  return notAuthorized(`CustomRoleArn not allowed for: ${provider}: ${roleArn}. Expected a role ${allowedBy}.`);
}

function authenticatedRole(roles: PoolRoles, reason: SelectionReason): RoleSelection {
  // [doc: CI-API InvalidIdentityPoolConfigurationException] no role for the auth type.
  return roles.authenticated ? { roleArn: roles.authenticated, reason } : { error: invalidPoolConfiguration() };
}

function ambiguous(input: RoleSelectionInput, mapping: RoleMapping, provider: string): RoleSelection {
  return mapping.AmbiguousRoleResolution === 'Deny'
    ? { error: ambiguousDenied(provider) }
    : authenticatedRole(input.roles, 'ambiguous-authenticated-role');
}

function selectByToken(input: RoleSelectionInput, mapping: RoleMapping, login: SelectionLogin): RoleSelection {
  const allowed = tokenRoles(login.claims);
  const custom = input.customRoleArn;
  if (custom !== undefined) {
    if (allowed.includes(custom) || input.honourUncheckedCustomRole) return { roleArn: custom, reason: 'custom-role' };
    return { error: customRoleDenied(login.provider, custom, 'in the cognito:roles claim of the token') };
  }
  const preferred = login.claims['cognito:preferred_role'];
  if (typeof preferred === 'string' && preferred !== '') return { roleArn: preferred, reason: 'preferred-role' };
  return ambiguous(input, mapping, login.provider);
}

function selectByRules(input: RoleSelectionInput, mapping: RoleMapping, login: SelectionLogin): RoleSelection {
  const rules = mapping.RulesConfiguration?.Rules ?? [];
  const matching = rules.map((rule, i) => ({ rule, i })).filter(({ rule }) => ruleMatches(rule, login.claims));
  const custom = input.customRoleArn;
  if (custom !== undefined) {
    // "the IAM role for the first matching rule is used, unless CustomRoleArn is specified to override the order"
    const hit = matching.find(({ rule }) => rule.RoleARN === custom);
    if (hit) return { roleArn: custom, reason: `rule-${hit.i + 1}` };
    return { error: customRoleDenied(login.provider, custom, 'of a matching rule') };
  }
  if (matching.length > 0) {
    // "Rules are evaluated in order. The first one to match specifies the role." [doc: CI-API RulesConfigurationType]
    const hit = input.lastMatchWins ? matching[matching.length - 1] : matching[0];
    return { roleArn: hit.rule.RoleARN, reason: `rule-${hit.i + 1}` };
  }
  return ambiguous(input, mapping, login.provider);
}

/**
 * Choose the role of an enhanced-flow credentials request, as a pure function
 * of the pool's configuration and the verified token [aws-contract.md §2 "Role
 * selection"; doc: CG "Using role-based access control"; CI-API RoleMapping]:
 *
 * - guest (no login): the unauthenticated role; the pool must allow guests
 *   (NotAuthorizedException "Unauthenticated access is not supported for this identity pool.").
 * - no RoleMapping for the provider: the pool's authenticated role.
 * - Token: CustomRoleArn if it is in `cognito:roles` (given but not there →
 *   denied), else `cognito:preferred_role`, else AmbiguousRoleResolution.
 * - Rules: the first matching rule (or the matching rule whose role is
 *   CustomRoleArn), else AmbiguousRoleResolution.
 * - AmbiguousRoleResolution `AuthenticatedRole` → the authenticated role;
 *   `Deny` → NotAuthorizedException "The ambiguous role mapping rules for: <provider> denied this request."
 * - the role the case needs is not configured → InvalidIdentityPoolConfigurationException.
 *
 * A CustomRoleArn without a RoleMapping, or from a guest, is ignored [undocumented].
 */
export function selectRole(input: RoleSelectionInput): RoleSelection {
  const login = input.login;
  if (!login) {
    if (!input.allowUnauthenticated) return { error: unauthenticatedNotSupported() };
    return input.roles.unauthenticated
      ? { roleArn: input.roles.unauthenticated, reason: 'unauthenticated-role' }
      : { error: invalidPoolConfiguration() };
  }
  const mapping = input.mapping;
  if (!mapping) return authenticatedRole(input.roles, 'authenticated-role');
  return mapping.Type === 'Token' ? selectByToken(input, mapping, login) : selectByRules(input, mapping, login);
}
