import { UsageError } from '../errors';
import { iamArn, regionInferences, regionNames, resolveRegion, serviceEndpoint, stsArn, userPoolProviderName } from './region';

// Expected values are AWS's, written out with their source ([doc], [sdk], [obs], [inferred] as region.ts says).
describe('regionNames', () => {
  test('us-east-1: partition aws and the global identity-pool names [doc: CG "Role trust and permissions"; obs: real tokens]', () => {
    expect(regionNames('us-east-1')).toEqual({
      region: 'us-east-1',
      partition: 'aws',
      dnsSuffix: 'amazonaws.com',
      identityIssuer: 'https://cognito-identity.amazonaws.com',
      identityPrincipal: 'cognito-identity.amazonaws.com',
      identityConditionKeyPrefix: 'cognito-identity.amazonaws.com',
      identityLoginsKey: 'cognito-identity.amazonaws.com',
    });
  });

  test('every other default Region keeps the global issuer [doc: Account Management Reference, "launched before March 20, 2019"]', () => {
    for (const region of ['us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1', 'ap-northeast-3', 'sa-east-1']) {
      expect(regionNames(region).identityIssuer).toBe('https://cognito-identity.amazonaws.com');
    }
  });

  test('eu-south-1, opt-in: the regional issuer [doc: CG auth flow, "Europe (Milan)"]; principal and Logins key its host [inferred]', () => {
    expect(regionNames('eu-south-1')).toEqual({
      region: 'eu-south-1',
      partition: 'aws',
      dnsSuffix: 'amazonaws.com',
      identityIssuer: 'https://cognito-identity.eu-south-1.amazonaws.com',
      identityPrincipal: 'cognito-identity.eu-south-1.amazonaws.com',
      identityConditionKeyPrefix: 'cognito-identity.eu-south-1.amazonaws.com',
      identityLoginsKey: 'cognito-identity.eu-south-1.amazonaws.com',
    });
    expect(regionNames('af-south-1').identityIssuer).toBe('https://cognito-identity.af-south-1.amazonaws.com');
  });

  test('cn-north-1: aws-cn, amazonaws.com.cn, the Beijing issuer and Logins key [doc: Getting Started with AWS in China], the .com.cn principal [inferred]', () => {
    expect(regionNames('cn-north-1')).toEqual({
      region: 'cn-north-1',
      partition: 'aws-cn',
      dnsSuffix: 'amazonaws.com.cn',
      identityIssuer: 'https://cognito-identity.cn-north-1.amazonaws.com.cn',
      identityPrincipal: 'cognito-identity.amazonaws.com.cn',
      identityConditionKeyPrefix: 'cognito-identity.amazonaws.com.cn',
      identityLoginsKey: 'cognito-identity.cn-north-1.amazonaws.com.cn',
    });
  });

  test('us-gov-west-1: aws-us-gov, the regional issuer [doc: CG auth flow] and the us-gov principal [doc: GovCloud (US) User Guide "Amazon Cognito"]', () => {
    expect(regionNames('us-gov-west-1')).toEqual({
      region: 'us-gov-west-1',
      partition: 'aws-us-gov',
      dnsSuffix: 'amazonaws.com',
      identityIssuer: 'https://cognito-identity.us-gov-west-1.amazonaws.com',
      identityPrincipal: 'cognito-identity-us-gov.amazonaws.com',
      identityConditionKeyPrefix: 'cognito-identity-us-gov.amazonaws.com',
      identityLoginsKey: 'cognito-identity.us-gov-west-1.amazonaws.com',
    });
    // "For AWS GovCloud (US-East), replace cognito-identity-us-gov.amazonaws.com with cognito-identity.us-gov-east-1.amazonaws.com."
    expect(regionNames('us-gov-east-1').identityPrincipal).toBe('cognito-identity.us-gov-east-1.amazonaws.com');
  });

  test('refuses what is not a Region of the three partitions, as a UsageError naming where it came from', () => {
    for (const bad of ['', 'US-EAST-1', 'useast1', 'us-east', 'us-east-1 ', 'us-iso-east-1', 'eusc-de-east-1', 'xx-east-1', 'eu-south-1; rm']) {
      expect(() => regionNames(bad, '--region')).toThrow(UsageError);
      expect(() => regionNames(bad, '--region')).toThrow(/^Region not allowed: .* \(--region\)\. Expected a Region code of the aws, aws-cn or aws-us-gov partition, e\.g\. us-east-1/);
    }
  });
});

describe('resolveRegion: --region, else AWS_REGION, else us-east-1', () => {
  test('in that order', () => {
    expect(resolveRegion('eu-south-1', { AWS_REGION: 'eu-west-1' })).toBe('eu-south-1');
    expect(resolveRegion(undefined, { AWS_REGION: 'eu-west-1' })).toBe('eu-west-1');
    expect(resolveRegion(undefined, {})).toBe('us-east-1');
  });
  test('a bad value says which one was bad', () => {
    expect(() => resolveRegion('Milan', {})).toThrow('Region not allowed: "Milan" (--region)');
    expect(() => resolveRegion(undefined, { AWS_REGION: 'milan' })).toThrow('Region not allowed: "milan" (AWS_REGION)');
  });
});

describe('ARNs carry the partition and no Region [doc: AWS General Reference "Amazon Resource Names (ARNs)"]', () => {
  test.each([
    ['us-east-1', 'arn:aws:iam::123456789012:role/r', 'arn:aws:sts::123456789012:assumed-role/r/s'],
    ['eu-south-1', 'arn:aws:iam::123456789012:role/r', 'arn:aws:sts::123456789012:assumed-role/r/s'],
    ['cn-north-1', 'arn:aws-cn:iam::123456789012:role/r', 'arn:aws-cn:sts::123456789012:assumed-role/r/s'],
    ['cn-northwest-1', 'arn:aws-cn:iam::123456789012:role/r', 'arn:aws-cn:sts::123456789012:assumed-role/r/s'],
    ['us-gov-west-1', 'arn:aws-us-gov:iam::123456789012:role/r', 'arn:aws-us-gov:sts::123456789012:assumed-role/r/s'],
  ])('%s', (region, role, session) => {
    expect(iamArn(region, '123456789012', 'role/r')).toBe(role);
    expect(stsArn(region, '123456789012', 'assumed-role/r/s')).toBe(session);
  });
});

describe('user-pool provider names and endpoints', () => {
  test('provider name: cognito-idp.<Region>.<dnsSuffix>/<pool> [doc: CG "Verifying JSON web tokens"]', () => {
    expect(userPoolProviderName('eu-south-1', 'eu-south-1_abc')).toBe('cognito-idp.eu-south-1.amazonaws.com/eu-south-1_abc');
    expect(userPoolProviderName('cn-north-1', 'cn-north-1_abc')).toBe('cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_abc');
    expect(userPoolProviderName('us-gov-west-1', 'us-gov-west-1_abc')).toBe('cognito-idp.us-gov-west-1.amazonaws.com/us-gov-west-1_abc');
  });

  test.each([
    // [doc: General Reference, IAM endpoints] [sdk: endpoints.json partitionEndpoint]
    ['iam', 'us-east-1', 'https://iam.amazonaws.com'],
    ['iam', 'eu-south-1', 'https://iam.amazonaws.com'],
    ['iam', 'cn-north-1', 'https://iam.cn-north-1.amazonaws.com.cn'],
    ['iam', 'us-gov-west-1', 'https://iam.us-gov.amazonaws.com'],
    // [doc: IAM-UG "Manage AWS STS in an AWS Region"]
    ['sts', 'eu-south-1', 'https://sts.eu-south-1.amazonaws.com'],
    ['sts', 'cn-north-1', 'https://sts.cn-north-1.amazonaws.com.cn'],
    ['sts', 'us-gov-west-1', 'https://sts.us-gov-west-1.amazonaws.com'],
    // [doc: General Reference, Cognito endpoints; GovCloud (US) User Guide: "FIPS endpoints only"]
    ['cognito-idp', 'eu-south-1', 'https://cognito-idp.eu-south-1.amazonaws.com'],
    ['cognito-idp', 'us-gov-west-1', 'https://cognito-idp-fips.us-gov-west-1.amazonaws.com'],
    ['cognito-identity', 'cn-north-1', 'https://cognito-identity.cn-north-1.amazonaws.com.cn'],
    ['cognito-identity', 'us-gov-west-1', 'https://cognito-identity-fips.us-gov-west-1.amazonaws.com'],
  ] as const)('%s in %s: %s', (service, region, url) => {
    expect(serviceEndpoint(service, region)).toBe(url);
  });
});

describe('regionInferences: what AWS does not say for a Region, in words', () => {
  test('nothing for us-east-1 and the other documented default Regions', () => {
    expect(regionInferences('us-east-1')).toEqual([]);
    expect(regionInferences('eu-west-1')).toEqual([]);
  });
  test('eu-south-1: the principal and the Logins key (the regional issuer itself is documented)', () => {
    expect(regionInferences('eu-south-1')).toEqual([
      "the identity-pool trust principal, condition-key prefix and STS Provider cognito-identity.eu-south-1.amazonaws.com: AWS names none for opt-in Regions; chosen like GovCloud (US-East)'s, the regional issuer's host",
      "the Logins key of an OpenID token cognito-identity.eu-south-1.amazonaws.com: the issuer's host, as every Logins key is a bare provider name",
    ]);
  });
  test('cn-north-1 and us-gov-west-1 name what they infer', () => {
    expect(regionInferences('cn-north-1').join('\n')).toMatch(/trust principal cognito-identity\.amazonaws\.com\.cn[\s\S]*Logins key[\s\S]*user-pool issuers https:\/\/cognito-idp\.cn-north-1\.amazonaws\.com\.cn\/<pool>/);
    // GovCloud (US-West)'s principal is documented; its Logins key and user-pool issuer are not.
    expect(regionInferences('us-gov-west-1').map((x) => x.split(':')[0])).toEqual([
      'the Logins key of an OpenID token cognito-identity.us-gov-west-1.amazonaws.com',
      'user-pool issuers https',
    ]);
  });
});
