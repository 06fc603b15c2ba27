import type { AwsServiceError } from '../errors';
import { invalidParameter, roleForbidden } from './identity-errors';
import { InputCheck, SHAPES } from './input-check';
import type { IdentityPool, MappingRule, MatchType, PoolRoles, RoleMapping } from './state';

const MATCH_TYPES: readonly MatchType[] = ['Equals', 'Contains', 'StartsWith', 'NotEqual'];

/**
 * Rules per provider. The model allows up to 400 list members, the service
 * 25 unless a quota increase was granted [doc: CG "Using role-based access
 * control": "you can create up to 25 rules"; CI-API RulesConfigurationType].
 */
export const MAX_RULES_PER_PROVIDER = 25;

/** What SetIdentityPoolRoles asks for, after shape validation. */
export interface RolesRequest {
  poolId: string;
  roles: PoolRoles;
  roleMappings: Record<string, RoleMapping>;
}

function readRule(check: InputCheck, value: unknown, path: string): MappingRule {
  const r = check.structure(value, path, true) ?? {};
  return {
    Claim: check.string(r.Claim, `${path}.claim`, { ...SHAPES.claimName, required: true }) ?? '',
    MatchType: check.enumValue(r.MatchType, `${path}.matchType`, MATCH_TYPES, true) ?? 'Equals',
    Value: check.string(r.Value, `${path}.value`, { ...SHAPES.claimValue, required: true }) ?? '',
    RoleARN: check.string(r.RoleARN, `${path}.roleARN`, { ...SHAPES.arn, required: true }) ?? '',
  };
}

/** A RoleMapping as sent; AmbiguousRoleResolution may still be missing here (checked semantically). */
type SentMapping = Omit<RoleMapping, 'AmbiguousRoleResolution'> & { AmbiguousRoleResolution?: RoleMapping['AmbiguousRoleResolution'] };

function readMapping(check: InputCheck, value: unknown, path: string): SentMapping {
  const m = check.structure(value, path, true) ?? {};
  const mapping: SentMapping = {
    Type: check.enumValue(m.Type, `${path}.type`, ['Token', 'Rules'] as const, true) ?? 'Token',
    AmbiguousRoleResolution: check.enumValue(m.AmbiguousRoleResolution, `${path}.ambiguousRoleResolution`, [
      'AuthenticatedRole',
      'Deny',
    ] as const),
  };
  const rc = check.structure(m.RulesConfiguration, `${path}.rulesConfiguration`);
  if (rc) {
    const rules = check.list(rc.Rules, `${path}.rulesConfiguration.rules`, { required: true, min: 1, max: 400 }) ?? [];
    mapping.RulesConfiguration = {
      Rules: rules.map((rule, i) => readRule(check, rule, `${path}.rulesConfiguration.rules.${i + 1}.member`)),
    };
  }
  return mapping;
}

/**
 * Shape-validate a SetIdentityPoolRoles input (CI-API SetIdentityPoolRoles,
 * RolesMap, RoleMapping, MappingRule): Roles is required, its keys match
 * `(un)?authenticated`, values are ARNs of 20–2048 characters; RoleMappings
 * has at most 10 providers. Throws ValidationException with every violation.
 */
export function readRolesRequest(input: Record<string, unknown>): { poolId: string; roles: PoolRoles; mappings: Record<string, SentMapping> } {
  const check = new InputCheck();
  const poolId = check.string(input.IdentityPoolId, 'identityPoolId', { ...SHAPES.identityPoolId, required: true });
  const roles = check.stringMap(input.Roles, 'roles', { required: true, max: 2, key: SHAPES.roleType, value: SHAPES.arn });
  const sentMappings = check.structure(input.RoleMappings, 'roleMappings');
  const mappings: Record<string, SentMapping> = {};
  if (sentMappings) {
    const keys = Object.keys(sentMappings);
    if (keys.length > 10) check.fail(sentMappings, 'roleMappings', 'Member must have length less than or equal to 10');
    const badKeys = keys.some((k) => k.length < 1 || k.length > 128);
    if (badKeys) {
      check.fail(
        sentMappings,
        'roleMappings',
        'Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]',
      );
    }
    for (const key of keys) mappings[key] = readMapping(check, sentMappings[key], `roleMappings.${key}.member`);
  }
  check.done();
  return { poolId: poolId!, roles: { ...(roles as PoolRoles) }, mappings };
}

/**
 * The provider names a pool's RoleMappings may be keyed by: for a user pool,
 * `<ProviderName>:<ClientId>` of each CognitoIdentityProviders entry [doc: CI-API
 * SetIdentityPoolRoles, RoleMappings: "cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:app_client_id"];
 * the SupportedLoginProviders keys ("graph.facebook.com" in the same doc); the
 * OIDC providers by issuer (the ARN's `oidc-provider/` part) and the SAML
 * providers by ARN (both undocumented here; record them).
 */
export function mappableProviders(pool: IdentityPool): Set<string> {
  const out = new Set<string>();
  for (const p of pool.CognitoIdentityProviders ?? []) out.add(`${p.ProviderName}:${p.ClientId}`);
  for (const name of Object.keys(pool.SupportedLoginProviders ?? {})) out.add(name);
  for (const arn of pool.OpenIdConnectProviderARNs ?? []) {
    const at = arn.indexOf(':oidc-provider/');
    if (at >= 0) out.add(arn.slice(at + ':oidc-provider/'.length));
  }
  for (const arn of pool.SamlProviderARNs ?? []) out.add(arn);
  return out;
}

/**
 * The checks SetIdentityPoolRoles makes past the shapes, in order, as a pure
 * function: each mapping key names a provider configured on the pool
 * (InvalidParameterException "<key> is not a valid RoleMapping ProviderName or
 * is not a configured provider." [obs: aws/aws-cdk#7670, #22951]);
 * AmbiguousRoleResolution is given (required for Token and Rules [doc: CI-API
 * RoleMapping]); a Rules mapping has RulesConfiguration [doc: same] with at most
 * 25 rules [doc: CG "Using role-based access control"]; then every role ARN
 * names a role IAM knows, else NotAuthorizedException "Access to Role '<arn>'
 * is forbidden." [obs, aws-contract.md §4]. The wording of the three
 * [doc]-only errors is not documented.
 *
 * @returns the accepted configuration, or the error AWS answers.
 */
export function checkRolesRequest(
  pool: IdentityPool,
  sent: { roles: PoolRoles; mappings: Record<string, SentMapping> },
  roleExists: (arn: string) => boolean,
): { roles: PoolRoles; roleMappings: Record<string, RoleMapping> } | { error: AwsServiceError } {
  const providers = mappableProviders(pool);
  const roleMappings: Record<string, RoleMapping> = {};
  for (const [key, m] of Object.entries(sent.mappings)) {
    if (!providers.has(key)) {
      return { error: invalidParameter(`${key} is not a valid RoleMapping ProviderName or is not a configured provider.`) };
    }
    if (!m.AmbiguousRoleResolution) {
      return {
        error: invalidParameter(
          `AmbiguousRoleResolution is required for a RoleMapping of Type ${m.Type} (provider ${key}). Expected: AuthenticatedRole or Deny.`,
        ),
      };
    }
    if (m.Type === 'Rules' && !m.RulesConfiguration) {
      return { error: invalidParameter(`RulesConfiguration is required for a RoleMapping of Type Rules (provider ${key}).`) };
    }
    const rules = m.RulesConfiguration?.Rules ?? [];
    if (rules.length > MAX_RULES_PER_PROVIDER) {
      return {
        error: invalidParameter(
          `Too many rules for provider ${key}: ${rules.length}. Expected at most ${MAX_RULES_PER_PROVIDER} rules per provider.`,
        ),
      };
    }
    roleMappings[key] = {
      Type: m.Type,
      AmbiguousRoleResolution: m.AmbiguousRoleResolution,
      ...(m.RulesConfiguration ? { RulesConfiguration: { Rules: rules.map((r) => ({ ...r })) } } : {}),
    };
  }
  const arns = [
    sent.roles.authenticated,
    sent.roles.unauthenticated,
    ...Object.values(roleMappings).flatMap((m) => m.RulesConfiguration?.Rules.map((r) => r.RoleARN) ?? []),
  ].filter((a): a is string => a !== undefined);
  for (const arn of arns) if (!roleExists(arn)) return { error: roleForbidden(arn) };
  return { roles: { ...sent.roles }, roleMappings };
}

export type { SentMapping };
