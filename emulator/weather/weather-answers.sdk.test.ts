// Throttling and transient faults as the wire carries them and as the AWS SDK for
// JavaScript classifies them: throttling and 5xx are retried (the SDK's standard
// mode), an ordinary 400 is not.
import { CognitoIdentityClient, ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CreateRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startEmulator, type StartedEmulator } from '../index';
import { AMZ_JSON, FORM, send, signedHeaders, type RawAnswer } from '../security-test-support';
import { oneCallThenThrottled, THROTTLED_READS } from './throttle-test-support';
import { testProfile, TEST_CITATION } from './weather-test-support';
import type { WeatherService } from './profile';

/** The SDK error a call rejects with: wire code, status, message and how many attempts the SDK made. */
async function sdkFailure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (err) {
    const e = err as { name: string; message: string; Error?: { Code?: string }; $metadata?: { httpStatusCode?: number; attempts?: number } };
    return { code: e.Error?.Code ?? e.name, status: e.$metadata?.httpStatusCode, message: e.message, attempts: e.$metadata?.attempts };
  }
  throw new Error('expected the call to fail; it succeeded');
}

function clients(emu: StartedEmulator, maxAttempts: number) {
  const base = { endpoint: emu.url, region: emu.region, credentials: emu.credentials, maxAttempts };
  return {
    iam: new IAMClient(base),
    sts: new STSClient(base),
    idp: new CognitoIdentityProviderClient(base),
    identity: new CognitoIdentityClient(base),
    s3: new S3Client({ ...base, forcePathStyle: true }),
  };
}
type Clients = ReturnType<typeof clients>;

const call: Record<WeatherService, (c: Clients) => Promise<unknown>> = {
  iam: (c) => c.iam.send(new ListRolesCommand({})),
  sts: (c) => c.sts.send(new GetCallerIdentityCommand({})),
  'cognito-idp': (c) => c.idp.send(new ListUserPoolsCommand({ MaxResults: 1 })),
  'cognito-identity': (c) => c.identity.send(new ListIdentityPoolsCommand({ MaxResults: 1 })),
  s3: (c) => c.s3.send(new ListBucketsCommand({})),
};

/** The same read as raw bytes, signed as the JS SDK signs, so the test sees the answer exactly as sent. */
async function raw(emu: StartedEmulator, service: WeatherService): Promise<RawAnswer> {
  const query = { iam: 'Action=ListRoles&Version=2010-05-08', sts: 'Action=GetCallerIdentity&Version=2011-06-15' } as Record<string, string>;
  const target = { 'cognito-idp': 'AWSCognitoIdentityProviderService.ListUserPools', 'cognito-identity': 'AWSCognitoIdentityService.ListIdentityPools' } as Record<string, string>;
  const sign = { url: emu.url, credentials: emu.credentials, service, region: emu.region, date: new Date() };
  if (service === 's3') return send(emu.url, { method: 'GET', path: '/', headers: await signedHeaders({ ...sign, method: 'GET', path: '/', headers: {}, body: '' }) });
  const headers: Record<string, string> = query[service] ? { 'content-type': FORM } : { 'content-type': AMZ_JSON, 'x-amz-target': target[service] };
  const body = query[service] ?? '{"MaxResults":1}';
  return send(emu.url, { headers: await signedHeaders({ ...sign, headers, body }), body });
}

describe('past the rate, each service answers in its own protocol', () => {
  let emu: StartedEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ weather: oneCallThenThrottled() });
  });
  afterAll(() => emu.stop());

  test.each(['iam', 'sts'] as const)('%s: awsQuery XML, 400, <Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message>', async (service) => {
    expect((await raw(emu, service)).status).toBe(200);
    const answer = await raw(emu, service);
    // [obs: legion-platform/legion#807 (IAM CreateRole), jlevers/selling-partner-api#278 (STS AssumeRole)]
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('text/xml');
    const namespace = service === 'iam' ? 'https://iam.amazonaws.com/doc/2010-05-08/' : 'https://sts.amazonaws.com/doc/2011-06-15/';
    expect(answer.body).toMatch(
      new RegExp(`^<ErrorResponse xmlns="${namespace}"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>[0-9a-f-]{36}</RequestId></ErrorResponse>$`),
    );
  });

  test.each(['cognito-idp', 'cognito-identity'] as const)('%s: awsJson, 400, TooManyRequestsException "Rate exceeded"', async (service) => {
    expect((await raw(emu, service)).status).toBe(200);
    const answer = await raw(emu, service);
    // [doc: CG-API TooManyRequestsException, HTTP 400; obs: aws-amplify/amplify-js#3554 {code:"TooManyRequestsException", message:"Rate exceeded"}]
    expect(answer.status).toBe(400);
    expect(answer.headers['x-amzn-errortype']).toBe('TooManyRequestsException:');
    expect(JSON.parse(answer.body)).toEqual({ __type: 'TooManyRequestsException', message: 'Rate exceeded' });
  });

  test('s3: SlowDown 503 "Please reduce your request rate." [doc: S3-API "Error responses"]', async () => {
    expect((await raw(emu, 's3')).status).toBe(200);
    const answer = await raw(emu, 's3');
    expect(answer.status).toBe(503);
    expect(answer.body).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\s*<Error><Code>SlowDown<\/Code><Message>Please reduce your request rate\.<\/Message>/);
  });

  test('the counters saw one throttled call per service, and /_idchain/* was not weathered', async () => {
    for (let i = 0; i < 3; i++) expect((await fetch(`${emu.url}/_idchain/weather`)).status).toBe(200);
    expect(emu.weather.stats()).toMatchObject({ calls: 10, throttled: 5, byService: { iam: { calls: 2, throttled: 1 }, s3: { calls: 2, throttled: 1 } } });
  });
});

describe('the JS SDK retries what weather answers, and only that', () => {
  test.each(Object.keys(THROTTLED_READS) as WeatherService[])('%s: a throttled call is retried to the SDK\'s three attempts', async (service) => {
    const emu = await startEmulator({ weather: oneCallThenThrottled() });
    const c = clients(emu, 3);
    try {
      await call[service](c);
      const failure = await sdkFailure(call[service](c));
      const expected = { iam: ['Throttling', 400], sts: ['Throttling', 400], 'cognito-idp': ['TooManyRequestsException', 400], 'cognito-identity': ['TooManyRequestsException', 400], s3: ['SlowDown', 503] }[service];
      expect([failure.code, failure.status, failure.attempts]).toEqual([...expected, 3]);
      expect(emu.weather.stats().byService[service]).toMatchObject({ calls: 4, throttled: 3 });
    } finally {
      Object.values(c).forEach((client) => client.destroy());
      await emu.stop();
    }
  });

  test('a transient fault is retried; an ordinary 400 (MalformedPolicyDocument) is not', async () => {
    const emu = await startEmulator({ weather: testProfile({ faults: { rate: 1, slowRate: 0, slowFactor: 1, ...TEST_CITATION } }) });
    const c = clients(emu, 3);
    try {
      expect(await sdkFailure(c.iam.send(new CreateRoleCommand({ RoleName: 'never-made', AssumeRolePolicyDocument: '{}' })))).toEqual({
        code: 'ServiceFailure',
        status: 500,
        message: 'The request processing has failed because of an unknown error, exception or failure.',
        attempts: 3,
      });
      expect(await sdkFailure(c.idp.send(new ListUserPoolsCommand({ MaxResults: 1 })))).toEqual({ code: 'InternalErrorException', status: 500, message: 'Internal server error.', attempts: 3 });
      expect(await sdkFailure(c.sts.send(new GetCallerIdentityCommand({})))).toMatchObject({ code: expect.stringMatching(/^(InternalFailure|ServiceUnavailable)$/), attempts: 3 });
      expect(emu.weather.stats()).toMatchObject({ calls: 9, transientFaults: 9 });
    } finally {
      Object.values(c).forEach((client) => client.destroy());
      await emu.stop();
    }
    const calm = await startEmulator();
    const iam = new IAMClient({ endpoint: calm.url, region: calm.region, credentials: calm.credentials, maxAttempts: 3 });
    try {
      expect(await sdkFailure(iam.send(new CreateRoleCommand({ RoleName: 'bad-json', AssumeRolePolicyDocument: '{"Version": "2012-10-17",' })))).toMatchObject({
        code: 'MalformedPolicyDocument',
        status: 400,
        attempts: 1,
      });
    } finally {
      iam.destroy();
      await calm.stop();
    }
  });
});
