import { dataPlane } from '../iam/data-plane';
import type { RequestContext } from '../service';
import { findPool, readPoolId } from './pool-operations';
import { checkRolesRequest, readRolesRequest } from './role-config';

type Input = Record<string, unknown>;

/**
 * SetIdentityPoolRoles [doc: CI-API SetIdentityPoolRoles]: replaces the pool's
 * default roles and its RoleMappings (omitted RoleMappings clear them). Shape
 * errors → ValidationException; unknown pool → ResourceNotFoundException; the
 * semantic checks of role-config.ts; a role IAM does not know →
 * NotAuthorizedException "Access to Role '<arn>' is forbidden.".
 * `iam:PassRole` of the caller is not evaluated here.
 */
export function setIdentityPoolRoles(input: Input, ctx: RequestContext) {
  const sent = readRolesRequest(input);
  const pool = findPool(ctx.state, sent.poolId);
  const result = checkRolesRequest(pool, sent, (arn) => dataPlane(ctx.state).roleByArn(arn) !== undefined);
  if ('error' in result) throw result.error;
  pool.roles = result.roles;
  pool.roleMappings = result.roleMappings;
  return {};
}

/**
 * GetIdentityPoolRoles [doc: CI-API GetIdentityPoolRoles]: the pool id, its
 * Roles map and, when there are any, its RoleMappings.
 */
export function getIdentityPoolRoles(input: Input, ctx: RequestContext) {
  const pool = findPool(ctx.state, readPoolId(input));
  const mappings = Object.entries(pool.roleMappings);
  return {
    IdentityPoolId: pool.IdentityPoolId,
    Roles: { ...pool.roles },
    ...(mappings.length > 0
      ? {
          RoleMappings: Object.fromEntries(
            mappings.map(([key, m]) => [
              key,
              {
                Type: m.Type,
                AmbiguousRoleResolution: m.AmbiguousRoleResolution,
                ...(m.RulesConfiguration ? { RulesConfiguration: { Rules: m.RulesConfiguration.Rules.map((r) => ({ ...r })) } } : {}),
              },
            ]),
          ),
        }
      : {}),
  };
}
