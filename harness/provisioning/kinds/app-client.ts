import { CreateUserPoolClientCommand, type ExplicitAuthFlowsType } from '@aws-sdk/client-cognito-identity-provider';
import type { ResourceKind } from '../resource-kind';
import type { ProvisionedUserPool, UserPoolClientSpec, UserPoolsFragment } from './user-pool';

export interface ProvisionedClient {
  id: string;
  /** Kept in memory only; never written anywhere. */
  secret?: string;
}

const AUTH_FLOW_PERMISSION: Record<string, ExplicitAuthFlowsType> = {
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  ADMIN_USER_PASSWORD_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  REFRESH_TOKEN_AUTH: 'ALLOW_REFRESH_TOKEN_AUTH',
};

/** App clients of a fixture user pool (UP-API CreateUserPoolClient), keyed `<pool>/<client>`; deleted with their pool. */
export const appClientKind: ResourceKind<UserPoolsFragment, UserPoolClientSpec & { pool: string; client: string }, ProvisionedClient> = {
  kind: 'app-client',
  noun: 'app client',
  declared: (spec) =>
    Object.entries(spec.userPools ?? {}).flatMap(([pool, p]) =>
      Object.entries(p.clients).map(([client, c]) => ({
        kind: 'app-client',
        key: `${pool}/${client}`,
        spec: { ...c, pool, client },
        needs: [{ kind: 'user-pool', key: pool }],
      })),
    ),
  async create({ key, spec }, ctx) {
    const pool = ctx.made<ProvisionedUserPool>({ kind: 'user-pool', key: spec.pool });
    const made = await ctx.step(`app client ${key}`, () =>
      ctx.clients.idp.send(
        new CreateUserPoolClientCommand({
          UserPoolId: pool.id,
          ClientName: ctx.name(spec.client),
          GenerateSecret: spec.generateSecret ?? false,
          ExplicitAuthFlows: spec.authFlows.map((f) => AUTH_FLOW_PERMISSION[f]),
        }),
      ),
    );
    return { id: made.UserPoolClient!.ClientId!, secret: made.UserPoolClient!.ClientSecret };
  },
  names: (key, client) => [{ logical: `client:${key}`, value: client.id }],
};
