import type { RequestContext } from '../service';
import { Violations, type StringConstraint } from './validation';
import { str } from './role-input';
import { checkListMembers, strList } from './list-input';
import { checkTags, readTags, refuseDuplicateKeys, type Tag } from './tags';
import { invalidInput, limitExceeded, noSuchOidcProvider, oidcProviderAlreadyExists } from './iam-errors';
import { oidcProviderByUrl, type OidcProvider } from './state';
import { iamArn } from '../region';

type Input = Record<string, unknown>;

// Member constraints [doc: IAM-API CreateOpenIDConnectProvider; botocore iam-2010-05-08 model:
// OpenIDConnectProviderUrlType 1–255, clientIDType 1–255, thumbprintType exactly 40, arnType 20–2048].
const URL_TYPE: StringConstraint = { required: true, min: 1, max: 255 };
const CLIENT_ID = { min: 1, max: 255 };
const THUMBPRINT = { min: 40, max: 40 };
const PROVIDER_ARN: StringConstraint = { required: true, min: 20, max: 2048 };
/** "You can register up to 100 client IDs with a single IAM OIDC provider" and up to five thumbprints [doc: IAM-API CreateOpenIDConnectProvider]. */
const MAX_CLIENT_IDS = 100;
const MAX_THUMBPRINTS = 5;

/**
 * The URL rules of CreateOpenIDConnectProvider [doc: IAM-API, Url]: it begins
 * with `https://`, has a host, and has no port, query or fragment ("Per the
 * OIDC standard, path components are allowed but query parameters are not";
 * "The URL should not contain a port number"). Answers the URL without its
 * scheme, the form ARNs and GetOpenIDConnectProvider use. AWS's message for a
 * refused URL is not on record; this one says what was wrong and what is expected.
 */
function providerUrl(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const ok =
    url.startsWith('https://') &&
    parsed !== undefined &&
    parsed.hostname !== '' &&
    parsed.port === '' &&
    parsed.search === '' &&
    parsed.hash === '' &&
    parsed.username === '' &&
    !/[?#]/.test(url);
  if (!ok) {
    throw invalidInput(
      `Invalid OpenID Connect provider URL: ${url}. Expected https://<host>[/<path>] with no port, query or fragment.`,
    );
  }
  return url.slice('https://'.length);
}

function checkThumbprintsHex(thumbprints: readonly string[]): void {
  // "The thumbprint is always a 40-character string" of the hex-encoded SHA-1 [doc: IAM-API, thumbprintType].
  const bad = thumbprints.find((t) => !/^[0-9a-fA-F]{40}$/.test(t));
  if (bad !== undefined) throw invalidInput(`Thumbprint not allowed: ${bad}. Expected 40 hexadecimal characters (a SHA-1 hash).`);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function tagsShape(tags: Tag[]): { Key: string; Value: string }[] | undefined {
  return tags.length > 0 ? tags.map((t) => ({ Key: t.Key, Value: t.Value })) : undefined;
}

/** The provider named by `OpenIDConnectProviderArn`, or NoSuchEntity. */
function requireProvider(ctx: RequestContext, input: Input, checkOthers?: (v: Violations) => void): OidcProvider {
  const arn = str(input, 'OpenIDConnectProviderArn');
  const violations = new Violations().string(arn, 'openIDConnectProviderArn', PROVIDER_ARN);
  checkOthers?.(violations);
  violations.throwIfAny();
  const provider = ctx.state.iam.oidcProviders.get(arn!);
  if (!provider) throw noSuchOidcProvider(arn!);
  return provider;
}

/**
 * IAM-API CreateOpenIDConnectProvider. The ARN is
 * `arn:aws:iam::<acct>:oidc-provider/<url without https://>`; the same URL twice
 * is EntityAlreadyExists (409). ThumbprintList is optional (AWS then trusts the
 * IdP's certificate authority); the emulator stores thumbprints but checks no
 * TLS certificate, and fetches nothing at creation: discovery happens when
 * STS verifies a token (sts/oidc-provider-issuer.ts).
 */
export function createOpenIDConnectProvider(input: Input, ctx: RequestContext) {
  const url = str(input, 'Url');
  const clientIds = strList(input, 'ClientIDList');
  const thumbprints = strList(input, 'ThumbprintList');
  const rawTags = readTags(input.Tags);
  const violations = new Violations().string(url, 'url', URL_TYPE);
  checkListMembers(violations, clientIds, 'clientIDList', CLIENT_ID);
  checkListMembers(violations, thumbprints, 'thumbprintList', THUMBPRINT);
  checkTags(violations, rawTags).throwIfAny();

  const hostPath = providerUrl(url!);
  checkThumbprintsHex(thumbprints ?? []);
  const ids = unique(clientIds ?? []);
  if (ids.length > MAX_CLIENT_IDS) throw limitExceeded(`Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: ${MAX_CLIENT_IDS}`);
  if ((thumbprints ?? []).length > MAX_THUMBPRINTS) throw limitExceeded(`Cannot exceed quota for ThumbprintsPerOpenIdConnectProvider: ${MAX_THUMBPRINTS}`);
  const tags = (rawTags ?? []) as Tag[];
  refuseDuplicateKeys(tags);
  if (oidcProviderByUrl(ctx.state.iam, hostPath)) throw oidcProviderAlreadyExists(url!);

  const provider: OidcProvider = {
    arn: iamArn(ctx.state.region, ctx.state.accountId, `oidc-provider/${hostPath}`),
    url: hostPath,
    clientIds: ids,
    thumbprints: [...(thumbprints ?? [])],
    createDate: ctx.now,
    tags: tags.map((t) => ({ Key: t.Key, Value: t.Value })),
  };
  ctx.state.iam.oidcProviders.set(provider.arn, provider);
  return { OpenIDConnectProviderArn: provider.arn, Tags: tagsShape(provider.tags) };
}

/** IAM-API GetOpenIDConnectProvider: `Url` comes back without its scheme [obs: pulumi/pulumi#8632, get-open-id-connect-provider output]. */
export function getOpenIDConnectProvider(input: Input, ctx: RequestContext) {
  const p = requireProvider(ctx, input);
  return { Url: p.url, ClientIDList: [...p.clientIds], ThumbprintList: [...p.thumbprints], CreateDate: p.createDate, Tags: tagsShape(p.tags) };
}

/**
 * IAM-API DeleteOpenIDConnectProvider: "This operation is idempotent; it does
 * not fail or return an error if you call the operation for a provider that
 * does not exist" [doc: IAM-API DeleteOpenIDConnectProvider].
 */
export function deleteOpenIDConnectProvider(input: Input, ctx: RequestContext) {
  const arn = str(input, 'OpenIDConnectProviderArn');
  new Violations().string(arn, 'openIDConnectProviderArn', PROVIDER_ARN).throwIfAny();
  ctx.state.iam.oidcProviders.delete(arn!);
  return undefined;
}

/** IAM-API ListOpenIDConnectProviders: the ARNs, in ARN order (AWS documents no order). */
export function listOpenIDConnectProviders(_input: Input, ctx: RequestContext) {
  const arns = [...ctx.state.iam.oidcProviders.keys()].sort();
  return { OpenIDConnectProviderList: arns.map((Arn) => ({ Arn })) };
}

/** IAM-API AddClientIDToOpenIDConnectProvider: idempotent for a client id already listed [doc]. */
export function addClientIDToOpenIDConnectProvider(input: Input, ctx: RequestContext) {
  const clientId = str(input, 'ClientID');
  const p = requireProvider(ctx, input, (v) => v.string(clientId, 'clientID', { required: true, ...CLIENT_ID }));
  if (p.clientIds.includes(clientId!)) return undefined;
  if (p.clientIds.length >= MAX_CLIENT_IDS) throw limitExceeded(`Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: ${MAX_CLIENT_IDS}`);
  p.clientIds.push(clientId!);
  return undefined;
}

/** IAM-API RemoveClientIDFromOpenIDConnectProvider: removing an id that is not listed is not an error [doc]. */
export function removeClientIDFromOpenIDConnectProvider(input: Input, ctx: RequestContext) {
  const clientId = str(input, 'ClientID');
  const p = requireProvider(ctx, input, (v) => v.string(clientId, 'clientID', { required: true, ...CLIENT_ID }));
  p.clientIds = p.clientIds.filter((id) => id !== clientId);
  return undefined;
}

/** IAM-API UpdateOpenIDConnectProviderThumbprint: replaces the whole list. */
export function updateOpenIDConnectProviderThumbprint(input: Input, ctx: RequestContext) {
  const thumbprints = strList(input, 'ThumbprintList');
  const p = requireProvider(ctx, input, (v) => {
    if (thumbprints === undefined) v.add(undefined, 'thumbprintList', 'Member must not be null');
    checkListMembers(v, thumbprints, 'thumbprintList', THUMBPRINT);
  });
  checkThumbprintsHex(thumbprints!);
  if (thumbprints!.length > MAX_THUMBPRINTS) throw limitExceeded(`Cannot exceed quota for ThumbprintsPerOpenIdConnectProvider: ${MAX_THUMBPRINTS}`);
  p.thumbprints = [...thumbprints!];
  return undefined;
}
