import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { EmulatorOptionError, startEmulator, type StartedEmulator } from './index';
import { parseAdminKeys } from './admin-keys';
import { send, signedHeaders } from './security-test-support';

// The emulator as a tool other projects start (README "The emulator as a
// tool"): fixed keys, /_idchain/health and a reset only its administrator may
// ask for. AWS has no such endpoints; what is asserted here is idchain's own
// design, not AWS behaviour.

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

function clientConfig(emulator: StartedEmulator, credentials = emulator.credentials) {
  return { endpoint: emulator.url, region: emulator.region, credentials, maxAttempts: 1 };
}

function signedReset(emulator: StartedEmulator, over: { credentials?: { accessKeyId: string; secretAccessKey: string }; service?: string; region?: string } = {}) {
  return signedHeaders({
    url: emulator.url,
    credentials: over.credentials ?? emulator.credentials,
    service: over.service ?? 'idchain',
    region: over.region ?? emulator.region,
    date: new Date(),
    headers: {},
    body: '',
    path: '/_idchain/reset',
  }).then((headers) => send(emulator.url, { method: 'POST', path: '/_idchain/reset', headers }));
}

describe('fixed administrator keys', () => {
  let emulator: StartedEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  });
  afterAll(() => emulator.stop());

  it('test:test signs as the bootstrap administrator, an IAM user', async () => {
    const who = await new STSClient(clientConfig(emulator)).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe('arn:aws:iam::123456789012:user/idchain-admin');
  });

  it('any other key is still refused, as AWS refuses keys it did not issue (InvalidClientTokenId, 403)', async () => {
    const stranger = new STSClient(clientConfig(emulator, { accessKeyId: 'other', secretAccessKey: 'test' }));
    await expect(stranger.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId', $metadata: { httpStatusCode: 403 } });
  });

  it('the right id with the wrong secret is SignatureDoesNotMatch (403)', async () => {
    const wrong = new STSClient(clientConfig(emulator, { accessKeyId: 'test', secretAccessKey: 'nottest' }));
    await expect(wrong.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
  });

  it('without fixed keys each start has fresh ones, shaped as IAM shapes long-term keys', async () => {
    const [a, b] = await Promise.all([startEmulator(), startEmulator()]);
    try {
      expect(a.credentials.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
      expect(a.credentials.secretAccessKey).toHaveLength(40);
      expect(b.credentials.accessKeyId).not.toBe(a.credentials.accessKeyId);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('keys that cannot be an access key are refused before anything starts', async () => {
    await expect(startEmulator({ credentials: { accessKeyId: 'has/slash', secretAccessKey: 'x' } })).rejects.toBeInstanceOf(EmulatorOptionError);
    await expect(startEmulator({ credentials: { accessKeyId: 'ok', secretAccessKey: '' } })).rejects.toThrow(/Secret access key not allowed \(0 characters\)/);
  });
});

describe('parseAdminKeys (AK:SK)', () => {
  it('splits at the first colon: the secret may hold colons, slashes and plus signs', () => {
    expect(parseAdminKeys('test:test')).toEqual({ accessKeyId: 'test', secretAccessKey: 'test' });
    expect(parseAdminKeys('AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCY+EXAMPLE:x')).toEqual({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY+EXAMPLE:x',
    });
  });

  it.each([
    ['test', /no colon/],
    [':secret', /Access key id not allowed: ""/],
    ['a,b:secret', /Access key id not allowed: "a,b"/],
    ['a b:secret', /Access key id not allowed/],
    [`${'A'.repeat(129)}:secret`, /Access key id not allowed/],
    ['test:', /Secret access key not allowed \(0 characters\)/],
    ['test:has space', /Secret access key not allowed \(9 characters\)/],
  ])('%j is refused: %s', (text, message) => {
    expect(() => parseAdminKeys(text)).toThrow(EmulatorOptionError);
    expect(() => parseAdminKeys(text)).toThrow(message);
  });

  it('never echoes the secret in its refusal', () => {
    expect(() => parseAdminKeys('test:sEcReT value')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('sEcReT') }));
  });
});

describe('/_idchain/health and /_idchain/reset', () => {
  let emulator: StartedEmulator;
  let iam: IAMClient;
  beforeAll(async () => {
    emulator = await startEmulator({ region: 'eu-west-1' });
    iam = new IAMClient(clientConfig(emulator));
  });
  afterAll(() => emulator.stop());

  it('health is open and says services, region and version', async () => {
    const answer = await send(emulator.url, { method: 'GET', path: '/_idchain/health' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ status: 'running', services: ['iam', 'sts', 'cognito-idp', 'cognito-identity', 's3'], region: 'eu-west-1', version: '0.1.0' });
    expect((await send(emulator.url, { method: 'POST', path: '/_idchain/health' })).status).toBe(405);
  });

  it('an unsigned reset is refused (403) and forgets nothing', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'kept', AssumeRolePolicyDocument: TRUST }));
    const answer = await send(emulator.url, { method: 'POST', path: '/_idchain/reset' });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).message).toContain("must be signed with the emulator administrator's keys");
    await expect(iam.send(new GetRoleCommand({ RoleName: 'kept' }))).resolves.toBeDefined();
  });

  it('a reset signed with a key that is not the administrator’s, or for another service or Region, is refused', async () => {
    expect((await signedReset(emulator, { credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x'.repeat(40) } })).status).toBe(403);
    expect((await signedReset(emulator, { credentials: { ...emulator.credentials, secretAccessKey: 'y'.repeat(40) } })).status).toBe(403);
    expect((await signedReset(emulator, { service: 'sts' })).status).toBe(403);
    expect((await signedReset(emulator, { region: 'us-east-1' })).status).toBe(403);
    expect((await send(emulator.url, { method: 'GET', path: '/_idchain/reset' })).status).toBe(405);
    await expect(iam.send(new GetRoleCommand({ RoleName: 'kept' }))).resolves.toBeDefined();
  });

  it("the administrator's signed reset forgets every resource and keeps the administrator's keys", async () => {
    const answer = await signedReset(emulator);
    expect([answer.status, JSON.parse(answer.body)]).toEqual([200, { status: 'reset' }]);
    await expect(iam.send(new GetRoleCommand({ RoleName: 'kept' }))).rejects.toMatchObject({ name: 'NoSuchEntityException', Error: { Code: 'NoSuchEntity' } });
    await expect(iam.send(new CreateRoleCommand({ RoleName: 'kept', AssumeRolePolicyDocument: TRUST }))).resolves.toBeDefined();
  });

  it('reset() does the same in-process', async () => {
    emulator.reset();
    await expect(iam.send(new GetRoleCommand({ RoleName: 'kept' }))).rejects.toMatchObject({ name: 'NoSuchEntityException', Error: { Code: 'NoSuchEntity' } });
  });

  it('any other /_idchain/ path is 404, and an S3 bucket cannot be named so (no _ in bucket names)', async () => {
    const answer = await send(emulator.url, { method: 'GET', path: '/_idchain/nothing' });
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).message).toContain('Expected /_idchain/health (GET), /_idchain/weather (GET) or /_idchain/reset (POST, signed)');
  });
});
