import { SignJWT, generateKeyPair } from 'jose';
import type { RecordedStep } from '../clients/recorder';
import { normalizeSteps } from './normalize';
import { stableStringify } from './stable-json';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/idchain-ab12cd34-enhanced-admin';
const POOL = 'us-east-1_Abc123XyZ';
const ctx = {
  region: 'us-east-1',
  names: [
    { logical: 'role:admin', value: ROLE_ARN },
    { logical: 'role-name:admin', value: 'idchain-ab12cd34-enhanced-admin' },
    { logical: 'user-pool:main', value: POOL },
    { logical: 'client:main/web', value: 'abcdefghijklmnopqrstuvwxyz' },
  ],
};
const IDENTITY = 'us-east-1:0b7e8d40-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const OTHER_IDENTITY = 'us-east-1:11111111-2222-4333-8444-555555555555';

function step(partial: Partial<RecordedStep>): RecordedStep {
  return { service: 'cognito-identity', operation: 'GetId', input: {}, sentAt: 1_000_000, durationMs: 5, ...partial };
}

async function idToken(sub: string): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({ 'cognito:preferred_role': ROLE_ARN, token_use: 'id', sub })
    .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
    .setIssuer(`https://cognito-idp.us-east-1.amazonaws.com/${POOL}`)
    .setAudience('abcdefghijklmnopqrstuvwxyz')
    .setIssuedAt(1_700_000_000)
    .setExpirationTime(1_700_003_600)
    .sign(privateKey);
}

describe('normalizeSteps (DESIGN.md § The golden file)', () => {
  it('numbers volatile values by kind and reuses the number wherever the value appears again', () => {
    const out = normalizeSteps(
      [
        step({ output: { IdentityId: IDENTITY } }),
        step({ operation: 'GetCredentialsForIdentity', input: { IdentityId: IDENTITY }, output: { IdentityId: OTHER_IDENTITY } }),
      ],
      ctx,
    );
    expect(out[0].output).toEqual({ IdentityId: '<identity-id:1>' });
    expect(out[1].input).toEqual({ IdentityId: '<identity-id:1>' });
    expect(out[1].output).toEqual({ IdentityId: '<identity-id:2>' });
  });

  it('names fixture resources logically, inside ARNs and keys too, and hides account and region', () => {
    const [n] = normalizeSteps(
      [
        step({
          service: 'sts',
          operation: 'GetCallerIdentity',
          input: { Logins: { [`cognito-idp.us-east-1.amazonaws.com/${POOL}`]: 'x' } },
          output: { Arn: 'arn:aws:sts::123456789012:assumed-role/idchain-ab12cd34-enhanced-admin/CognitoIdentityCredentials', UserId: 'AROARK7LBOHXASFTNOIZG:CognitoIdentityCredentials', Role: ROLE_ARN },
        }),
      ],
      ctx,
    );
    expect(n.input).toEqual({ Logins: { 'cognito-idp.<region>.amazonaws.com/<user-pool:main>': 'x' } });
    expect(n.output).toEqual({
      Arn: 'arn:aws:sts::<account>:assumed-role/<role-name:admin>/CognitoIdentityCredentials',
      UserId: '<role-id:1>:CognitoIdentityCredentials',
      Role: '<role:admin>',
    });
  });

  it('keeps what credentials say as a lifetime, rounded to the minute, and never the secret parts', () => {
    const sentAt = 1_000_000;
    const [n] = normalizeSteps(
      [
        step({
          sentAt,
          output: {
            Credentials: { AccessKeyId: 'ASIAQWERTYUIOPASDFGH', SecretKey: 'very-secret', SessionToken: 'token', Expiration: new Date(sentAt + 3_598_700) },
          },
          // As the recorder takes it from the CI-API model: SecretKey is @sensitive; SessionToken is not, and is redacted all the same.
          sensitive: ['output.Credentials.SecretKey'],
        }),
      ],
      ctx,
    );
    expect(n.facts).toEqual({ credentialLifetimeSeconds: 3600 });
    expect(n.output).toEqual({
      Credentials: { AccessKeyId: '<access-key-id:1>', SecretKey: '<redacted:SecretKey>', SessionToken: '<redacted:SessionToken>', Expiration: '<timestamp>' },
    });
  });

  it('keeps the whole minute the round trip allows, however slow the answer was', () => {
    const sentAt = 1_000_000;
    const issued = (delayMs: number, durationMs: number) =>
      normalizeSteps([step({ sentAt, durationMs, output: { Credentials: { AccessKeyId: 'ASIAQWERTYUIOPASDFGH', Expiration: new Date(sentAt + delayMs + 3_600_000) } } })], ctx)[0].facts;
    // Issued 45 s after it was sent, on a loaded machine: measured from the send it is 3645 s, which rounds to 3660.
    expect(issued(45_000, 50_000)).toEqual({ credentialLifetimeSeconds: 3600 });
    expect(issued(0, 5)).toEqual({ credentialLifetimeSeconds: 3600 });
  });

  it('stores a JWT as its decoded header and claims with the lifetime derived, and refers back to it', async () => {
    const token = await idToken('7d3c7a40-aaaa-4bbb-8ccc-123456789abc');
    const [signIn, getId] = normalizeSteps(
      [
        step({
          service: 'cognito-idp',
          operation: 'InitiateAuth',
          input: { AuthParameters: { USERNAME: 'alice', PASSWORD: 'Idc!pw9a' } },
          output: { AuthenticationResult: { IdToken: token } },
          sensitive: ['input.AuthParameters', 'output.AuthenticationResult.IdToken'],
        }),
        step({ input: { Logins: { [`cognito-idp.us-east-1.amazonaws.com/${POOL}`]: token } } }),
      ],
      ctx,
    );
    expect(signIn.input).toEqual({ AuthParameters: { USERNAME: 'alice', PASSWORD: '<redacted:PASSWORD>' } });
    expect((signIn.output as any).AuthenticationResult.IdToken).toEqual({
      jwt: '<jwt:1>',
      header: { alg: 'RS256', kid: '<kid:1>' },
      claims: {
        aud: '<client:main/web>',
        'cognito:preferred_role': '<role:admin>',
        exp: '<timestamp>',
        iat: '<timestamp>',
        iss: 'https://cognito-idp.<region>.amazonaws.com/<user-pool:main>',
        sub: '<sub:1>',
        token_use: 'id',
      },
      facts: { lifetimeSeconds: 3600 },
    });
    expect(getId.input).toEqual({ Logins: { 'cognito-idp.<region>.amazonaws.com/<user-pool:main>': '<jwt:1>' } });
    expect(JSON.stringify([signIn, getId])).not.toContain('eyJ');
  });

  it('numbers each issued token anew, even one byte-identical to an earlier one, so the numbering never depends on the clock', async () => {
    const token = await idToken('7d3c7a40-aaaa-4bbb-8ccc-123456789abc');
    const issue = () => step({ service: 'cognito-identity', operation: 'GetOpenIdTokenForDeveloperIdentity', input: {}, output: { Token: token } });
    const steps = normalizeSteps([issue(), issue(), step({ input: { Logins: { 'cognito-identity.amazonaws.com': token } } })], ctx);
    expect(steps.map((s) => (s.output as any)?.Token?.jwt)).toEqual(['<jwt:1>', '<jwt:2>', undefined]);
    expect(steps[2].input).toEqual({ Logins: { '<cognito-identity>': '<jwt:2>' } });
  });

  it('normalizes errors to name, status, fault and a message without volatile parts', () => {
    const [n] = normalizeSteps(
      [
        step({
          error: { name: 'ExpiredTokenException', httpStatus: 400, fault: 'client', message: `Token expired for ${IDENTITY} at 2026-11-22T08:00:00Z` },
          httpStatus: 400,
        }),
      ],
      ctx,
    );
    expect(n.error).toEqual({ name: 'ExpiredTokenException', httpStatus: 400, fault: 'client', message: 'Token expired for <identity-id:1> at <timestamp>' });
    const [sts] = normalizeSteps(
      [step({ error: { name: 'ExpiredTokenException', message: 'Token expired: current date/time 1795337896 must be before the expiration date/time 1795337895 for 123456789012' } })],
      ctx,
    );
    expect(sts.error?.message).toBe('Token expired: current date/time <timestamp> must be before the expiration date/time <timestamp> for <account>');
  });

  it('gives the same result for the same behaviour with different volatile values', () => {
    const run = (identity: string, key: string) =>
      normalizeSteps([step({ output: { IdentityId: identity, Credentials: { AccessKeyId: key, Expiration: new Date(1_000_000 + 3_600_000) } } })], ctx);
    expect(run(IDENTITY, 'ASIAAAAAAAAAAAAAAAAA')).toEqual(run(OTHER_IDENTITY, 'ASIABBBBBBBBBBBBBBBB'));
  });
});

describe('IAM ids as AWS shapes them', () => {
  // Unique ids are 21 characters (IAM-UG "IAM identifiers": `AIDAJQABLZS4A3QDU576Q`; real
  // `AROARK7LBOHXASFTNOIZG:CognitoIdentityCredentials` [obs]); access key ids 20 (`ASIARK7LBOHXDFQ6KRE3` [obs]).
  const recording = (ids: { role: string; user: string; key: string }) => [
    step({
      operation: 'GetCredentialsForIdentity',
      output: { IdentityId: IDENTITY, Credentials: { AccessKeyId: ids.key, SecretKey: 's', SessionToken: 't', Expiration: new Date(1_000_000 + 3_600_000) } },
    }),
    step({
      service: 'sts',
      operation: 'GetCallerIdentity',
      output: { UserId: `${ids.role}:CognitoIdentityCredentials`, Arn: 'arn:aws:sts::123456789012:assumed-role/idchain-ab12cd34-enhanced-admin/CognitoIdentityCredentials' },
    }),
    step({ service: 'iam', operation: 'GetRole', output: { Role: { RoleId: ids.role, Arn: ROLE_ARN } } }),
    step({ service: 'iam', operation: 'GetUser', output: { User: { UserId: ids.user } } }),
    step({ service: 'sts', operation: 'AssumeRole', error: { name: 'AccessDenied', message: `User: ${ids.role}:s is not authorized (key ${ids.key})` } }),
  ];
  const first = { role: 'AROARK7LBOHXASFTNOIZG', user: 'AIDAJQABLZS4A3QDU576Q', key: 'ASIARK7LBOHXDFQ6KRE3' };
  const second = { role: 'AROAQWERTYUIOPASDFGH2', user: 'AIDA7ZZZZZZZZZZZZZZZ3', key: 'ASIA4XCVBNMQWERTYUIO' };

  it('number 21-character role and user ids and 20-character keys wherever they appear', () => {
    const [creds, who, role, user, denied] = normalizeSteps(recording(first), ctx);
    expect((creds.output as any).Credentials.AccessKeyId).toBe('<access-key-id:1>');
    expect((who.output as any).UserId).toBe('<role-id:1>:CognitoIdentityCredentials');
    expect((role.output as any).Role.RoleId).toBe('<role-id:1>');
    expect((user.output as any).User.UserId).toBe('<user-id:1>');
    expect(denied.error?.message).toBe('User: <role-id:1>:s is not authorized (key <access-key-id:1>)');
  });

  it('make two recordings of the same case with different ids byte-identical goldens', () => {
    const a = stableStringify(normalizeSteps(recording(first), ctx));
    const b = stableStringify(normalizeSteps(recording(second), ctx));
    expect(b).toBe(a);
    for (const raw of [...Object.values(first), ...Object.values(second)]) expect(a).not.toContain(raw);
  });
});

describe('URL-encoded policy documents', () => {
  const ctx = { names: [{ logical: 'caller', value: 'arn:aws:iam::123456789012:user/ci' }], region: 'us-east-1' };
  it('are stored decoded, so names inside them are normalized; a document sent as JSON text stays text', () => {
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:user/ci' }, Action: 'sts:AssumeRole' }] };
    const [n] = normalizeSteps(
      [
        {
          service: 'iam',
          operation: 'GetRole',
          input: { PolicyDocument: JSON.stringify(document) },
          output: { Role: { AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(document)) } },
          sentAt: 0,
          durationMs: 1,
        },
      ],
      ctx,
    );
    expect((n.output as any).Role.AssumeRolePolicyDocument).toEqual({
      decodedPolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: '<caller>' } }], Version: '2012-10-17' },
    });
    expect(typeof (n.input as any).PolicyDocument).toBe('string');
  });
});

describe('goldens read the same in every partition', () => {
  // What AWS names by partition (IAM-UG "IAM identifiers", ARN format; botocore endpoints.json dnsSuffix
  // amazonaws.com.cn for aws-cn): the same answer recorded in us-east-1, cn-north-1 and us-gov-west-1.
  const answer = (partition: string, region: string, suffix: string) =>
    step({
      service: 'sts',
      operation: 'AssumeRoleWithWebIdentity',
      input: { RoleArn: `arn:${partition}:iam::123456789012:role/idchain-ab12cd34-s-reader` },
      output: {
        AssumedRoleUser: { Arn: `arn:${partition}:sts::123456789012:assumed-role/idchain-ab12cd34-s-reader/web` },
        Audience: `${region}:abc`,
        Provider: `arn:${partition}:iam::123456789012:oidc-provider/cognito-idp.${region}.${suffix}/pool`,
      },
    });
  const normalized = (partition: string, region: string, suffix: string) =>
    JSON.stringify(normalizeSteps([answer(partition, region, suffix)], { names: [{ logical: 'caller', value: `arn:${partition}:iam::123456789012:user/ci` }], region }));

  it('China and GovCloud answers normalize byte for byte as a commercial Region’s', () => {
    const commercial = normalized('aws', 'us-east-1', 'amazonaws.com');
    expect(normalized('aws-cn', 'cn-north-1', 'amazonaws.com.cn')).toBe(commercial);
    expect(normalized('aws-us-gov', 'us-gov-west-1', 'amazonaws.com')).toBe(commercial);
    expect(commercial).toContain('arn:aws:sts::<account>:assumed-role/');
    expect(commercial).toContain('cognito-idp.<region>.amazonaws.com/pool');
  });

  it('a commercial run is left as it was: no other partition’s names are rewritten into it', () => {
    // Text that merely mentions another partition is not a name of this run's partition.
    const [n] = normalizeSteps([step({ output: { Note: 'arn:aws-cn:s3:::elsewhere' } })], { names: [], region: 'us-east-1' });
    expect(n.output).toEqual({ Note: 'arn:aws-cn:s3:::elsewhere' });
  });
});
