import { amrValues, trustRequest } from './trust-context';

const PROVIDER = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123';
const POOL = 'us-east-1:11111111-2222-3333-4444-555555555555';
const IDENTITY = 'us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

describe('amrValues', () => {
  test('a guest is ["unauthenticated"] (CG "Role trust and permissions")', () => {
    expect(amrValues([])).toEqual(['unauthenticated']);
  });

  test('a user pool login is authenticated, the provider, and provider:CognitoSignIn:<sub>', () => {
    // CG "Role trust and permissions": amr is "authenticated" plus the providers used;
    // the CognitoSignIn form as API Gateway reports cognitoAuthenticationProvider [obs].
    expect(amrValues([{ provider: PROVIDER, userId: 'sub-1' }])).toEqual([
      'authenticated',
      PROVIDER,
      `${PROVIDER}:CognitoSignIn:sub-1`,
    ]);
  });

  test('every login used is listed', () => {
    const other = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Other9';
    const amr = amrValues([
      { provider: PROVIDER, userId: 'a' },
      { provider: other, userId: 'b' },
    ]);
    expect(amr).toEqual(['authenticated', PROVIDER, `${PROVIDER}:CognitoSignIn:a`, other, `${other}:CognitoSignIn:b`]);
    expect(amr).not.toContain('unauthenticated');
  });
});

describe('trustRequest', () => {
  test('is sts:AssumeRoleWithWebIdentity by the cognito-identity federated principal with aud, amr and sub', () => {
    // aws-contract.md §2 Trust policy; CG "Role trust and permissions"
    expect(trustRequest('cognito-identity.amazonaws.com', POOL, IDENTITY, [{ provider: PROVIDER, userId: 'sub-1' }])).toEqual({
      action: 'sts:AssumeRoleWithWebIdentity',
      principal: { Federated: 'cognito-identity.amazonaws.com' },
      context: {
        'cognito-identity.amazonaws.com:aud': POOL,
        'cognito-identity.amazonaws.com:amr': ['authenticated', PROVIDER, `${PROVIDER}:CognitoSignIn:sub-1`],
        'cognito-identity.amazonaws.com:sub': IDENTITY,
      },
    });
  });

  test('a guest request carries amr ["unauthenticated"]', () => {
    expect(trustRequest('cognito-identity.amazonaws.com', POOL, IDENTITY, []).context['cognito-identity.amazonaws.com:amr']).toEqual(['unauthenticated']);
  });

  test("the principal names the condition keys: China's cognito-identity.amazonaws.com.cn (aws-contract.md §3)", () => {
    const request = trustRequest('cognito-identity.amazonaws.com.cn', POOL, IDENTITY, []);
    expect(request.principal).toEqual({ Federated: 'cognito-identity.amazonaws.com.cn' });
    expect(Object.keys(request.context).sort()).toEqual([
      'cognito-identity.amazonaws.com.cn:amr',
      'cognito-identity.amazonaws.com.cn:aud',
      'cognito-identity.amazonaws.com.cn:sub',
    ]);
  });
});
