import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetBucketPolicyCommand, GetBucketTaggingCommand, GetObjectCommand, ListBucketsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { SetIdentityPoolRolesCommand } from '@aws-sdk/client-cognito-identity';
import { CaseAborted } from '../harness/cases/case-aborted';
import { openSession, policyDocument, type FixtureSpec } from '../harness';
import { readLedger } from '../harness/provisioning/ledger';
import { sweep } from '../harness/provisioning/sweep';

// Buckets are fixture resources like any other: named idchain-<run>-…, tagged,
// seeded, given a policy naming fixture roles, ledgered, emptied and deleted by
// teardown and by sweep. Checked against what S3 on the emulator answers.
const work = mkdtempSync(join(tmpdir(), 'idchain-bucket-fx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const spec: FixtureSpec = {
  roles: { reader: { trust: { document: (r) => policyDocument({ Effect: 'Allow', Principal: { AWS: r.callerArn }, Action: 'sts:AssumeRole' }) } } },
  buckets: {
    files: {
      tags: { team: 'identity' },
      objects: { 'public/readme.txt': 'hello', 'private/x.txt': 'secret-ish' },
      // Denying everyone deletions: teardown must still empty and delete the bucket.
      policy: (r) =>
        policyDocument(
          { Effect: 'Allow', Principal: { AWS: r.roleArn('reader') }, Action: 's3:GetObject', Resource: `${r.bucketArn}/public/*` },
          { Effect: 'Deny', Principal: '*', Action: ['s3:DeleteObject', 's3:PutObject'], Resource: `${r.bucketArn}/*` },
        ),
    },
  },
};

test('a bucket is created named, tagged, seeded and with its policy, ledgered, and teardown empties and deletes it despite a policy denying deletes', async () => {
  const ledgerDir = join(work, 'teardown');
  const session = await openSession({ runId: 'b0c0a001', ledgerDir });
  const { s3 } = session.clients;
  const fx = await session.provision(spec, 'buckets');
  const bucket = fx.resource<{ name: string; arn: string }>('s3-bucket', 'files');
  expect(bucket).toEqual({ name: 'idchain-b0c0a001-buckets-files', arn: 'arn:aws:s3:::idchain-b0c0a001-buckets-files' });
  const { TagSet = [] } = await s3.send(new GetBucketTaggingCommand({ Bucket: bucket.name }));
  expect(Object.fromEntries(TagSet.map((t) => [t.Key, t.Value]))).toEqual({ 'idchain:run': 'b0c0a001', 'idchain:expires': expect.any(String), team: 'identity' });
  expect(await (await s3.send(new GetObjectCommand({ Bucket: bucket.name, Key: 'public/readme.txt' }))).Body!.transformToString()).toBe('hello');
  const policy = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: bucket.name }))).Policy!);
  expect(policy.Statement[0].Principal.AWS).toBe(fx.role('reader').arn);
  await expect(s3.send(new PutObjectCommand({ Bucket: bucket.name, Key: 'late.txt', Body: 'x' }))).rejects.toMatchObject({ name: 'AccessDenied' });
  expect(fx.names()).toContainEqual({ logical: 'bucket:files', value: bucket.name });
  expect(readLedger(session.ledger.file).entries.filter((e) => e.kind === 's3-bucket').map((e) => [e.op, e.name])).toEqual([
    ['creating', bucket.name],
    ['created', bucket.name],
  ]);

  const torn = await session.close();
  expect(torn.failures).toEqual([]);
  expect(readdirSync(ledgerDir)).toEqual([]);
});

test('sweep finds a bucket a crashed run left by its ledger, and an unledgered idchain- bucket by prefix and age; both emptied and deleted', async () => {
  const ledgerDir = join(work, 'sweep');
  const session = await openSession({ runId: 'b0c0a002', ledgerDir });
  const { s3 } = session.clients;
  try {
    await session.provision({ buckets: { left: { objects: { 'a.txt': 'a' } } } }, 'crash');
    const other = await openSession({ target: session.target, runId: 'b0c0a003', ledgerDir: join(work, 'elsewhere') });
    await other.provision({ buckets: { orphan: { objects: { 'b.txt': 'b' } } } }, 'gone');
    await other.release(); // "crashed": its ledger is elsewhere, so only the prefix finds its bucket
    const later = new Date(Date.now() + 3 * 3_600_000);
    const place = { target: 'reference', targetKind: 'emulator' as const, endpoint: session.target.endpoint, region: session.target.region, services: session.target.services };
    const reach = async () => ({ clients: session.clients, account: session.account, close: async () => {} });
    const done = await sweep({ ledgerDir, select: { target: 'reference' }, scan: place, olderThanMs: 7_200_000, now: later, dryRun: false, reach });
    const swept = [
      ...done.ledgers.flatMap((l) => l.resources.map((r) => [r.kind, r.name, 'ledger', r.status])),
      ...(done.scan?.resources ?? []).map((r) => [r.kind, r.name, 'prefix', r.status]),
    ];
    expect(swept.sort()).toEqual([
      ['s3-bucket', 'idchain-b0c0a002-crash-left', 'ledger', 'deleted'],
      ['s3-bucket', 'idchain-b0c0a003-gone-orphan', 'prefix', 'deleted'],
    ]);
    expect(done.ledgers.map((l) => l.state)).toEqual(['removed']);
    expect((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
  } finally {
    await session.release();
  }
});

test('a resource the target does not implement is left out: cases using it are unsupported with its answer, the rest of the fixture is made', async () => {
  const session = await openSession({ runId: 'b0c0a004', ledgerDir: join(work, 'partial') });
  // What moto answers for SetIdentityPoolRoles: an HTML 500 the SDK cannot parse.
  session.clients.identity.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== SetIdentityPoolRolesCommand.name) return next(args);
      throw Object.assign(new Error('Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.'), {
        name: 'SyntaxError',
        $response: { statusCode: 500, headers: { 'content-type': 'text/html' } },
        $responseBodyText: '<!doctype html><title>500 Internal Server Error</title>',
      });
    },
    { step: 'initialize', name: 'notImplementedForTest' },
  );
  try {
    const fx = await session.provision(
      {
        userPools: { up: { clients: { web: { authFlows: ['USER_PASSWORD_AUTH'] } } } },
        identityPools: { ip: { providers: [{ userPool: 'up', client: 'web' }], roles: { authenticated: 'member' }, principalTags: [{ userPool: 'up', useDefaults: true }] } },
        roles: { member: { trust: { identityPools: ['ip'], amr: 'authenticated' } } },
        buckets: { kept: {} },
      },
      'partial',
    );
    expect(fx.role('member').name).toBe('idchain-b0c0a004-partial-member');
    expect(fx.resource<{ name: string }>('s3-bucket', 'kept').name).toBe('idchain-b0c0a004-partial-kept');
    let aborted: unknown;
    try {
      fx.identityPool('ip');
    } catch (err) {
      aborted = err;
    }
    expect(aborted).toBeInstanceOf(CaseAborted);
    expect((aborted as CaseAborted).finding).toMatchObject({ kind: 'unsupported', path: 'fixture.identity pool ip', actual: expect.stringMatching(/^roles of identity pool ip: HTTP 500 HTML page/) });
  } finally {
    expect((await session.close()).failures).toEqual([]);
  }
});
