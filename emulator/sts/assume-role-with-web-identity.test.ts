// AssumeRoleWithWebIdentity as a function over emulator state, with real
// identity-pool OpenID tokens: request validation, trust, duration and the
// `duration-bounds-off` mutant. The SDK test (cognito-identity/basic-flow.sdk.test.ts)
// drives the same operation over HTTP.
import { issueOpenIdToken } from '../cognito-identity/openid-token';
import { addRole, testState, withSharedOpenIdKey } from '../cognito-identity/test-support';
import { AwsServiceError } from '../errors';
import type { MutantName } from '../mutants';
import { parseTrustPolicy } from '../policy/evaluate';
import type { RequestContext } from '../service';
import { assumeRoleWithWebIdentity, readWebIdentityRequest } from './assume-role-with-web-identity';
import { WEB_IDENTITY_ISSUERS } from './web-identity-issuers';

const POOL = 'us-east-1:11111111-2222-3333-4444-555555555555';
const IDENTITY = 'us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

function trust(amr: string) {
  return parseTrustPolicy(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': POOL },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
          },
        },
      ],
    }),
  );
}

async function setup(mutants: MutantName[] = []) {
  const { state, clock } = withSharedOpenIdKey(testState(mutants));
  const app = addRole(state, 'app', trust('authenticated'));
  const long = addRole(state, 'long', trust('authenticated'));
  long.maxSessionDuration = 7200;
  const token = await issueOpenIdToken(state, {
    poolId: POOL,
    identityId: IDENTITY,
    amr: ['authenticated', 'login.idchain.dev', `login.idchain.dev:${POOL}:u1`],
    lifetimeSeconds: 600,
    now: clock.now(),
  });
  const ctx = (): RequestContext => ({ state, requestId: 't', service: 'sts', operation: 'AssumeRoleWithWebIdentity', region: state.region, now: clock.now() });
  const assume = (input: Record<string, unknown>) =>
    assumeRoleWithWebIdentity({ RoleArn: app.arn, RoleSessionName: 'web', WebIdentityToken: token, ...input }, ctx(), WEB_IDENTITY_ISSUERS) as Promise<any>;
  return { state, clock, app, long, token, assume };
}

async function refusal(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (err) {
    if (!(err instanceof AwsServiceError)) throw err;
    return { code: err.code, status: err.status, message: err.message };
  }
  throw new Error('expected a refusal');
}

describe('readWebIdentityRequest: shapes (STS-API AssumeRoleWithWebIdentity)', () => {
  const valid = { RoleArn: 'arn:aws:iam::123456789012:role/app', RoleSessionName: 'web', WebIdentityToken: 'a.b.c' };

  test('a token shorter than 4 → ValidationError naming the member but not the secret', () => {
    expect(() => readWebIdentityRequest({ ...valid, WebIdentityToken: 'abc' })).toThrow(
      "1 validation error detected: Value at 'webIdentityToken' failed to satisfy constraint: Member must have length greater than or equal to 4",
    );
  });

  test('every violation is reported at once, in the order of the request shape', () => {
    expect(() => readWebIdentityRequest({ RoleArn: 'arn:short', RoleSessionName: 'a', DurationSeconds: '899' })).toThrow(
      "4 validation errors detected: Value 'arn:short' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20; " +
        "Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2; " +
        "Value null at 'webIdentityToken' failed to satisfy constraint: Member must not be null; " +
        "Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
  });

  test('DurationSeconds that is not a number → MalformedInput', () => {
    expect(() => readWebIdentityRequest({ ...valid, DurationSeconds: 'soon' })).toThrow("Invalid value 'soon' for durationSeconds");
  });
});

describe('assumeRoleWithWebIdentity', () => {
  test('answers the session: Subject, Audience, Provider, AssumedRoleUser and STS-named credentials', async () => {
    const s = await setup();
    const out = await s.assume({});
    expect(out).toMatchObject({
      SubjectFromWebIdentityToken: IDENTITY,
      Audience: POOL,
      Provider: 'cognito-identity.amazonaws.com',
      AssumedRoleUser: { Arn: 'arn:aws:sts::123456789012:assumed-role/app/web', AssumedRoleId: `${s.app.roleId}:web` },
    });
    expect(Object.keys(out.Credentials).sort()).toEqual(['AccessKeyId', 'Expiration', 'SecretAccessKey', 'SessionToken']);
    expect(out).not.toHaveProperty('PackedPolicySize');
    expect(s.state.credentials.get(out.Credentials.AccessKeyId)?.source).toBe('AssumeRoleWithWebIdentity');
  });

  test('a role whose trust policy wants guests → AccessDenied 403', async () => {
    const s = await setup();
    const guests = addRole(s.state, 'guests', trust('unauthenticated'));
    expect(await refusal(() => s.assume({ RoleArn: guests.arn }))).toEqual({
      code: 'AccessDenied',
      status: 403,
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    });
  });

  test('a malformed session policy → MalformedPolicyDocument, before the token is looked at', async () => {
    const s = await setup();
    expect(await refusal(() => s.assume({ Policy: '{not json', WebIdentityToken: 'not-a-jwt' }))).toMatchObject({ code: 'MalformedPolicyDocument' });
  });

  test.each<[number | undefined, 'app' | 'long', number | string]>([
    [900, 'app', 900],
    [undefined, 'app', 3600],
    [3601, 'app', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'],
    [7200, 'long', 7200],
    [7201, 'long', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'],
  ])('DurationSeconds %s on role %s → %s', async (duration, role, expected) => {
    const s = await setup();
    const input = { RoleArn: s[role].arn, ...(duration === undefined ? {} : { DurationSeconds: String(duration) }) };
    if (typeof expected === 'string') {
      expect(await refusal(() => s.assume(input))).toEqual({ code: 'ValidationError', status: 400, message: expected });
      return;
    }
    const out = await s.assume(input);
    expect(out.Credentials.Expiration.getTime() - s.clock.now().getTime()).toBe(expected * 1000);
  });

  test('mutant duration-bounds-off: 899, 7201 and 43201 are accepted as asked', async () => {
    const s = await setup(['duration-bounds-off']);
    for (const [duration, role] of [[899, 'app'], [7201, 'long'], [43201, 'long']] as const) {
      const out = await s.assume({ RoleArn: s[role].arn, DurationSeconds: String(duration) });
      expect(out.Credentials.Expiration.getTime() - s.clock.now().getTime()).toBe(duration * 1000);
    }
  });
});
