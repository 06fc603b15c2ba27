import { arn, iamArn, regionFacts, stsArn, userPoolProviderName, USER_POOL_ISSUER, USER_POOL_PROVIDER } from './region';

// Expected values are AWS's, written out: [doc]/[obs]/[inferred] as region.ts says for each rule.
describe('regionFacts', () => {
  test('us-east-1: partition aws, the global issuer, principal and Logins key', () => {
    // [doc] CG "Role trust and permissions"; [obs] real tokens' iss and STS Provider (Big IAM Challenge write-ups).
    expect(regionFacts('us-east-1')).toEqual({
      region: 'us-east-1',
      partition: 'aws',
      dnsSuffix: 'amazonaws.com',
      identityIssuer: 'https://cognito-identity.amazonaws.com',
      identityPrincipal: 'cognito-identity.amazonaws.com',
      identityLoginsKey: 'cognito-identity.amazonaws.com',
    });
  });

  test('other default Regions keep the global issuer (obs: eu-west-1 and ap-northeast-1 tokens carry it)', () => {
    for (const region of ['eu-west-1', 'ap-northeast-1', 'us-west-2', 'ap-northeast-3']) {
      expect(regionFacts(region).identityIssuer).toBe('https://cognito-identity.amazonaws.com');
    }
  });

  test('eu-south-1 (opt-in, Europe (Milan)): the regional issuer [doc: CG auth flow]; principal and Logins key its host [inferred]', () => {
    expect(regionFacts('eu-south-1')).toEqual({
      region: 'eu-south-1',
      partition: 'aws',
      dnsSuffix: 'amazonaws.com',
      identityIssuer: 'https://cognito-identity.eu-south-1.amazonaws.com',
      identityPrincipal: 'cognito-identity.eu-south-1.amazonaws.com',
      identityLoginsKey: 'cognito-identity.eu-south-1.amazonaws.com',
    });
    for (const region of ['af-south-1', 'ap-east-1', 'me-south-1', 'il-central-1', 'mx-central-1']) {
      expect(regionFacts(region).identityIssuer).toBe(`https://cognito-identity.${region}.amazonaws.com`);
    }
  });

  test('cn-north-1: aws-cn, amazonaws.com.cn, the Beijing issuer and Logins key, the .com.cn principal', () => {
    // [doc] Getting Started with AWS in China, "Amazon Cognito": tokens "issued by
    // https://cognito-identity.cn-north-1.amazonaws.com.cn/", the same is "the key to the login map";
    // principal cognito-identity.amazonaws.com.cn (aws-contract.md §3; unconfirmed in the stored China pages: inferred).
    expect(regionFacts('cn-north-1')).toEqual({
      region: 'cn-north-1',
      partition: 'aws-cn',
      dnsSuffix: 'amazonaws.com.cn',
      identityIssuer: 'https://cognito-identity.cn-north-1.amazonaws.com.cn',
      identityPrincipal: 'cognito-identity.amazonaws.com.cn',
      identityLoginsKey: 'cognito-identity.cn-north-1.amazonaws.com.cn',
    });
  });

  test('us-gov-west-1 and us-gov-east-1: aws-us-gov, the documented GovCloud principals', () => {
    // [doc] GovCloud (US) User Guide "Amazon Cognito": cognito-identity-us-gov.amazonaws.com; for
    // US-East, cognito-identity.us-gov-east-1.amazonaws.com. Regional issuer [doc: CG auth flow].
    expect(regionFacts('us-gov-west-1')).toEqual({
      region: 'us-gov-west-1',
      partition: 'aws-us-gov',
      dnsSuffix: 'amazonaws.com',
      identityIssuer: 'https://cognito-identity.us-gov-west-1.amazonaws.com',
      identityPrincipal: 'cognito-identity-us-gov.amazonaws.com',
      identityLoginsKey: 'cognito-identity.us-gov-west-1.amazonaws.com',
    });
    expect(regionFacts('us-gov-east-1').identityPrincipal).toBe('cognito-identity.us-gov-east-1.amazonaws.com');
  });

  test('refuses what is not a Region of the three partitions, saying what it expected', () => {
    for (const bad of ['', 'US-EAST-1', 'useast1', 'us-east', 'us-iso-east-1', 'eusc-de-east-1']) {
      expect(() => regionFacts(bad)).toThrow(/^Region not allowed: .*\. Expected a Region code of the aws, aws-cn or aws-us-gov partition/);
    }
  });
});

describe('ARNs carry the partition [doc: AWS General Reference "Amazon Resource Names (ARNs)"]', () => {
  test.each([
    ['us-east-1', 'arn:aws:iam::123456789012:role/r', 'arn:aws:sts::123456789012:assumed-role/r/s'],
    ['eu-south-1', 'arn:aws:iam::123456789012:role/r', 'arn:aws:sts::123456789012:assumed-role/r/s'],
    ['cn-north-1', 'arn:aws-cn:iam::123456789012:role/r', 'arn:aws-cn:sts::123456789012:assumed-role/r/s'],
    ['us-gov-west-1', 'arn:aws-us-gov:iam::123456789012:role/r', 'arn:aws-us-gov:sts::123456789012:assumed-role/r/s'],
  ])('%s', (region, role, session) => {
    expect(iamArn(region, '123456789012', 'role/r')).toBe(role);
    expect(stsArn(region, '123456789012', 'assumed-role/r/s')).toBe(session);
  });

  test('regional ARNs carry the Region too', () => {
    expect(arn('cn-north-1', 'cognito-idp', '123456789012', 'userpool/cn-north-1_abc')).toBe('arn:aws-cn:cognito-idp:cn-north-1:123456789012:userpool/cn-north-1_abc');
    expect(arn('us-gov-west-1', 'cognito-idp', '123456789012', 'userpool/p')).toBe('arn:aws-us-gov:cognito-idp:us-gov-west-1:123456789012:userpool/p');
  });
});

describe('user pool provider names', () => {
  test('use the partition DNS suffix and parse back in any partition', () => {
    // [doc] CI-API CognitoIdentityProvider: "cognito-idp.us-east-1.amazonaws.com/us-east-1_123456789"
    expect(userPoolProviderName('us-east-1', 'us-east-1_123456789')).toBe('cognito-idp.us-east-1.amazonaws.com/us-east-1_123456789');
    expect(userPoolProviderName('eu-south-1', 'eu-south-1_Abc')).toBe('cognito-idp.eu-south-1.amazonaws.com/eu-south-1_Abc');
    expect(userPoolProviderName('cn-north-1', 'cn-north-1_Abc')).toBe('cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_Abc');
    expect(USER_POOL_PROVIDER.exec('cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_Abc')?.slice(1)).toEqual(['cn-north-1', 'cn-north-1_Abc']);
    expect(USER_POOL_ISSUER.exec('https://cognito-idp.us-gov-west-1.amazonaws.com/us-gov-west-1_Abc')?.slice(1)).toEqual(['us-gov-west-1', 'us-gov-west-1_Abc']);
    expect(USER_POOL_PROVIDER.test('cognito-idp.us-east-1.example.com/us-east-1_Abc')).toBe(false);
  });
});
