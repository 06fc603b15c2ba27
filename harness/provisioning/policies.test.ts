import { identityPoolTrust } from './policies';

// The documented trust statement of an identity-pool role (CG "Role trust and permissions"),
// with the principal and condition keys of the Region it runs in (targets/region.ts).
describe('identityPoolTrust', () => {
  test('us-east-1: cognito-identity.amazonaws.com, as CG "Role trust and permissions" shows it', () => {
    expect(identityPoolTrust(['us-east-1:11111111-2222-3333-4444-555555555555'], 'authenticated', 'us-east-1')).toEqual({
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:11111111-2222-3333-4444-555555555555' },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      },
    });
  });

  test('us-gov-west-1: the GovCloud principal [doc: GovCloud (US) User Guide "Amazon Cognito"], also in the condition keys', () => {
    const statement = identityPoolTrust(['us-gov-west-1:a', 'us-gov-west-1:b'], 'unauthenticated', 'us-gov-west-1');
    expect(statement.Principal).toEqual({ Federated: 'cognito-identity-us-gov.amazonaws.com' });
    expect(statement.Condition).toEqual({
      StringEquals: { 'cognito-identity-us-gov.amazonaws.com:aud': ['us-gov-west-1:a', 'us-gov-west-1:b'] },
      'ForAnyValue:StringLike': { 'cognito-identity-us-gov.amazonaws.com:amr': 'unauthenticated' },
    });
  });

  test('eu-south-1 and cn-north-1: the principals idchain infers for them', () => {
    expect(identityPoolTrust(['eu-south-1:a'], 'authenticated', 'eu-south-1').Principal).toEqual({ Federated: 'cognito-identity.eu-south-1.amazonaws.com' });
    expect(identityPoolTrust(['cn-north-1:a'], 'authenticated', 'cn-north-1').Principal).toEqual({ Federated: 'cognito-identity.amazonaws.com.cn' });
  });
});
