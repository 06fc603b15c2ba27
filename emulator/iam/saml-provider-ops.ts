import type { RequestContext } from '../service';
import { Violations, type StringConstraint } from './validation';
import { str } from './role-input';
import { checkTags, readTags, refuseDuplicateKeys, type Tag } from './tags';
import { noSuchSamlProvider, samlProviderAlreadyExists } from './iam-errors';
import { parseSamlMetadata } from './saml-metadata';
import type { SamlProvider } from './state';
import { iamArn } from '../region';

type Input = Record<string, unknown>;

// [doc: IAM-API CreateSAMLProvider; aws-contract.md §5]
const PROVIDER_NAME: StringConstraint = { required: true, min: 1, max: 128, pattern: '[\\w._-]+' };
const METADATA: StringConstraint = { required: true, min: 1000, max: 10_000_000 };
const PROVIDER_ARN: StringConstraint = { required: true, min: 20, max: 2048 };
/**
 * ValidUntil is a hundred years after creation [doc: IAM-UG "Use GetSamlProvider" CLI example:
 * CreateDate 2017-03-06T22:29:46, ValidUntil 2117-03-06T22:29:46.433].
 */
const VALID_YEARS = 100;

function tagsShape(tags: Tag[]): { Key: string; Value: string }[] | undefined {
  return tags.length > 0 ? tags.map((t) => ({ Key: t.Key, Value: t.Value })) : undefined;
}

function samlProviderByName(ctx: RequestContext, name: string): SamlProvider | undefined {
  // IAM names are not distinguished by case (IAM-API CreateRole, RoleName; the same rule for every IAM name).
  const lower = name.toLowerCase();
  for (const p of ctx.state.iam.samlProviders.values()) if (p.name.toLowerCase() === lower) return p;
  return undefined;
}

function requireProvider(ctx: RequestContext, input: Input): SamlProvider {
  const arn = str(input, 'SAMLProviderArn');
  new Violations().string(arn, 'sAMLProviderArn', PROVIDER_ARN).throwIfAny();
  const provider = ctx.state.iam.samlProviders.get(arn!);
  if (!provider) throw noSuchSamlProvider(arn!);
  return provider;
}

/**
 * IAM-API CreateSAMLProvider: Name 1–128 `[\w._-]+`, SAMLMetadataDocument
 * 1,000–10,000,000 characters. The metadata must name the IdP (`entityID`)
 * and carry at least one signing certificate (saml-metadata.ts), else
 * InvalidInput "Could not parse metadata". A name already in use is
 * EntityAlreadyExists (409). ARN `arn:aws:iam::<acct>:saml-provider/<name>`.
 */
export function createSAMLProvider(input: Input, ctx: RequestContext) {
  const name = str(input, 'Name');
  const document = str(input, 'SAMLMetadataDocument');
  const rawTags = readTags(input.Tags);
  const violations = new Violations().string(document, 'sAMLMetadataDocument', METADATA).string(name, 'name', PROVIDER_NAME);
  checkTags(violations, rawTags).throwIfAny();
  const tags = (rawTags ?? []) as Tag[];
  refuseDuplicateKeys(tags);
  const metadata = parseSamlMetadata(document!);
  if (samlProviderByName(ctx, name!)) throw samlProviderAlreadyExists(name!);

  const validUntil = new Date(ctx.now);
  validUntil.setUTCFullYear(validUntil.getUTCFullYear() + VALID_YEARS);
  const provider: SamlProvider = {
    arn: iamArn(ctx.state.region, ctx.state.accountId, `saml-provider/${name}`),
    name: name!,
    metadataDocument: document!,
    entityId: metadata.entityId,
    signingCertificates: metadata.signingCertificates,
    createDate: ctx.now,
    validUntil,
    tags: tags.map((t) => ({ Key: t.Key, Value: t.Value })),
  };
  ctx.state.iam.samlProviders.set(provider.arn, provider);
  return { SAMLProviderArn: provider.arn, Tags: tagsShape(provider.tags) };
}

/** IAM-API GetSAMLProvider: the metadata as uploaded, CreateDate, ValidUntil, Tags. */
export function getSAMLProvider(input: Input, ctx: RequestContext) {
  const p = requireProvider(ctx, input);
  return { SAMLMetadataDocument: p.metadataDocument, CreateDate: p.createDate, ValidUntil: p.validUntil, Tags: tagsShape(p.tags) };
}

/** IAM-API DeleteSAMLProvider: NoSuchEntity for an unknown ARN. */
export function deleteSAMLProvider(input: Input, ctx: RequestContext) {
  const p = requireProvider(ctx, input);
  ctx.state.iam.samlProviders.delete(p.arn);
  return undefined;
}

/** IAM-API ListSAMLProviders: Arn, ValidUntil and CreateDate of each, in ARN order (AWS documents no order). */
export function listSAMLProviders(_input: Input, ctx: RequestContext) {
  const providers = [...ctx.state.iam.samlProviders.values()].sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
  return { SAMLProviderList: providers.map((p) => ({ Arn: p.arn, ValidUntil: p.validUntil, CreateDate: p.createDate })) };
}
