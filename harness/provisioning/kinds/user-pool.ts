import { CreateUserPoolCommand, DeleteUserPoolCommand, DescribeUserPoolCommand, ListUserPoolsCommand, type ListUserPoolsCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { ResourceKind } from '../resource-kind';
import { ignoreGone } from './gone';
import { userPoolProviderName } from '../../targets/region';

export type AuthFlow = 'USER_PASSWORD_AUTH' | 'ADMIN_USER_PASSWORD_AUTH' | 'REFRESH_TOKEN_AUTH';

export interface UserPoolClientSpec {
  authFlows: AuthFlow[];
  generateSecret?: boolean;
}

export interface GroupSpec {
  precedence?: number;
  /** Logical name of a role in this fixture. */
  role?: string;
  /**
   * A role ARN used as it is, for suites that test user pools alone: Cognito
   * only checks its shape (UP-API CreateGroup RoleArn), so no IAM role is needed.
   */
  roleArn?: string;
}

export interface UserSpec {
  groups?: string[];
  attributes?: Record<string, string>;
}

/** A user pool with what lives in it: app clients, groups and users, each created by its own kind. */
export interface UserPoolSpec {
  clients: Record<string, UserPoolClientSpec>;
  groups?: Record<string, GroupSpec>;
  users?: Record<string, UserSpec>;
  /** Custom attribute names without the `custom:` prefix. */
  customAttributes?: string[];
}

export interface ProvisionedUserPool {
  id: string;
  /** `cognito-idp.<region>.<dnsSuffix>/<poolId>`: the Logins key and token issuer host (targets/region.ts). */
  providerName: string;
}

export type UserPoolsFragment = { userPools?: Record<string, UserPoolSpec> };

/** Cognito user pools (UP-API CreateUserPool). Deleting one deletes its clients, groups and users. */
export const userPoolKind: ResourceKind<UserPoolsFragment, UserPoolSpec, ProvisionedUserPool> = {
  kind: 'user-pool',
  noun: 'user pool',
  declared: (spec) => Object.entries(spec.userPools ?? {}).map(([key, pool]) => ({ kind: 'user-pool', key, spec: pool, needs: [] })),
  async create({ key, spec }, ctx) {
    const poolName = ctx.name(key);
    ctx.ledger.creating('user-pool', poolName, { tags: ctx.tags });
    const created = await ctx.step(`user pool ${key}`, () =>
      ctx.clients.idp.send(
        new CreateUserPoolCommand({
          PoolName: poolName,
          UserPoolTags: ctx.tags,
          // Schema takes 1–50 entries (UP-API CreateUserPool): leave it out when there are none.
          Schema: spec.customAttributes?.length ? spec.customAttributes.map((attr) => ({ Name: attr, AttributeDataType: 'String', Mutable: true })) : undefined,
        }),
      ),
    );
    const id = created.UserPool!.Id!;
    ctx.ledger.created('user-pool', poolName, id);
    return { id, providerName: userPoolProviderName(ctx.region, id) };
  },
  names: (key, pool) => [{ logical: `user-pool:${key}`, value: pool.id }],
  ledgered: {
    async delete(clients, entry) {
      if (!entry.id) return false; // never got an id: the create did not succeed
      return ignoreGone(clients.idp.send(new DeleteUserPoolCommand({ UserPoolId: entry.id })));
    },
    async list(clients) {
      const found = [];
      let token: string | undefined;
      do {
        const page: ListUserPoolsCommandOutput = await clients.idp.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken: token }));
        for (const pool of page.UserPools ?? []) found.push({ name: pool.Name ?? '', id: pool.Id ?? '', createdAt: pool.CreationDate });
        token = page.NextToken;
      } while (token);
      return found;
    },
    async describe(clients, found) {
      const { UserPool } = await clients.idp.send(new DescribeUserPoolCommand({ UserPoolId: found.id }));
      return { createdAt: UserPool?.CreationDate, tags: UserPool?.UserPoolTags ?? {} };
    },
  },
};
