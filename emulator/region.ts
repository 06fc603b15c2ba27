/**
 * What the emulator's Region decides: the partition ARNs carry, the DNS suffix
 * of its hosts, and the names Cognito identity pools present to STS (the OpenID
 * issuer, the federated principal that is also the trust-policy condition-key
 * prefix, and the Logins key of an OpenID token). One place, so
 * `idchain emulator --region R` answers consistently for any R.
 *
 * Each rule names its source: [doc] AWS documentation, [obs] real AWS output,
 * [inferred] what AWS does not say and the emulator had to choose.
 */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

export interface RegionFacts {
  readonly region: string;
  readonly partition: Partition;
  /** `amazonaws.com`, or `amazonaws.com.cn` in China. */
  readonly dnsSuffix: string;
  /** `iss` of identity-pool OpenID tokens (GetOpenIdToken, GetOpenIdTokenForDeveloperIdentity). */
  readonly identityIssuer: string;
  /**
   * The federated principal of identity-pool roles' trust policies, the prefix of
   * their condition keys (`<principal>:aud`, `:amr`, `:sub`) and what STS answers
   * in `Provider` for an identity-pool token.
   */
  readonly identityPrincipal: string;
  /** The Logins key under which GetCredentialsForIdentity takes an OpenID token. */
  readonly identityLoginsKey: string;
}

/**
 * ARN partitions: "aws - AWS Regions, aws-cn - China Regions, aws-us-gov - AWS
 * GovCloud (US) Regions" [doc: AWS General Reference "Amazon Resource Names
 * (ARNs)"]; China Region codes start `cn-` (cn-north-1 Beijing, cn-northwest-1
 * Ningxia), GovCloud's `us-gov-` [doc: same; "Regions and Availability Zones"].
 */
function partitionOf(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * "The endpoint domain for both the Beijing and Ningxia Regions is
 * amazonaws.com.cn" [doc: Getting Started with AWS in China, "Endpoints and
 * ARNs"]; GovCloud keeps amazonaws.com (`cognito-idp-fips.us-gov-west-1.amazonaws.com`
 * [doc: GovCloud (US) User Guide "Amazon Cognito"]).
 */
const DNS_SUFFIX: Record<Partition, string> = { aws: 'amazonaws.com', 'aws-cn': 'amazonaws.com.cn', 'aws-us-gov': 'amazonaws.com' };

/**
 * Regions enabled by default: "Regions launched before March 20, 2019 are enabled
 * by default … Regions launched after March 20, 2019 are disabled by default"
 * (opt-in) [doc: Account Management Reference "Enable or disable AWS Regions in
 * your account"]. This list is closed: every newer aws Region is opt-in.
 */
const DEFAULT_REGIONS = new Set([
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2',
]);

const GLOBAL_ISSUER_HOST = 'cognito-identity.amazonaws.com';

/**
 * The identity-pool names for a Region.
 * - Default aws Regions: issuer `https://cognito-identity.amazonaws.com`,
 *   principal and Logins key `cognito-identity.amazonaws.com` [doc: CG "Role
 *   trust and permissions": "cognito-identity.amazonaws.com (the issuer of the
 *   OpenID Connect token)"; CI-API GetCredentialsForIdentity; obs: tokens from
 *   us-east-1, eu-west-1, ap-northeast-1 carry that `iss`, and STS answers
 *   `"Provider": "cognito-identity.amazonaws.com"` (Big IAM Challenge write-ups)].
 * - GovCloud, China and opt-in Regions use a regional issuer
 *   `https://cognito-identity.<Region>.<dnsSuffix>` [doc: CG "Identity pools
 *   authentication flow": the default jwks_uri "contains information about the keys
 *   that sign tokens for identity pools in most AWS Regions. The following Regions
 *   have different jwks_uri documents": AWS GovCloud (US-West)
 *   `https://cognito-identity.us-gov-west-1.amazonaws.com/.well-known/jwks_uri`, China
 *   (Beijing) `https://cognito-identity.cn-north-1.amazonaws.com.cn/…`, "Opt-in Regions
 *   like Europe (Milan) and Africa (Cape Town)" `https://cognito-identity.<Region>.amazonaws.com/…`;
 *   "You can also extrapolate the jwks_uri from the issuer". GovCloud (US-East) is not
 *   listed: regional by the same rule, inferred. China: "In the
 *   China (Beijing) Region, identity pool tokens are issued by
 *   https://cognito-identity.cn-north-1.amazonaws.com.cn/ instead of
 *   https://cognito-identity.amazonaws.com/" — Getting Started with AWS in China,
 *   "Amazon Cognito"; the trailing slash is prose, real `iss` has none [inferred]].
 * - Logins key of an OpenID token: the issuer's host. China: "When you are using
 *   Developer Authenticated Identities, https://cognito-identity.cn-north-1.amazonaws.com.cn/
 *   is the key to the login map for GetCredentialsForIdentity" [doc: same page;
 *   scheme and slash dropped like every Logins key — inferred]; GovCloud and
 *   opt-in Regions by the same rule [inferred].
 * - Principal: China `cognito-identity.amazonaws.com.cn` [aws-contract.md §3;
 *   an AWS-generated service-principal table gives aws-cn that principal, but the
 *   China site's "Role trust and permissions" page repeats cognito-identity.amazonaws.com:
 *   unconfirmed, treat as inferred]; GovCloud (US-West)
 *   `cognito-identity-us-gov.amazonaws.com`, GovCloud (US-East)
 *   `cognito-identity.us-gov-east-1.amazonaws.com` [doc: GovCloud (US) User Guide
 *   "Amazon Cognito": "your trust policies must grant AssumeRoleWithWebIdentity
 *   permission to the cognito-identity-us-gov.amazonaws.com service principal …
 *   For AWS GovCloud (US-East), replace … with cognito-identity.us-gov-east-1.amazonaws.com"].
 *   Opt-in Regions: the regional issuer's host, as in GovCloud (US-East), the
 *   newest documented case [inferred: AWS names no principal for them].
 */
function identityNames(region: string, partition: Partition, dnsSuffix: string) {
  if (partition === 'aws' && DEFAULT_REGIONS.has(region)) {
    return { identityIssuer: `https://${GLOBAL_ISSUER_HOST}`, identityPrincipal: GLOBAL_ISSUER_HOST, identityLoginsKey: GLOBAL_ISSUER_HOST };
  }
  const host = `cognito-identity.${region}.${dnsSuffix}`;
  const principal =
    partition === 'aws-cn' ? 'cognito-identity.amazonaws.com.cn' : region === 'us-gov-west-1' ? 'cognito-identity-us-gov.amazonaws.com' : host;
  return { identityIssuer: `https://${host}`, identityPrincipal: principal, identityLoginsKey: host };
}

const REGION_CODE = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
/** Partitions AWS has beyond the three (ISO, EU sovereign cloud): not emulated. */
const OTHER_PARTITIONS = /^(?:us-iso|eu-isoe|eusc-)/;

const cache = new Map<string, RegionFacts>();

/**
 * The facts of a Region.
 * @throws Error when `region` is not a Region code of the aws, aws-cn or aws-us-gov partition.
 */
export function regionFacts(region: string): RegionFacts {
  const known = cache.get(region);
  if (known) return known;
  if (!REGION_CODE.test(region) || OTHER_PARTITIONS.test(region)) {
    throw new Error(
      `Region not allowed: ${JSON.stringify(region)}. Expected a Region code of the aws, aws-cn or aws-us-gov partition, e.g. us-east-1, eu-south-1, cn-north-1, us-gov-west-1.`,
    );
  }
  const partition = partitionOf(region);
  const dnsSuffix = DNS_SUFFIX[partition];
  const facts: RegionFacts = Object.freeze({ region, partition, dnsSuffix, ...identityNames(region, partition, dnsSuffix) });
  cache.set(region, facts);
  return facts;
}

/**
 * An ARN: `arn:partition:service:region:account-id:resource` [doc: AWS General
 * Reference "Amazon Resource Names (ARNs)"]. IAM and STS ARNs leave the Region
 * empty but keep the partition (`arn:aws-cn:iam::…`); pass `regional: false`.
 */
export function arn(partitionRegion: string, service: string, account: string, resource: string, regional = true): string {
  return `arn:${regionFacts(partitionRegion).partition}:${service}:${regional ? partitionRegion : ''}:${account}:${resource}`;
}

/** `arn:<partition>:iam::<account>:<resource>`, the partition of `region`. */
export function iamArn(region: string, account: string, resource: string): string {
  return arn(region, 'iam', account, resource, false);
}

/** `arn:<partition>:sts::<account>:<resource>`, the partition of `region`. */
export function stsArn(region: string, account: string, resource: string): string {
  return arn(region, 'sts', account, resource, false);
}

/**
 * A user pool's provider name, `cognito-idp.<region>.<dnsSuffix>/<userPoolId>`:
 * the Logins key and, after `https://`, the tokens' issuer [doc: CG "Verifying
 * JSON web tokens"; CI-API CognitoIdentityProvider; China's suffix by the
 * endpoint rule above, inferred].
 */
export function userPoolProviderName(region: string, poolId: string): string {
  return `cognito-idp.${region}.${regionFacts(region).dnsSuffix}/${poolId}`;
}

/** A user-pool provider name in any partition: captures the Region and the pool id. */
export const USER_POOL_PROVIDER = /^cognito-idp\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([\w-]+_[0-9a-zA-Z]+)$/;

/** A user-pool token issuer (`https://` and the provider name): captures the Region and the pool id. */
export const USER_POOL_ISSUER = /^https:\/\/cognito-idp\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([\w-]+_[0-9a-zA-Z]+)$/;
