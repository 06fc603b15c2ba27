import { SetIdentityPoolRolesCommand, type RoleMapping } from '@aws-sdk/client-cognito-identity';
import { withPropagationRetry } from '../../clients/propagation-retry';
import type { ResourceKind } from '../resource-kind';
import type { ProvisionedClient } from './app-client';
import { providerNeeds, type IdentityPoolSpec, type IdentityPoolsFragment, type ProvisionedIdentityPool } from './identity-pool';
import type { ProvisionedRole } from './role';
import type { ProvisionedUserPool } from './user-pool';

/** The roles an identity-pool spec names: its default roles and every Rules mapping's. */
function rolesNamed(pool: IdentityPoolSpec): string[] {
  const mapped = (pool.roleMappings ?? []).flatMap((m) => (m.type === 'Rules' ? m.rules.map((r) => r.role) : []));
  return [pool.roles?.authenticated, pool.roles?.unauthenticated, ...mapped].filter((r): r is string => r !== undefined);
}

/**
 * An identity pool's default roles and role mappings (CI-API
 * SetIdentityPoolRoles), set once the roles exist: a kind of its own because
 * the roles' trust names the pool, so the pool comes first.
 */
export const identityPoolRolesKind: ResourceKind<IdentityPoolsFragment, IdentityPoolSpec, Record<string, never>> = {
  kind: 'identity-pool-roles',
  noun: 'roles of identity pool',
  completes: 'identity-pool',
  declared: (spec) =>
    Object.entries(spec.identityPools ?? {})
      .filter(([, pool]) => pool.roles || pool.roleMappings)
      .map(([key, pool]) => ({
        kind: 'identity-pool-roles',
        key,
        spec: pool,
        needs: [
          { kind: 'identity-pool', key },
          ...rolesNamed(pool).map((role) => ({ kind: 'iam-role', key: role })),
          ...(pool.roleMappings ?? []).flatMap(providerNeeds),
        ],
      })),
  async create({ key, spec }, ctx) {
    const role = (name: string) => ctx.made<ProvisionedRole>({ kind: 'iam-role', key: name }).arn;
    const RoleMappings: Record<string, RoleMapping> = {};
    for (const mapping of spec.roleMappings ?? []) {
      const pool = ctx.made<ProvisionedUserPool>({ kind: 'user-pool', key: mapping.userPool });
      const client = ctx.made<ProvisionedClient>({ kind: 'app-client', key: `${mapping.userPool}/${mapping.client}` });
      RoleMappings[`${pool.providerName}:${client.id}`] =
        mapping.type === 'Token'
          ? { Type: 'Token', AmbiguousRoleResolution: mapping.ambiguous }
          : {
              Type: 'Rules',
              AmbiguousRoleResolution: mapping.ambiguous,
              RulesConfiguration: { Rules: mapping.rules.map((r) => ({ Claim: r.claim, MatchType: r.match, Value: r.value, RoleARN: role(r.role) })) },
            };
    }
    const Roles: Record<string, string> = {};
    if (spec.roles?.authenticated) Roles.authenticated = role(spec.roles.authenticated);
    if (spec.roles?.unauthenticated) Roles.unauthenticated = role(spec.roles.unauthenticated);
    const IdentityPoolId = ctx.made<ProvisionedIdentityPool>({ kind: 'identity-pool', key }).id;
    // Cases wait for the roles to propagate anyway: with a known bound, set them once it has passed rather than retry all along.
    await ctx.propagated(rolesNamed(spec).map((role) => ({ kind: 'iam-role', key: role })));
    // A fresh role may not yet be visible to Cognito: "Access to Role ... is forbidden" (aws-contract.md §4).
    await ctx.step(`roles of identity pool ${key}`, () =>
      withPropagationRetry(
        () => ctx.clients.identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles, RoleMappings: Object.keys(RoleMappings).length ? RoleMappings : undefined })),
        { policy: ctx.retry, onRetry: ({ attempt }) => ctx.log?.(`waiting for IAM to propagate (attempt ${attempt})`) },
      ),
    );
    return {};
  },
  names: () => [],
};
