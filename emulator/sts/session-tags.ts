import { AwsServiceError } from '../errors';
import type { Tag } from '../iam/tags';
import type { Violations } from '../iam/validation';
import { strList } from '../iam/list-input';
import { TAG_KEY } from '../iam/role-input';
import type { Principal } from '../principal';

/** "You can pass up to 50 session tags" and as many transitive keys [doc: STS-API AssumeRole, Tags and TransitiveTagKeys]. */
export const MAX_SESSION_TAGS = 50;

/** The session tags a session carries: key → value, and which keys pass on to a chained session. */
export interface SessionTagSet {
  tags: Record<string, string>;
  /** Keys as they were passed; compared case-insensitively, like every tag key. */
  transitive: string[];
}

export const NO_TAGS: SessionTagSet = { tags: {}, transitive: [] };

/**
 * `InvalidParameterValue` (400), how STS refuses session tags that do not fit
 * together [obs: "InvalidParameterValue: … conflicts with a transitive tag key
 * from the calling session", recorded against AWS in mahitotsu/gekko_08
 * experiments/multi-hop-propagation/RESULTS.md; the same code for a transitive
 * key missing from Tags, quoted as AWS STS's answer in a public Go client's tests].
 */
function invalidParameterValue(message: string): AwsServiceError {
  return new AwsServiceError('InvalidParameterValue', message, 400);
}

/** Model constraints of TransitiveTagKeys: at most 50, each a tag key [doc: STS-API AssumeRole]. */
export function readTransitiveTagKeys(input: Record<string, unknown>, v: Violations): string[] {
  const keys = strList(input, 'TransitiveTagKeys') ?? [];
  if (keys.length > MAX_SESSION_TAGS) v.add(`[${keys.join(', ')}]`, 'transitiveTagKeys', `Member must have length less than or equal to ${MAX_SESSION_TAGS}`);
  keys.forEach((key, i) => v.string(key, `transitiveTagKeys.${i + 1}.member`, TAG_KEY));
  return keys;
}

const has = (keys: readonly string[], key: string) => keys.some((k) => k.toLowerCase() === key.toLowerCase());

/** The transitive tags a role session hands on to the next role in a chain. */
export function inheritedTags(caller: Principal | undefined): SessionTagSet {
  if (caller?.kind !== 'assumed-role') return NO_TAGS;
  const session = caller.session;
  const transitive = session?.transitiveTagKeys ?? [];
  const tags = Object.fromEntries(Object.entries(session?.tags ?? {}).filter(([key]) => has(transitive, key)));
  return { tags, transitive: Object.keys(tags) };
}

/**
 * The session tags of a new session: those passed, and the transitive tags the
 * calling session inherits into it [doc: IAM-UG "Passing session tags in AWS
 * STS", "Chaining roles with session tags": "transitive session tags persist
 * during role chaining"; STS-API AssumeRole, Tags: "if you used temporary
 * credentials to perform this operation, the new session inherits any
 * transitive session tags from the calling session. If you pass a session tag
 * with the same key as an inherited tag, the operation fails"].
 *
 * Refused, with InvalidParameterValue (400): a TransitiveTagKeys entry that is
 * not among the passed Tags ("The specified transitive tag key must be included
 * in the requested tags." [obs]); a passed tag whose key an inherited tag
 * already has ("One of the specified transitive tag keys can't be set because
 * it conflicts with a transitive tag key from the calling session." [obs, see
 * invalidParameterValue]). Keys compare case-insensitively ("Tag key–value pairs
 * are not case sensitive", STS-API AssumeRole).
 *
 * Mutant `transitive-tags-dropped`: nothing is inherited.
 */
export function sessionTagsFor(passed: readonly Tag[], transitiveKeys: readonly string[], inherited: SessionTagSet): SessionTagSet {
  for (const key of transitiveKeys) {
    if (!passed.some((t) => t.Key.toLowerCase() === key.toLowerCase())) throw invalidParameterValue('The specified transitive tag key must be included in the requested tags.');
  }
  if (passed.some((t) => has(Object.keys(inherited.tags), t.Key))) {
    throw invalidParameterValue("One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.");
  }
  return {
    tags: { ...inherited.tags, ...Object.fromEntries(passed.map((t) => [t.Key, t.Value])) },
    transitive: [...inherited.transitive, ...transitiveKeys],
  };
}

/** The condition keys a request to tag a session carries: `aws:RequestTag/<key>` and `aws:TagKeys` [doc: IAM-UG "Permissions required to add session tags"]. */
export function requestTagContext(set: SessionTagSet): Record<string, string | string[] | undefined> {
  const keys = Object.keys(set.tags);
  return { ...Object.fromEntries(keys.map((k) => [`aws:RequestTag/${k}`, set.tags[k]])), 'aws:TagKeys': keys.length > 0 ? keys : undefined };
}

/** The claim a web identity token passes session tags in [doc: IAM-UG "Passing session tags using AssumeRoleWithWebIdentity"]. */
export const WEB_IDENTITY_TAGS_CLAIM = 'https://aws.amazon.com/tags';

/**
 * Session tags from a web identity token's `https://aws.amazon.com/tags` claim:
 * `{"principal_tags": {"<key>": ["<value>"]}, "transitive_tag_keys": ["<key>"]}`
 * [doc: IAM-UG "Passing session tags using AssumeRoleWithWebIdentity"]. A value
 * given as a plain string is read as that string [inferred].
 */
export function webIdentityTags(claims: Record<string, unknown>): SessionTagSet {
  const claim = claims[WEB_IDENTITY_TAGS_CLAIM];
  if (!claim || typeof claim !== 'object') return NO_TAGS;
  const { principal_tags: principalTags, transitive_tag_keys: transitive } = claim as Record<string, unknown>;
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(principalTags && typeof principalTags === 'object' ? principalTags : {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') tags[key] = first;
  }
  return sessionTagsFor(
    Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    Array.isArray(transitive) ? transitive.filter((k): k is string => typeof k === 'string') : [],
    NO_TAGS,
  );
}

/** The SAML attributes that carry session tags [doc: IAM-UG "Passing session tags using AssumeRoleWithSAML"]. */
export const SAML_PRINCIPAL_TAG_PREFIX = 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:';
export const SAML_TRANSITIVE_TAG_KEYS = 'https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys';

/**
 * Session tags from an assertion: one `PrincipalTag:<key>` attribute per tag,
 * its first value the tag's value, and `TransitiveTagKeys` with one value per
 * key [doc: IAM-UG "Passing session tags using AssumeRoleWithSAML"].
 */
export function samlTags(attributes: ReadonlyMap<string, string[]>): SessionTagSet {
  const passed: Tag[] = [];
  for (const [name, values] of attributes) {
    if (name.startsWith(SAML_PRINCIPAL_TAG_PREFIX) && values[0] !== undefined) passed.push({ Key: name.slice(SAML_PRINCIPAL_TAG_PREFIX.length), Value: values[0] });
  }
  return sessionTagsFor(passed, attributes.get(SAML_TRANSITIVE_TAG_KEYS) ?? [], NO_TAGS);
}
