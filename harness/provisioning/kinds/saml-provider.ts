import { CreateSAMLProviderCommand, DeleteSAMLProviderCommand, GetSAMLProviderCommand, ListSAMLProvidersCommand } from '@aws-sdk/client-iam';
import type { ResourceKind } from '../resource-kind';
import { createSigningKey, SamlIdentityProvider, type SigningKey } from '../saml-idp';
import { CALLER, type Caller } from './caller';
import { ignoreGone } from './gone';
import { iamTags, tagsOf } from './iam-tags';

/**
 * An IAM SAML provider whose identity provider is the harness itself: a key
 * pair and self-signed certificate made at provisioning time (one per run),
 * registered through its metadata (IAM-API CreateSAMLProvider). The provider name is
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

/**
 * The run's IdP signing key, one for every SAML provider the run registers:
 * an organisation's IdP federates several providers and accounts under one
 * signing certificate, and each RSA-2048 key costs 0.1–0.3 s of a core (the
 * contract registers five providers). Providers still differ by entity id and
 * ARN; a forger's key (`idp.impostor()`) is always a fresh one.
 */
const runKeys = new Map<string, Promise<SigningKey>>();
/** Runs at once in one process (a library caller's) each keep theirs; only the latest few are remembered. */
const RUNS_REMEMBERED = 8;
function runSigningKey(runId: string): Promise<SigningKey> {
  let key = runKeys.get(runId);
  if (!key) {
    key = createSigningKey();
    key.catch(() => runKeys.delete(runId)); // a failed generation is tried again by the next provider
    runKeys.set(runId, key);
    if (runKeys.size > RUNS_REMEMBERED) runKeys.delete(runKeys.keys().next().value!);
  }
  return key;
}

/** IAM SAML providers backed by the harness's own IdP; swept by their `idchain-` name. */
export const samlProviderKind: ResourceKind<{ samlProviders?: Record<string, SamlProviderSpec> }, SamlProviderSpec, ProvisionedSamlProvider> = {
  kind: 'saml-provider',
  noun: 'SAML provider',
  declared: (spec) => Object.entries(spec.samlProviders ?? {}).map(([key, p]) => ({ kind: 'saml-provider', key, spec: p, needs: [CALLER] })),
  async create({ key, spec }, ctx) {
    const { partition, accountId } = ctx.made<Caller>(CALLER);
    const providerName = ctx.name(key);
    const idp = await SamlIdentityProvider.create(spec.entityId ?? `https://idp.idchain.invalid/saml/${key}`, { key: runSigningKey(ctx.runId) });
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
