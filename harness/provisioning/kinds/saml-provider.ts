import { CreateSAMLProviderCommand, DeleteSAMLProviderCommand, GetSAMLProviderCommand, ListSAMLProvidersCommand } from '@aws-sdk/client-iam';
import type { ResourceKind } from '../resource-kind';
import { SamlIdentityProvider } from '../saml-idp';
import { CALLER, type Caller } from './caller';
import { ignoreGone } from './gone';
import { iamTags, tagsOf } from './iam-tags';

/**
 * An IAM SAML provider whose identity provider is the harness itself: a key
 * pair and self-signed certificate made at provisioning time, registered
 * through its metadata (IAM-API CreateSAMLProvider). The provider name is
 * `idchain-<runId>-…`; the IdP signs assertions with
 * `fx.samlProvider(name).idp`.
 */
export interface SamlProviderSpec {
  /** The IdP's entity id, which becomes the assertion Issuer; default `https://idp.idchain.invalid/saml/<logical>`. */
  entityId?: string;
}

export interface ProvisionedSamlProvider {
  arn: string;
  /** The friendly name, the last part of the ARN. */
  name: string;
  /** The identity provider behind it: signs assertions for this provider. Holds its private key in memory only. */
  idp: SamlIdentityProvider;
}

/** IAM SAML providers backed by the harness's own IdP; swept by their `idchain-` name. */
export const samlProviderKind: ResourceKind<{ samlProviders?: Record<string, SamlProviderSpec> }, SamlProviderSpec, ProvisionedSamlProvider> = {
  kind: 'saml-provider',
  noun: 'SAML provider',
  declared: (spec) => Object.entries(spec.samlProviders ?? {}).map(([key, p]) => ({ kind: 'saml-provider', key, spec: p, needs: [CALLER] })),
  async create({ key, spec }, ctx) {
    const { partition, accountId } = ctx.made<Caller>(CALLER);
    const providerName = ctx.name(key);
    const idp = await SamlIdentityProvider.create(spec.entityId ?? `https://idp.idchain.invalid/saml/${key}`);
    ctx.ledger.creating('saml-provider', providerName, { id: `arn:${partition}:iam::${accountId}:saml-provider/${providerName}`, tags: ctx.tags });
    const created = await ctx.step(`SAML provider ${key}`, () =>
      ctx.clients.iam.send(new CreateSAMLProviderCommand({ Name: providerName, SAMLMetadataDocument: idp.metadataXml(), Tags: iamTags(ctx.tags) })),
    );
    ctx.ledger.created('saml-provider', providerName, created.SAMLProviderArn!);
    return { arn: created.SAMLProviderArn!, name: providerName, idp };
  },
  names: (key, p) => [
    { logical: `saml-provider:${key}`, value: p.arn },
    { logical: `saml-provider-name:${key}`, value: p.name },
  ],
  ledgered: {
    async delete(clients, entry) {
      if (!entry.id) return false;
      return ignoreGone(clients.iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: entry.id })));
    },
    async list(clients) {
      const { SAMLProviderList = [] } = await clients.iam.send(new ListSAMLProvidersCommand({}));
      return SAMLProviderList.map((p) => ({ name: p.Arn?.split(':saml-provider/')[1] ?? '', id: p.Arn ?? '', createdAt: p.CreateDate }));
    },
    async describe(clients, found) {
      const described = await clients.iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: found.id }));
      return { createdAt: described.CreateDate, tags: tagsOf(described.Tags) };
    },
  },
};
