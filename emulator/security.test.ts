// The emulator under attack, through its real HTTP listener: prototype
// pollution, signatures replayed with another body, too old or too new, or
// scoped to another service or region, requests signed by botocore, writes by
// principals without permissions on each of the five services (S3 included),
// and hostile input. Expected
// answers are AWS's, with their sources; the clock is fixed so that messages
// with dates are literal. Randomized inputs come from fast-check with a fixed seed.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { CognitoIdentityClient, CreateIdentityPoolCommand, GetCredentialsForIdentityCommand, GetIdCommand, SetIdentityPoolRolesCommand } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient, CreateUserPoolCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CreateRoleCommand, DeleteRoleCommand, GetRoleCommand, IAMClient, PutRolePolicyCommand, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetBucketPolicyCommand, GetObjectCommand, HeadBucketCommand, ListObjectsV2Command, PutBucketPolicyCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import fc from 'fast-check';
import { ManualClock } from './clock';
import { startEmulator, type StartedEmulator } from './index';
import { AMZ_JSON, awsErrorOf, FORM, send, signedHeaders, type RawAnswer } from './security-test-support';

const ACCOUNT = '123456789012';
const NOW = new Date(Date.UTC(2026, 0, 1, 12, 0, 0));
const SEED = 1207;
const clock = new ManualClock(NOW);
let emu: StartedEmulator;

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const made: { destroy(): void }[] = [];
function clients(credentials: Creds = emu.credentials) {
  // Sign by the emulator's clock: it refuses signatures more than 15 minutes off its own time.
  const config = { endpoint: emu.url, region: emu.region, credentials, maxAttempts: 1, systemClockOffset: clock.now().getTime() - Date.now() };
  const c = {
    sts: new STSClient(config),
    iam: new IAMClient(config),
    idp: new CognitoIdentityProviderClient(config),
    identity: new CognitoIdentityClient(config),
    s3: new S3Client({ ...config, forcePathStyle: true }),
  };
  made.push(...Object.values(c));
  return c;
}

/** The admin key still works, and no prototype was written to. */
async function adminStillWorks(): Promise<void> {
  const me = await clients().sts.send(new GetCallerIdentityCommand({}));
  expect(me.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/idchain-admin`);
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).sessionToken).toBeUndefined();
}

async function rejected(run: () => Promise<unknown>): Promise<{ name: string; status?: number; message: string }> {
  try {
    await run();
  } catch (err) {
    const e = err as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('expected the call to be refused; it succeeded');
}

const errorOf = (answer: RawAnswer) => ({ status: answer.status, ...awsErrorOf(answer) });
const QUERY = 'Action=GetCallerIdentity&Version=2011-06-15';

beforeAll(async () => {
  emu = await startEmulator({ clock });
});

afterAll(async () => {
  made.forEach((c) => c.destroy());
  await emu?.stop();
});

describe('prototype pollution never reaches a prototype', () => {
  test.each([
    ['__proto__.sessionToken=x', '__proto__'],
    ['constructor.prototype.sessionToken=x', 'constructor'],
    ['Tags.member.1.prototype=x', 'prototype'],
  ])('awsQuery key %s → InvalidQueryParameter 400 [doc: "Common Errors"]', async (pair, reserved) => {
    const answer = await send(emu.url, { headers: { 'content-type': FORM }, body: `${QUERY}&${pair}` });
    expect(errorOf(answer)).toEqual({
      status: 400,
      protocol: 'awsQuery',
      code: 'InvalidQueryParameter',
      message: `The AWS query string is malformed or does not adhere to AWS standards. Parameter '${pair.split('=')[0]}' uses the reserved name '${reserved}'.`,
    });
    await adminStillWorks();
  });

  test.each([
    ['{"__proto__":{"sessionToken":"x"}}', '__proto__'],
    ['{"IdentityPoolId":"us-east-1:1","Logins":{"constructor":{"prototype":{"sessionToken":"x"}}}}', 'constructor'],
  ])('awsJson body %s → SerializationException 400', async (body, reserved) => {
    const answer = await send(emu.url, { headers: { 'content-type': AMZ_JSON, 'x-amz-target': 'AWSCognitoIdentityService.GetId' }, body });
    expect(errorOf(answer)).toEqual({ status: 400, protocol: 'awsJson1_1', code: 'SerializationException', message: `Member name '${reserved}' is not accepted.` });
    await adminStillWorks();
  });
});

describe('SigV4 as AWS checks it', () => {
  const admin = () => emu.credentials;
  const signedQuery = (date: Date, service = 'sts', region = emu.region, body = QUERY) =>
    signedHeaders({ url: emu.url, credentials: admin(), service, region, date, headers: { 'content-type': FORM }, body });

  test('a signature replayed with another body of the same length → SignatureDoesNotMatch 403', async () => {
    const headers = await signedQuery(NOW);
    const other = 'Version=2011-06-15&Action=GetCallerIdentity';
    expect(other.length).toBe(QUERY.length);
    // The SDK also sends x-amz-content-sha256; drop it, as botocore sends none, so only the body decides.
    const { 'x-amz-content-sha256': _claimed, ...botocoreLike } = headers;
    for (const sent of [headers, botocoreLike]) {
      expect(errorOf(await send(emu.url, { headers: sent, body: other }))).toEqual({
        status: 403,
        protocol: 'awsQuery',
        code: 'SignatureDoesNotMatch',
        message:
          'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      });
    }
    expect((await send(emu.url, { headers, body: QUERY })).status).toBe(200);
  });

  test('x-amz-content-sha256 that is not the body hash → SignatureDoesNotMatch, even when signed as such', async () => {
    const headers = await signedHeaders({ url: emu.url, credentials: admin(), service: 'sts', region: emu.region, date: NOW, headers: { 'content-type': FORM, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }, body: QUERY });
    expect(errorOf(await send(emu.url, { headers, body: QUERY })).code).toBe('SignatureDoesNotMatch');
  });

  test('a 20-minute-old signature → "Signature expired" [obs: aws/aws-cli#6676]; 20 minutes ahead → "Signature not yet current"', async () => {
    const old = await signedQuery(new Date(NOW.getTime() - 20 * 60_000));
    expect(errorOf(await send(emu.url, { headers: old, body: QUERY }))).toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'Signature expired: 20260101T114000Z is now earlier than 20260101T114500Z (20260101T120000Z - 15 min.)',
    });
    const ahead = await signedQuery(new Date(NOW.getTime() + 20 * 60_000));
    expect(errorOf(await send(emu.url, { headers: ahead, body: QUERY }))).toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'Signature not yet current: 20260101T122000Z is still later than 20260101T121500Z (20260101T120000Z + 15 min.)',
    });
    // Within the window either way is accepted.
    for (const minutes of [-14, 14]) expect((await send(emu.url, { headers: await signedQuery(new Date(NOW.getTime() + minutes * 60_000)), body: QUERY })).status).toBe(200);
  });

  test('awsJson answers the same checks as InvalidSignatureException 400 [obs: aws/aws-sdk-js#254]', async () => {
    const body = '{"MaxResults":5}';
    const headers = await signedHeaders({
      url: emu.url, credentials: admin(), service: 'cognito-identity', region: emu.region, date: new Date(NOW.getTime() - 20 * 60_000),
      headers: { 'content-type': AMZ_JSON, 'x-amz-target': 'AWSCognitoIdentityService.ListIdentityPools' }, body,
    });
    expect(errorOf(await send(emu.url, { headers, body }))).toEqual({
      status: 400,
      protocol: 'awsJson1_1',
      code: 'InvalidSignatureException',
      message: 'Signature expired: 20260101T114000Z is now earlier than 20260101T114500Z (20260101T120000Z - 15 min.)',
    });
  });

  test('scoped to another service or region → SignatureDoesNotMatch with STS\'s sentences [obs: argmin sts_oracle.rs]', async () => {
    const wrongService = await signedQuery(NOW, 's3');
    expect(errorOf(await send(emu.url, { headers: wrongService, body: QUERY }))).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch', message: "Credential should be scoped to correct service: 'sts'. " });
    const wrongRegion = await signedQuery(NOW, 'sts', 'eu-west-1');
    expect(errorOf(await send(emu.url, { headers: wrongRegion, body: QUERY }))).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch', message: 'Credential should be scoped to a valid region. ' });
    const both = await signedQuery(NOW, 's3', 'eu-west-1');
    expect(errorOf(await send(emu.url, { headers: both, body: QUERY })).message).toBe("Credential should be scoped to a valid region. Credential should be scoped to correct service: 'sts'. ");
  });

  test('Cognito scoped to another region names it [obs: dynalite, DynamoDB; aws/aws-sdk-php#493]', async () => {
    const body = '{"MaxResults":5}';
    const headers = await signedHeaders({ url: emu.url, credentials: admin(), service: 'cognito-identity', region: 'eu-west-1', date: NOW, headers: { 'content-type': AMZ_JSON, 'x-amz-target': 'AWSCognitoIdentityService.ListIdentityPools' }, body });
    expect(errorOf(await send(emu.url, { headers, body }))).toMatchObject({ status: 400, code: 'InvalidSignatureException', message: "Credential should be scoped to a valid region, not 'eu-west-1'. " });
  });
});

describe('S3 goes through the same SigV4 checks, answered in S3\'s words', () => {
  const put = (date: Date, body: string, region = emu.region) =>
    signedHeaders({ url: emu.url, credentials: emu.credentials, service: 's3', region, date, method: 'PUT', path: '/idchain-signed/k', headers: {}, body });

  beforeAll(async () => {
    await clients().s3.send(new CreateBucketCommand({ Bucket: 'idchain-signed' }));
  });

  test('a PUT replayed with another body → XAmzContentSHA256Mismatch 400, and the object keeps the signed body [obs: grosskur/lua-resty-aws#2]', async () => {
    const headers = await put(NOW, 'mine');
    expect(errorOf(await send(emu.url, { method: 'PUT', path: '/idchain-signed/k', headers, body: 'evil' }))).toMatchObject({ status: 400, protocol: 'restXml', code: 'XAmzContentSHA256Mismatch' });
    expect((await send(emu.url, { method: 'PUT', path: '/idchain-signed/k', headers, body: 'mine' })).status).toBe(200);
    expect(await (await clients().s3.send(new GetObjectCommand({ Bucket: 'idchain-signed', Key: 'k' }))).Body!.transformToString()).toBe('mine');
  });

  test('a 20-minute-old signature → RequestTimeTooSkewed 403 [obs: aws/aws-cli#8662]', async () => {
    const headers = await put(new Date(NOW.getTime() - 20 * 60_000), 'late');
    expect(errorOf(await send(emu.url, { method: 'PUT', path: '/idchain-signed/k', headers, body: 'late' }))).toEqual({
      status: 403,
      protocol: 'restXml',
      code: 'RequestTimeTooSkewed',
      message: 'The difference between the request time and the current time is too large.',
    });
  });

  test('scoped to another Region → AuthorizationHeaderMalformed 400 naming both [obs: microsoft/azure-pipelines-terraform#159]', async () => {
    const headers = await put(NOW, 'far', 'eu-west-1');
    expect(errorOf(await send(emu.url, { method: 'PUT', path: '/idchain-signed/k', headers, body: 'far' }))).toEqual({
      status: 400,
      protocol: 'restXml',
      code: 'AuthorizationHeaderMalformed',
      message: "The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-east-1'",
    });
  });
});

describe('requests signed by botocore (boto3, the AWS CLI) verify', () => {
  const skip = process.env.IDCHAIN_SKIP_MOTO === '1';
  const probe = spawnSync('python3', ['-c', 'import boto3, botocore'], { encoding: 'utf8' });
  const missing = probe.error ? 'python3 is not installed' : probe.status !== 0 ? `python3 cannot import boto3/botocore (${probe.stderr.trim().split('\n').pop()}); pip install boto3` : undefined;

  (skip ? test.skip : test)('STS, IAM, cognito-idp and cognito-identity from boto3; replays and old signatures refused', async () => {
    if (missing) throw new Error(`botocore test needs python3 with boto3: ${missing} (or set IDCHAIN_SKIP_MOTO=1 to skip it)`);
    const real = await startEmulator(); // botocore signs by the real clock
    try {
      // Asynchronously: the emulator answers from this very process.
      const run = await promisify(execFile)('python3', [join(__dirname, 'botocore-calls.py')], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: process.env.HOME, EMULATOR_URL: real.url, EMULATOR_REGION: real.region, EMULATOR_ACCESS_KEY_ID: real.credentials.accessKeyId, EMULATOR_SECRET_ACCESS_KEY: real.credentials.secretAccessKey },
      });
      expect(run.stderr).toBe('');
      const out = JSON.parse(run.stdout);
      expect(out.GetCallerIdentity).toEqual({ ok: `arn:aws:iam::${ACCOUNT}:user/idchain-admin` });
      expect(out.CreateRole).toEqual({ ok: `arn:aws:iam::${ACCOUNT}:role/boto-role` });
      expect(out.GetRole).toEqual({ ok: 'boto-role' });
      expect(out.CreateUserPool).toEqual({ ok: 'boto-pool' });
      expect(out.ListIdentityPools).toEqual({ ok: [] });
      expect(out.ReplayedQueryBody.error).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
      expect(out.ReplayedJsonBody.error).toMatchObject({ code: 'InvalidSignatureException', status: 400 });
      expect(out.TwentyMinutesOld.error.code).toBe('SignatureDoesNotMatch');
      expect(out.TwentyMinutesOld.error.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
    } finally {
      await real.stop();
    }
  });
});

describe('every signed operation is authorized, on each of the five services', () => {
  const GUEST_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/guest-role/CognitoIdentityCredentials`;
  const OPEN_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] });
  const adminTrust = () => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/idchain-admin` }, Action: 'sts:AssumeRole' }] });
  const WRITES = [
    'iam:CreateRole',
    'iam:UpdateAssumeRolePolicy',
    'iam:DeleteRole',
    'cognito-idp:CreateUserPool',
    'cognito-identity:CreateIdentityPool',
    'cognito-identity:SetIdentityPoolRoles',
    's3:CreateBucket',
    's3:PutObject',
    's3:PutBucketPolicy',
  ];
  let guest: ReturnType<typeof clients>;
  let builder: ReturnType<typeof clients>;
  let poolId: string;
  let guestRoleArn: string;

  async function sessionOf(roleName: string): Promise<ReturnType<typeof clients>> {
    const out = await clients().sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`, RoleSessionName: roleName }));
    const c = out.Credentials!;
    return clients({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken });
  }

  beforeAll(async () => {
    const admin = clients();
    poolId = (await admin.identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'guests', AllowUnauthenticatedIdentities: true }))).IdentityPoolId!;
    const trust = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': poolId }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' } } }],
    };
    guestRoleArn = (await admin.iam.send(new CreateRoleCommand({ RoleName: 'guest-role', AssumeRolePolicyDocument: JSON.stringify(trust) }))).Role!.Arn!;
    await admin.identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: { unauthenticated: guestRoleArn } }));
    const { IdentityId } = await admin.identity.send(new GetIdCommand({ IdentityPoolId: poolId }));
    const c = (await admin.identity.send(new GetCredentialsForIdentityCommand({ IdentityId }))).Credentials!;
    guest = clients({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretKey!, sessionToken: c.SessionToken });

    await admin.iam.send(new CreateRoleCommand({ RoleName: 'victim', AssumeRolePolicyDocument: adminTrust() }));
    await admin.iam.send(new CreateRoleCommand({ RoleName: 'builder', AssumeRolePolicyDocument: adminTrust() }));
    const allow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: WRITES, Resource: '*' }] };
    await admin.iam.send(new PutRolePolicyCommand({ RoleName: 'builder', PolicyName: 'build', PolicyDocument: JSON.stringify(allow) }));
    builder = await sessionOf('builder');
  });

  test('the guest session is who the enhanced flow says, and GetCallerIdentity needs no permission [doc: STS-API]', async () => {
    expect((await guest.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(GUEST_ARN);
  });

  test('IAM: CreateRole with a trust for *, UpdateAssumeRolePolicy, DeleteRole → AccessDenied 403; nothing changes', async () => {
    expect(await rejected(() => guest.iam.send(new CreateRoleCommand({ RoleName: 'evil', AssumeRolePolicyDocument: OPEN_TRUST })))).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: ${GUEST_ARN} is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::${ACCOUNT}:role/evil because no identity-based policy allows the iam:CreateRole action`,
    });
    expect(await rejected(() => guest.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'victim', PolicyDocument: OPEN_TRUST })))).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: ${GUEST_ARN} is not authorized to perform: iam:UpdateAssumeRolePolicy on resource: role victim because no identity-based policy allows the iam:UpdateAssumeRolePolicy action`,
    });
    expect((await rejected(() => guest.iam.send(new DeleteRoleCommand({ RoleName: 'victim' })))).message).toBe(
      `User: ${GUEST_ARN} is not authorized to perform: iam:DeleteRole on resource: role victim because no identity-based policy allows the iam:DeleteRole action`,
    );
    const victim = (await clients().iam.send(new GetRoleCommand({ RoleName: 'victim' }))).Role!;
    expect(decodeURIComponent(victim.AssumeRolePolicyDocument!)).toBe(adminTrust());
    expect((await rejected(() => clients().iam.send(new GetRoleCommand({ RoleName: 'evil' })))).name).toBe('NoSuchEntityException');
  });

  test('cognito-idp: CreateUserPool → AccessDeniedException 400 on resource * [obs: lgallard/terraform-aws-cognito-user-pool#116]', async () => {
    expect(await rejected(() => guest.idp.send(new CreateUserPoolCommand({ PoolName: 'evil' })))).toEqual({
      name: 'AccessDeniedException',
      status: 400,
      message: `User: ${GUEST_ARN} is not authorized to perform: cognito-idp:CreateUserPool on resource: * because no identity-based policy allows the cognito-idp:CreateUserPool action`,
    });
    expect((await clients().idp.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools).toEqual([]);
  });

  test('cognito-identity: CreateIdentityPool → AccessDeniedException 400 [obs: hashicorp/terraform-provider-aws#15773]', async () => {
    expect(await rejected(() => guest.identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'evil', AllowUnauthenticatedIdentities: true })))).toEqual({
      name: 'AccessDeniedException',
      status: 400,
      message: `User: ${GUEST_ARN} is not authorized to perform: cognito-identity:CreateIdentityPool on resource: * because no identity-based policy allows the cognito-identity:CreateIdentityPool action`,
    });
  });

  // The enhanced-flow guest's scope-down lets S3 through (guest-scope-down.ts); its role grants nothing.
  test('S3: CreateBucket, PutObject, PutBucketPolicy → AccessDenied 403 in S3\'s words; nothing is made [doc: S3 User Guide "Troubleshoot access denied (403 Forbidden) errors"]', async () => {
    const denied = (action: string, resource: string) => ({
      name: 'AccessDenied',
      status: 403,
      message: `User: ${GUEST_ARN} is not authorized to perform: ${action} on resource: "${resource}" because no identity-based policy allows the ${action} action`,
    });
    expect(await rejected(() => guest.s3.send(new CreateBucketCommand({ Bucket: 'idchain-evil' })))).toEqual(denied('s3:CreateBucket', 'arn:aws:s3:::idchain-evil'));
    await clients().s3.send(new CreateBucketCommand({ Bucket: 'idchain-victim' }));
    expect(await rejected(() => guest.s3.send(new PutObjectCommand({ Bucket: 'idchain-victim', Key: 'k', Body: 'x' })))).toEqual(denied('s3:PutObject', 'arn:aws:s3:::idchain-victim/k'));
    const open = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::idchain-victim/*' }] });
    expect(await rejected(() => guest.s3.send(new PutBucketPolicyCommand({ Bucket: 'idchain-victim', Policy: open })))).toEqual(denied('s3:PutBucketPolicy', 'arn:aws:s3:::idchain-victim'));
    expect((await rejected(() => clients().s3.send(new HeadBucketCommand({ Bucket: 'idchain-evil' })))).status).toBe(404);
    expect((await clients().s3.send(new ListObjectsV2Command({ Bucket: 'idchain-victim' }))).KeyCount).toBe(0);
    expect((await rejected(() => clients().s3.send(new GetBucketPolicyCommand({ Bucket: 'idchain-victim' })))).name).toBe('NoSuchBucketPolicy');
  });

  test('a role whose policy allows them does all of it', async () => {
    expect((await builder.iam.send(new CreateRoleCommand({ RoleName: 'built', AssumeRolePolicyDocument: OPEN_TRUST }))).Role!.RoleName).toBe('built');
    await builder.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'built', PolicyDocument: adminTrust() }));
    await builder.iam.send(new DeleteRoleCommand({ RoleName: 'built' }));
    expect((await builder.idp.send(new CreateUserPoolCommand({ PoolName: 'built' }))).UserPool!.Name).toBe('built');
    expect((await builder.identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'built', AllowUnauthenticatedIdentities: false }))).IdentityPoolName).toBe('built');
    await builder.s3.send(new CreateBucketCommand({ Bucket: 'idchain-built' }));
    await builder.s3.send(new PutObjectCommand({ Bucket: 'idchain-built', Key: 'k', Body: 'x' }));
    expect((await clients().s3.send(new ListObjectsV2Command({ Bucket: 'idchain-built' }))).Contents?.map((o) => o.Key)).toEqual(['k']);
  });

  test('SetIdentityPoolRoles hands roles over, so it needs iam:PassRole on each [aws-contract.md §2; obs: awslabs/aws-api-gateway-developer-portal#11]', async () => {
    const passed = await rejected(() => builder.identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: { unauthenticated: guestRoleArn } })));
    expect(passed).toEqual({
      name: 'AccessDeniedException',
      status: 400,
      message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/builder/builder is not authorized to perform: iam:PassRole on resource: ${guestRoleArn} because no identity-based policy allows the iam:PassRole action`,
    });
    const passRole = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: guestRoleArn, Condition: { StringEquals: { 'iam:PassedToService': 'cognito-identity.amazonaws.com' } } }] };
    await clients().iam.send(new PutRolePolicyCommand({ RoleName: 'builder', PolicyName: 'pass', PolicyDocument: JSON.stringify(passRole) }));
    await builder.identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: { unauthenticated: guestRoleArn } }));
  });
});

describe('hostile input gets AWS-shaped errors, 4xx where the client is at fault', () => {
  afterAll(adminStillWorks);

  test('a form key nested 10,000 levels → InvalidQueryParameter 400 (it overflowed the stack)', async () => {
    const key = Array.from({ length: 10_001 }, () => 'a').join('.');
    const answer = errorOf(await send(emu.url, { headers: { 'content-type': FORM }, body: `${QUERY}&${key}=1` }));
    expect(answer).toMatchObject({ status: 400, protocol: 'awsQuery', code: 'InvalidQueryParameter' });
    expect(answer.message).toContain('has 10001 parts; at most 32 are read.');
  });

  test('JSON nested 10,000 levels → SerializationException 400', async () => {
    const body = `{"IdentityPoolId":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    const answer = await send(emu.url, { headers: { 'content-type': AMZ_JSON, 'x-amz-target': 'AWSCognitoIdentityService.GetId' }, body });
    expect(errorOf(answer)).toEqual({ status: 400, protocol: 'awsJson1_1', code: 'SerializationException', message: 'Input nests deeper than 32 levels.' });
  });

  test('the path // (once "Invalid URL", a plain-text 500) is served like /', async () => {
    expect(errorOf(await send(emu.url, { path: '//', headers: { 'content-type': FORM }, body: QUERY }))).toMatchObject({ status: 403, code: 'MissingAuthenticationToken' });
    // A GET naming no Action is S3's: an anonymous ListBuckets, which S3 refuses with "Access Denied".
    expect(errorOf(await send(emu.url, { method: 'GET', path: '//' }))).toMatchObject({ status: 403, protocol: 'restXml', code: 'AccessDenied' });
    expect(errorOf(await send(emu.url, { method: 'GET', path: '//?Action=GetCallerIdentity&Version=2011-06-15' }))).toMatchObject({ status: 403, protocol: 'awsQuery', code: 'MissingAuthenticationToken' });
  });

  test('a body over 16 MiB → 413 in the protocol of the request; S3\'s EntityTooLarge (400) [doc: S3-API "Error responses"]', async () => {
    const big = Buffer.alloc(16 * 1024 * 1024 + 1, 'a');
    expect(errorOf(await send(emu.url, { method: 'PUT', path: '/idchain-any/big', body: big }))).toMatchObject({
      status: 400,
      protocol: 'restXml',
      code: 'EntityTooLarge',
      message: 'Your proposed upload exceeds the maximum allowed object size.',
    });
    expect(errorOf(await send(emu.url, { headers: { 'content-type': FORM }, body: big }))).toMatchObject({ status: 413, protocol: 'awsQuery', code: 'RequestEntityTooLarge' });
    expect(errorOf(await send(emu.url, { headers: { 'content-type': AMZ_JSON, 'x-amz-target': 'AWSCognitoIdentityService.GetId' }, body: big }))).toMatchObject({ status: 413, protocol: 'awsJson1_1' });
  });

  test('malformed JSON → SerializationException 400', async () => {
    const answer = await send(emu.url, { headers: { 'content-type': AMZ_JSON, 'x-amz-target': 'AWSCognitoIdentityService.GetId' }, body: '{"IdentityPoolId":' });
    expect(errorOf(answer)).toEqual({ status: 400, protocol: 'awsJson1_1', code: 'SerializationException', message: 'Start of structure or map found where not expected.' });
  });

  test('wrong content types: JSON sent as text/plain; a form sent as JSON is not read', async () => {
    const json = await send(emu.url, { headers: { 'content-type': 'text/plain', 'x-amz-target': 'AWSCognitoIdentityService.GetId' }, body: '{}' });
    expect(errorOf(json)).toMatchObject({ status: 400, code: 'SerializationException' });
    const form = await send(emu.url, { headers: { 'content-type': 'application/json' }, body: QUERY });
    expect(errorOf(form)).toEqual({ status: 400, protocol: 'awsQuery', code: 'MissingAction', message: 'The request is missing an action or a required parameter.' });
  });

  test('bad percent-encoding → MalformedQueryString 404 [doc: "Common Errors"]', async () => {
    const answer = errorOf(await send(emu.url, { headers: { 'content-type': FORM }, body: `${QUERY}&RoleName=%E0%A4%A` }));
    expect(answer).toMatchObject({ status: 404, protocol: 'awsQuery', code: 'MalformedQueryString' });
    expect(answer.message).toMatch(/^The query string contains a syntax error\. /);
  });

  test('a header section over 16 KiB → 431 in the protocol of the request', async () => {
    const huge = 'x'.repeat(20_000);
    expect(errorOf(await send(emu.url, { headers: { 'content-type': FORM, 'x-huge': huge }, body: QUERY }))).toMatchObject({ status: 431, protocol: 'awsQuery', code: 'RequestHeaderSectionTooLarge' });
    expect(errorOf(await send(emu.url, { headers: { 'x-amz-target': 'AWSCognitoIdentityService.GetId', 'x-huge': huge }, body: '{}' }))).toMatchObject({ status: 431, protocol: 'awsJson1_1' });
  });

  test(`seeded junk (seed ${SEED}): forms and JSON bodies of random bytes → AWS errors, never 5xx`, async () => {
    const junk = fc.sample(fc.tuple(fc.boolean(), fc.string({ unit: 'binary', maxLength: 300 })), { seed: SEED, numRuns: 60 });
    for (const [json, body] of junk) {
      const headers: Record<string, string> = json ? { 'content-type': AMZ_JSON, 'x-amz-target': 'AWSCognitoIdentityService.GetId' } : { 'content-type': FORM };
      const answer = await send(emu.url, { headers, body });
      const error = awsErrorOf(answer);
      if (answer.status !== 200) expect({ body, protocol: error?.protocol }).toEqual({ body, protocol: json ? 'awsJson1_1' : 'awsQuery' });
      expect(answer.status).toBeLessThan(500);
    }
  });
});
