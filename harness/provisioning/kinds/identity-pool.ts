import {
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  ListIdentityPoolsCommand,
  type ListIdentityPoolsCommandOutput,
} from '@aws-sdk/client-cognito-identity';
import type { ResourceKind, ResourceRef } from '../resource-kind';
import type { ProvisionedClient } from './app-client';
import { ignoreGone } from './gone';
import type { ProvisionedUserPool } from './user-pool';

/** A user pool app client an identity pool accepts tokens from. */
export interface ProviderRef {
  userPool: string;
  client: string;
}

export type RoleMappingSpec = ProviderRef & { ambiguous: 'AuthenticatedRole' | 'Deny' } & (
    | { type: 'Token' }
    | { type: 'Rules'; rules: { claim: string; match: 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual'; value: string; role: string }[] }
  );

export interface IdentityPoolSpec {
  allowUnauthenticated?: boolean;
  allowClassicFlow?: boolean;
  /**
   * A developer provider for developer-authenticated identities, by logical
   * name. The provisioned DeveloperProviderName is made unique per run
   * (`idchain-<runId>-…`, pattern `[\w._-]+`, 1–128; CI-API CreateIdentityPool);
   * read it from `fx.identityPool(name).developerProviderName`.
   */
  developerProvider?: string;
  providers?: ProviderRef[];
  /** Set once the roles exist, by the identity-pool-roles kind. */
  roles?: { authenticated?: string; unauthenticated?: string };
  roleMappings?: RoleMappingSpec[];
  /** Attributes for access control for a fixture user pool's users: its default mappings, or tag → claim (identity-pool-principal-tags kind). */
  principalTags?: { userPool: string; useDefaults?: boolean; tags?: Record<string, string> }[];
}

export interface ProvisionedIdentityPool {
  id: string;
  /** Set when the spec names a `developerProvider`: the DeveloperProviderName the pool was created with. */
  developerProviderName?: string;
}

export type IdentityPoolsFragment = { identityPools?: Record<string, IdentityPoolSpec> };

/** The user pool and app client a provider reference names. */
export function providerNeeds(p: ProviderRef): ResourceRef[] {
  return [
    { kind: 'user-pool', key: p.userPool },
    { kind: 'app-client', key: `${p.userPool}/${p.client}` },
  ];
}

/** Cognito identity pools (CI-API CreateIdentityPool); their roles are set by the identity-pool-roles kind. */
export const identityPoolKind: ResourceKind<IdentityPoolsFragment, IdentityPoolSpec, ProvisionedIdentityPool> = {
  kind: 'identity-pool',
  noun: 'identity pool',
  declared: (spec) =>
    Object.entries(spec.identityPools ?? {}).map(([key, pool]) => ({ kind: 'identity-pool', key, spec: pool, needs: (pool.providers ?? []).flatMap(providerNeeds) })),
  async create({ key, spec }, ctx) {
    const poolName = ctx.name(key);
    // Unique per run like every other name, so two runs never share a developer provider.
    const developerProviderName = spec.developerProvider ? ctx.name(spec.developerProvider) : undefined;
    ctx.ledger.creating('identity-pool', poolName, { tags: ctx.tags });
    const created = await ctx.step(`identity pool ${key}`, () =>
      ctx.clients.identity.send(
        new CreateIdentityPoolCommand({
          IdentityPoolName: poolName,
          AllowUnauthenticatedIdentities: spec.allowUnauthenticated ?? false,
          AllowClassicFlow: spec.allowClassicFlow ?? false,
          DeveloperProviderName: developerProviderName,
          IdentityPoolTags: ctx.tags,
          CognitoIdentityProviders: (spec.providers ?? []).map((p) => ({
            ProviderName: ctx.made<ProvisionedUserPool>({ kind: 'user-pool', key: p.userPool }).providerName,
            ClientId: ctx.made<ProvisionedClient>({ kind: 'app-client', key: `${p.userPool}/${p.client}` }).id,
            ServerSideTokenCheck: false,
          })),
        }),
      ),
    );
    ctx.ledger.created('identity-pool', poolName, created.IdentityPoolId!);
    return { id: created.IdentityPoolId!, developerProviderName };
  },
  names: (key, pool) => [
    { logical: `identity-pool:${key}`, value: pool.id },
    ...(pool.developerProviderName ? [{ logical: `developer-provider:${key}`, value: pool.developerProviderName }] : []),
  ],
  ledgered: {
    async delete(clients, entry) {
      if (!entry.id) return false; // never got an id: the create did not succeed
      return ignoreGone(clients.identity.send(new DeleteIdentityPoolCommand({ IdentityPoolId: entry.id })));
    },
    async list(clients) {
      const found = [];
      let token: string | undefined;
      do {
        const page: ListIdentityPoolsCommandOutput = await clients.identity.send(new ListIdentityPoolsCommand({ MaxResults: 60, NextToken: token }));
        // ListIdentityPools gives no creation time: the expiry tag decides.
        for (const pool of page.IdentityPools ?? []) found.push({ name: pool.IdentityPoolName ?? '', id: pool.IdentityPoolId ?? '' });
        token = page.NextToken;
      } while (token);
      return found;
    },
    async describe(clients, found) {
      const described = await clients.identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: found.id }));
      return { tags: described.IdentityPoolTags ?? {} };
    },
  },
};
