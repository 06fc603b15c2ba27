import { UsageError } from '../errors';

/**
 * What the Region a run goes to decides, on the harness side of the room wall:
 * the ARN partition, the DNS suffix, the service endpoints, and the names
 * Cognito identity pools present to STS (the OpenID issuer, the federated
 * principal that is also the trust-policy condition-key prefix, the Logins key
 * of an OpenID token). The emulator derives the same from its own rules
 * (emulator/region.ts); the harness may not import them, so this is the
 * mirror, with its own tests, and a run against AWS checks both.
 *
 * Each rule names its source: [doc] AWS documentation, [sdk] the AWS SDKs'
 * own endpoint data (botocore data/endpoints.json), [obs] real AWS output,
 * [inferred] what AWS does not say and idchain had to choose.
 */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

export interface RegionNames {
  readonly region: string;
  readonly partition: Partition;
  /** `amazonaws.com`, or `amazonaws.com.cn` in China. */
  readonly dnsSuffix: string;
  /** `iss` of identity-pool OpenID tokens, e.g. `https://cognito-identity.amazonaws.com`. */
  readonly identityIssuer: string;
  /** `Principal.Federated` of an identity-pool role's trust policy; STS's `Provider` for its tokens. */
  readonly identityPrincipal: string;
  /** Prefix of the trust conditions `<prefix>:aud`, `<prefix>:amr`, `<prefix>:sub`: the principal. */
  readonly identityConditionKeyPrefix: string;
  /** The Logins key under which GetCredentialsForIdentity takes an OpenID token. */
  readonly identityLoginsKey: string;
}

/**
 * Region codes of the three partitions, as the AWS SDKs' endpoint data matches
 * them [sdk: botocore endpoints.json `regionRegex`: aws
 * `^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$`, aws-cn `^cn\-\w+\-\d+$`, aws-us-gov
 * `^us\-gov\-\w+\-\d+$`], lower case only; the partitions are "aws - AWS
 * Regions, aws-cn - China Regions, aws-us-gov - AWS GovCloud (US) Regions"
 * [doc: AWS General Reference "Amazon Resource Names (ARNs)"]. ISO and
 * sovereign-cloud partitions have no Cognito identity pools: refused.
 */
const PARTITION_OF: readonly [RegExp, Partition][] = [
  [/^cn-[a-z]+-\d+$/, 'aws-cn'],
  [/^us-gov-[a-z]+-\d+$/, 'aws-us-gov'],
  [/^(?:us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d+$/, 'aws'],
];

/**
 * [sdk] botocore endpoints.json `dnsSuffix`: aws and aws-us-gov `amazonaws.com`,
 * aws-cn `amazonaws.com.cn`; [doc] "The endpoint domain for both the Beijing and
 * Ningxia Regions is amazonaws.com.cn" (Getting Started with AWS in China).
 */
const DNS_SUFFIX: Record<Partition, string> = { aws: 'amazonaws.com', 'aws-cn': 'amazonaws.com.cn', 'aws-us-gov': 'amazonaws.com' };

/**
 * Regions enabled by default, "launched before March 20, 2019"; every later aws
 * Region is opt-in [doc: Account Management Reference "Enable or disable AWS
 * Regions in your account"]. ap-northeast-3 existed before that date (as
 * Osaka-Local) and is enabled by default [inferred from the same rule].
 */
const DEFAULT_REGIONS = new Set([
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2',
]);

const GLOBAL_IDENTITY_HOST = 'cognito-identity.amazonaws.com';

/**
 * The identity-pool names of a Region.
 * - Default aws Regions: issuer `https://cognito-identity.amazonaws.com`,
 *   principal and Logins key `cognito-identity.amazonaws.com` [doc: CG "Role
 *   trust and permissions", "cognito-identity.amazonaws.com (the issuer of the
 *   OpenID Connect token)"; CI-API GetCredentialsForIdentity, Logins; obs: real
 *   tokens from us-east-1, eu-west-1, ap-northeast-1 carry that `iss`].
 * - GovCloud, China and opt-in Regions: a regional issuer
 *   `https://cognito-identity.<Region>.<dnsSuffix>` [doc: CG "Identity pools
 *   authentication flow", the jwks_uri table: GovCloud (US-West), China
 *   (Beijing), "Opt-in Regions like Europe (Milan) and Africa (Cape Town)";
 *   issuer = jwks host inferred from "extrapolate the jwks_uri from the issuer";
 *   China stated outright: "identity pool tokens are issued by
 *   https://cognito-identity.cn-north-1.amazonaws.com.cn/" (Getting Started with
 *   AWS in China, "Amazon Cognito"); GovCloud (US-East): inferred].
 * - Logins key: the issuer's host [doc for China: "…amazonaws.com.cn/ is the
 *   key to the login map for GetCredentialsForIdentity", scheme and slash
 *   dropped like every Logins key: inferred; GovCloud, opt-in: inferred].
 * - Principal: GovCloud (US-West) `cognito-identity-us-gov.amazonaws.com`,
 *   GovCloud (US-East) `cognito-identity.us-gov-east-1.amazonaws.com` [doc:
 *   GovCloud (US) User Guide "Amazon Cognito"]; China
 *   `cognito-identity.amazonaws.com.cn` [inferred: an AWS-generated
 *   service-principal table says so, the China "Role trust and permissions"
 *   page repeats cognito-identity.amazonaws.com]; opt-in Regions the regional
 *   issuer host [inferred: AWS names none; by analogy with GovCloud (US-East)].
 */
function identityNames(region: string, partition: Partition, dnsSuffix: string) {
  const regional = !(partition === 'aws' && DEFAULT_REGIONS.has(region));
  const host = regional ? `cognito-identity.${region}.${dnsSuffix}` : GLOBAL_IDENTITY_HOST;
  const principal = partition === 'aws-cn' ? 'cognito-identity.amazonaws.com.cn' : region === 'us-gov-west-1' ? 'cognito-identity-us-gov.amazonaws.com' : host;
  return { identityIssuer: `https://${host}`, identityPrincipal: principal, identityConditionKeyPrefix: principal, identityLoginsKey: host };
}

/**
 * The names of a Region.
 * @throws UsageError when `region` is not a Region code of the aws, aws-cn or aws-us-gov partition.
 */
export function regionNames(region: string, from = 'the Region'): RegionNames {
  const partition = PARTITION_OF.find(([pattern]) => pattern.test(region))?.[1];
  if (!partition) {
    throw new UsageError(
      `Region not allowed: ${JSON.stringify(region)} (${from}). Expected a Region code of the aws, aws-cn or aws-us-gov partition, e.g. us-east-1, eu-south-1, cn-north-1, us-gov-west-1.`,
    );
  }
  const dnsSuffix = DNS_SUFFIX[partition];
  return Object.freeze({ region, partition, dnsSuffix, ...identityNames(region, partition, dnsSuffix) });
}

/**
 * The Region a command runs in: `--region`, else `AWS_REGION`, else us-east-1,
 * checked before anything starts (a bad one is a UsageError, exit 2).
 */
export function resolveRegion(requested: string | undefined, env: Record<string, string | undefined> = process.env): string {
  if (requested !== undefined) return regionNames(requested, '--region').region;
  if (env.AWS_REGION) return regionNames(env.AWS_REGION, 'AWS_REGION').region;
  return 'us-east-1';
}

/**
 * IAM and STS ARNs: `arn:<partition>:<service>::<account>:<resource>`, the Region
 * left out but the partition kept [doc: AWS General Reference "Amazon Resource
 * Names (ARNs)"]; e.g. `arn:aws-cn:iam::123456789012:role/r`.
 */
export function iamArn(region: string, account: string, resource: string): string {
  return `arn:${regionNames(region).partition}:iam::${account}:${resource}`;
}

/** `arn:<partition>:sts::<account>:<resource>`, e.g. `arn:aws-us-gov:sts::123456789012:assumed-role/r/s` (as iamArn). */
export function stsArn(region: string, account: string, resource: string): string {
  return `arn:${regionNames(region).partition}:sts::${account}:${resource}`;
}

/**
 * A user pool's provider name, `cognito-idp.<region>.<dnsSuffix>/<poolId>`: the
 * Logins key, and after `https://` its tokens' `iss` [doc: CG "Verifying JSON
 * web tokens"; CI-API GetId, Logins]. China's suffix by the endpoint rule, and
 * GovCloud's non-FIPS host [inferred: no user-pool `iss` from either was found;
 * Cognito user pools are "not currently available in the Beijing Region"].
 */
export function userPoolProviderName(region: string, poolId: string): string {
  return `cognito-idp.${region}.${regionNames(region).dnsSuffix}/${poolId}`;
}

export type EndpointService = 'sts' | 'iam' | 'cognito-idp' | 'cognito-identity';

/**
 * The HTTPS endpoint AWS serves a service on in a Region.
 * - STS: regional, `https://sts.<Region>.<dnsSuffix>` [doc: IAM-UG "Manage AWS
 *   STS in an AWS Region": session tokens from Regional endpoints "are valid in
 *   all AWS Regions"; sdk: endpoints.json].
 * - IAM: one endpoint per partition, `iam.amazonaws.com`, `iam.us-gov.amazonaws.com`,
 *   `iam.cn-north-1.amazonaws.com.cn` [doc: General Reference "AWS Identity and
 *   Access Management endpoints and quotas" for aws; sdk: endpoints.json
 *   partitionEndpoint for aws-us-gov and aws-cn].
 * - Cognito: `https://<service>.<Region>.<dnsSuffix>`; in GovCloud FIPS only,
 *   `cognito-idp-fips.us-gov-west-1.amazonaws.com` [doc: GovCloud (US) User
 *   Guide "Amazon Cognito": "uses FIPS endpoints only"; cognito-identity-fips by
 *   the same rule and endpoints.json].
 */
export function serviceEndpoint(service: EndpointService, region: string): string {
  const { partition, dnsSuffix } = regionNames(region);
  if (service === 'iam') {
    const host = { aws: 'iam.amazonaws.com', 'aws-us-gov': 'iam.us-gov.amazonaws.com', 'aws-cn': 'iam.cn-north-1.amazonaws.com.cn' }[partition];
    return `https://${host}`;
  }
  const fips = partition === 'aws-us-gov' && service !== 'sts' ? '-fips' : '';
  return `https://${service}${fips}.${region}.${dnsSuffix}`;
}

/**
 * What idchain had to infer for a Region's names, in words (empty where AWS
 * documents or was seen to answer them all): reports list it beside the cases'
 * own inferences, since every case with an identity-pool role rests on it.
 */
export function regionInferences(region: string): string[] {
  const { partition, identityPrincipal, identityLoginsKey } = regionNames(region);
  const out: string[] = [];
  if (region === 'ap-northeast-3') out.push('ap-northeast-3 keeps the global identity-pool issuer: it existed (as Osaka-Local) before March 20, 2019, so it is taken as enabled by default');
  if (partition === 'aws' && identityPrincipal !== GLOBAL_IDENTITY_HOST) {
    out.push(`the identity-pool trust principal, condition-key prefix and STS Provider ${identityPrincipal}: AWS names none for opt-in Regions; chosen like GovCloud (US-East)'s, the regional issuer's host`);
  }
  if (partition === 'aws-cn') out.push(`the identity-pool trust principal ${identityPrincipal}: an AWS-generated service-principal table says so, the China "Role trust and permissions" page repeats cognito-identity.amazonaws.com`);
  if (region === 'us-gov-east-1') out.push('the regional identity-pool issuer: the CG jwks_uri table lists GovCloud (US-West) only');
  if (identityLoginsKey !== GLOBAL_IDENTITY_HOST) out.push(`the Logins key of an OpenID token ${identityLoginsKey}: the issuer's host, as every Logins key is a bare provider name`);
  if (partition !== 'aws') out.push(`user-pool issuers https://cognito-idp.${region}.${regionNames(region).dnsSuffix}/<pool>: no ${partition} user-pool token was seen`);
  return out;
}
