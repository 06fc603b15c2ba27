import { SetPrincipalTagAttributeMapCommand } from '@aws-sdk/client-cognito-identity';
import type { ResourceKind } from '../resource-kind';
import type { IdentityPoolSpec, IdentityPoolsFragment, ProvisionedIdentityPool } from './identity-pool';
import type { ProvisionedUserPool } from './user-pool';

/**
 * Attributes for access control of an identity pool (CI-API
 * SetPrincipalTagAttributeMap; CG "Using attributes for access control"): for
 * users of a fixture user pool, the default mappings or tag → claim. Part of
 * the pool: deleted with it, and a pool whose mapping cannot be set is not
 * the pool its cases expect.
 */
export const identityPoolPrincipalTagsKind: ResourceKind<IdentityPoolsFragment, IdentityPoolSpec, Record<string, never>> = {
  kind: 'identity-pool-principal-tags',
  noun: 'principal tags of identity pool',
  completes: 'identity-pool',
  declared: (spec) =>
    Object.entries(spec.identityPools ?? {})
      .filter(([, pool]) => (pool.principalTags ?? []).length > 0)
      .map(([key, pool]) => ({
        kind: 'identity-pool-principal-tags',
        key,
        spec: pool,
        needs: [{ kind: 'identity-pool', key }, ...(pool.principalTags ?? []).map((m) => ({ kind: 'user-pool', key: m.userPool }))],
      })),
  async create({ key, spec }, ctx) {
    const IdentityPoolId = ctx.made<ProvisionedIdentityPool>({ kind: 'identity-pool', key }).id;
    for (const mapping of spec.principalTags ?? []) {
      const IdentityProviderName = ctx.made<ProvisionedUserPool>({ kind: 'user-pool', key: mapping.userPool }).providerName;
      await ctx.step(`principal tags of identity pool ${key}`, () =>
        ctx.clients.identity.send(new SetPrincipalTagAttributeMapCommand({ IdentityPoolId, IdentityProviderName, UseDefaults: mapping.useDefaults ?? false, PrincipalTags: mapping.tags })),
      );
    }
    return {};
  },
  names: () => [],
};
