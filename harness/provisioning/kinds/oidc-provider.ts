import {
  CreateOpenIDConnectProviderCommand,
  DeleteOpenIDConnectProviderCommand,
  GetOpenIDConnectProviderCommand,
  ListOpenIDConnectProvidersCommand,
} from '@aws-sdk/client-iam';
import type { ResourceKind } from '../resource-kind';
import type { ProvisionedClient } from './app-client';
import { CALLER, type Caller } from './caller';
import { ignoreGone } from './gone';
import { iamTags, tagsOf } from './iam-tags';
import type { ProvisionedUserPool } from './user-pool';

/**
 * A fixture user pool registered as an IAM OpenID Connect provider, so its ID
 * tokens go straight to AssumeRoleWithWebIdentity (IAM-API
 * CreateOpenIDConnectProvider; aws-contract.md §5). The URL is the pool's
 * issuer; `clients` become the ClientIDList (the accepted `aud` values).
 */
export interface OidcProviderSpec {
  userPool: string;
  clients: string[];
  /** Each 40 hex characters; optional for IAM (aws-contract.md §5), left out when not given. */
  thumbprints?: string[];
}

export interface ProvisionedOidcProvider {
  arn: string;
  /** `https://cognito-idp.<region>.<dnsSuffix>/<poolId>`: the tokens' `iss`. */
  issuer: string;
  /** The issuer without `https://`: the prefix of the `:aud`, `:sub` and `:amr` trust condition keys. */
  conditionKeyPrefix: string;
  /** The ClientIDList it was registered with: the `aud` values STS accepts. */
  clientIds: string[];
}

/** IAM OIDC providers for fixture user pools. IAM names them by URL, so sweep knows them by their `idchain:run` tag. */
export const oidcProviderKind: ResourceKind<{ oidcProviders?: Record<string, OidcProviderSpec> }, OidcProviderSpec, ProvisionedOidcProvider> = {
  kind: 'oidc-provider',
  noun: 'OIDC provider',
  declared: (spec) =>
    Object.entries(spec.oidcProviders ?? {}).map(([key, p]) => ({
      kind: 'oidc-provider',
      key,
      spec: p,
      needs: [{ kind: 'user-pool', key: p.userPool }, ...p.clients.map((c) => ({ kind: 'app-client', key: `${p.userPool}/${c}` })), CALLER],
    })),
  async create({ key, spec }, ctx) {
    const pool = ctx.made<ProvisionedUserPool>({ kind: 'user-pool', key: spec.userPool });
    const { partition, accountId } = ctx.made<Caller>(CALLER);
    const issuer = `https://${pool.providerName}`;
    // The provider is named by its URL, so the ledger names it by the user pool it registers.
    const ledgerName = ctx.name(`oidc-${key}`);
    // IAM names the provider by its URL (IAM-API CreateOpenIDConnectProvider), so its ARN is known before the
    // create: written down now, teardown can delete it even if the answer is lost.
    ctx.ledger.creating('oidc-provider', ledgerName, { id: `arn:${partition}:iam::${accountId}:oidc-provider/${pool.providerName}`, tags: ctx.tags });
    const clientIds = spec.clients.map((c) => ctx.made<ProvisionedClient>({ kind: 'app-client', key: `${spec.userPool}/${c}` }).id);
    const created = await ctx.step(`OIDC provider ${key}`, () =>
      ctx.clients.iam.send(new CreateOpenIDConnectProviderCommand({ Url: issuer, ClientIDList: clientIds, ThumbprintList: spec.thumbprints, Tags: iamTags(ctx.tags) })),
    );
    ctx.ledger.created('oidc-provider', ledgerName, created.OpenIDConnectProviderArn!);
    return { arn: created.OpenIDConnectProviderArn!, issuer, conditionKeyPrefix: pool.providerName, clientIds };
  },
  names: (key, p) => [{ logical: `oidc-provider:${key}`, value: p.arn }],
  ledgered: {
    async delete(clients, entry) {
      if (!entry.id) return false; // no ARN ledgered: nothing was asked for
      return ignoreGone(clients.iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: entry.id })));
    },
    async list(clients) {
      const { OpenIDConnectProviderList = [] } = await clients.iam.send(new ListOpenIDConnectProvidersCommand({}));
      return OpenIDConnectProviderList.map((p) => ({ name: p.Arn?.split(':oidc-provider/')[1] ?? '', id: p.Arn ?? '' }));
    },
    async describe(clients, found) {
      const described = await clients.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: found.id }));
      return { createdAt: described.CreateDate, tags: tagsOf(described.Tags) };
    },
    namedByTag: { suffix: 'oidc' },
  },
};
