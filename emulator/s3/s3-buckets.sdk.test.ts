// Bucket operations through @aws-sdk/client-s3 (path-style) against a started
// emulator. Expected values: S3-API (each operation, "Error responses"), S3
// User Guide "General purpose bucket naming rules"; where a message is AWS's
// wire text the source is next to it.
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketPolicyCommand,
  DeleteBucketTaggingCommand,
  GetBucketAbacCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutBucketAbacCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  DeleteObjectCommand,
} from '@aws-sdk/client-s3';
import { s3Rejection, startS3World, type S3World } from './s3-test-support';

let world: S3World;
beforeAll(async () => {
  world = await startS3World();
});
afterAll(() => world.stop());

const admin = () => ({ AccessKeyId: world.emu.credentials.accessKeyId, SecretAccessKey: world.emu.credentials.secretAccessKey });

describe('CreateBucket, HeadBucket, ListBuckets, DeleteBucket', () => {
  test('a bucket is created, answers HeadBucket with its Region, is listed, and is deleted', async () => {
    const created = await world.s3.send(new CreateBucketCommand({ Bucket: 'idchain-life' }));
    expect(created.Location).toBe('/idchain-life');
    const head = await world.s3.send(new HeadBucketCommand({ Bucket: 'idchain-life' }));
    expect(head.BucketRegion).toBe('us-east-1');
    const listed = await world.s3.send(new ListBucketsCommand({}));
    expect(listed.Buckets?.map((b) => [b.Name, b.BucketRegion])).toContainEqual(['idchain-life', 'us-east-1']);
    expect(listed.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    await world.s3.send(new DeleteBucketCommand({ Bucket: 'idchain-life' }));
    expect((await s3Rejection(world.s3.send(new HeadBucketCommand({ Bucket: 'idchain-life' })))).status).toBe(404);
  });

  test('a name against the naming rules is InvalidBucketName (400)', async () => {
    for (const name of ['Upper-Case', 'ab', 'bad..dots', '10.0.0.1', 'xn--reserved']) {
      expect(await s3Rejection(world.s3.send(new CreateBucketCommand({ Bucket: name })))).toMatchObject({
        code: 'InvalidBucketName',
        status: 400,
        message: 'The specified bucket is not valid.',
      });
    }
  });

  test('us-east-1 re-creating a bucket one owns answers 200 "for legacy compatibility"', async () => {
    await world.s3.send(new CreateBucketCommand({ Bucket: 'idchain-twice' }));
    await expect(world.s3.send(new CreateBucketCommand({ Bucket: 'idchain-twice' }))).resolves.toMatchObject({ Location: '/idchain-twice' });
  });

  // The emulator's endpoint is us-east-1's, which creates buckets in any Region; a bucket
  // is then reached signed for its own Region (authenticate.ts, s3-signing.test.ts).
  test('elsewhere it is BucketAlreadyOwnedByYou (409)', async () => {
    const eu = world.s3As(admin(), 'eu-west-1');
    const config = { LocationConstraint: 'eu-west-1' as const };
    await world.s3.send(new CreateBucketCommand({ Bucket: 'idchain-eu', CreateBucketConfiguration: config }));
    expect(await s3Rejection(eu.send(new CreateBucketCommand({ Bucket: 'idchain-eu', CreateBucketConfiguration: config })))).toMatchObject({
      name: 'BucketAlreadyOwnedByYou',
      status: 409,
      message: 'Your previous request to create the named bucket succeeded and you already own it.',
    });
    expect((await eu.send(new HeadBucketCommand({ Bucket: 'idchain-eu' }))).BucketRegion).toBe('eu-west-1');
  });

  // Another Region's endpoint must be named by its own Region: an emulator in us-west-2, in s3-signing.test.ts.
  test('LocationConstraint rules: us-east-1 must not name itself', async () => {
    expect(await s3Rejection(world.s3.send(new CreateBucketCommand({ Bucket: 'idchain-lc1', CreateBucketConfiguration: { LocationConstraint: 'us-east-1' as never } })))).toMatchObject({
      code: 'InvalidLocationConstraint',
      status: 400,
      message: 'The specified location-constraint is not valid',
    });
  });

  test('a request signed for another Region than the bucket\'s is AuthorizationHeaderMalformed naming both', async () => {
    await world.s3.send(new CreateBucketCommand({ Bucket: 'idchain-far', CreateBucketConfiguration: { LocationConstraint: 'ap-southeast-2' } }));
    expect(await s3Rejection(world.s3.send(new GetBucketTaggingCommand({ Bucket: 'idchain-far' })))).toMatchObject({
      code: 'AuthorizationHeaderMalformed',
      status: 400,
      message: "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'ap-southeast-2'",
    });
  });

  test('NoSuchBucket (404) names the bucket; a bucket with objects is BucketNotEmpty (409)', async () => {
    expect(await s3Rejection(world.s3.send(new DeleteBucketCommand({ Bucket: 'idchain-never-made' })))).toMatchObject({
      name: 'NoSuchBucket',
      status: 404,
      message: 'The specified bucket does not exist',
    });
    await world.s3.send(new CreateBucketCommand({ Bucket: 'idchain-full' }));
    await world.s3.send(new PutObjectCommand({ Bucket: 'idchain-full', Key: 'k', Body: 'x' }));
    expect(await s3Rejection(world.s3.send(new DeleteBucketCommand({ Bucket: 'idchain-full' })))).toMatchObject({
      code: 'BucketNotEmpty',
      status: 409,
      message: 'The bucket you tried to delete is not empty',
    });
    await world.s3.send(new DeleteObjectCommand({ Bucket: 'idchain-full', Key: 'k' }));
    await expect(world.s3.send(new DeleteBucketCommand({ Bucket: 'idchain-full' }))).resolves.toBeDefined();
  });
});

describe('bucket policy', () => {
  const bucket = 'idchain-policy';
  const policy = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*`, ...statement }] });
  beforeAll(() => world.s3.send(new CreateBucketCommand({ Bucket: bucket })));

  test('put, get back as sent, delete; then NoSuchBucketPolicy (404)', async () => {
    const text = policy({});
    await world.s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: text }));
    expect((await world.s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy).toBe(text);
    await world.s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
    expect(await s3Rejection(world.s3.send(new GetBucketPolicyCommand({ Bucket: bucket })))).toMatchObject({
      code: 'NoSuchBucketPolicy',
      status: 404,
      message: 'The bucket policy does not exist',
    });
  });

  test.each([
    ['not JSON', '{"Version": ', "Policies must be valid JSON and the first byte must be '{'"],
    ['no Principal', policy({ Principal: undefined }), 'Missing required field Principal'],
    ['a resource of another bucket', policy({ Resource: 'arn:aws:s3:::someone-else/*' }), 'Policy has invalid resource'],
    ['a role that does not exist', policy({ Principal: { AWS: 'arn:aws:iam::123456789012:role/NoSuchRole' } }), 'Invalid principal in policy'],
    ['an object action on the bucket ARN only', policy({ Resource: `arn:aws:s3:::${bucket}` }), 'Action does not apply to any resource(s) in statement'],
  ])('MalformedPolicy (400) for %s', async (_what, text, message) => {
    expect(await s3Rejection(world.s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: text })))).toMatchObject({ code: 'MalformedPolicy', status: 400, message });
  });
});

describe('bucket tagging and ABAC', () => {
  const bucket = 'idchain-tags';
  beforeAll(() => world.s3.send(new CreateBucketCommand({ Bucket: bucket })));

  test('no tags is NoSuchTagSet (404); put, get, delete', async () => {
    expect(await s3Rejection(world.s3.send(new GetBucketTaggingCommand({ Bucket: bucket })))).toMatchObject({
      code: 'NoSuchTagSet',
      status: 404,
      message: 'The TagSet does not exist',
    });
    const TagSet = [
      { Key: 'idchain:run', Value: 'r1' },
      { Key: 'team', Value: 'blue' },
    ];
    await world.s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet } }));
    expect((await world.s3.send(new GetBucketTaggingCommand({ Bucket: bucket }))).TagSet).toEqual(TagSet);
    await world.s3.send(new DeleteBucketTaggingCommand({ Bucket: bucket }));
    expect((await s3Rejection(world.s3.send(new GetBucketTaggingCommand({ Bucket: bucket })))).code).toBe('NoSuchTagSet');
  });

  test('duplicate keys and aws: keys are InvalidTag (400)', async () => {
    const dup = { TagSet: [{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }] };
    expect(await s3Rejection(world.s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: dup })))).toMatchObject({
      code: 'InvalidTag',
      status: 400,
      message: 'Cannot provide multiple Tags with the same key',
    });
    const system = { TagSet: [{ Key: 'aws:cloudformation:stack-name', Value: 's' }] };
    expect(await s3Rejection(world.s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: system })))).toMatchObject({
      code: 'InvalidTag',
      message: 'System tags cannot be added/updated by requester',
    });
  });

  test('ABAC is Disabled until enabled [doc: S3 User Guide "Enabling ABAC in general purpose buckets"]', async () => {
    expect((await world.s3.send(new GetBucketAbacCommand({ Bucket: bucket }))).AbacStatus?.Status).toBe('Disabled');
    await world.s3.send(new PutBucketAbacCommand({ Bucket: bucket, AbacStatus: { Status: 'Enabled' } }));
    expect((await world.s3.send(new GetBucketAbacCommand({ Bucket: bucket }))).AbacStatus?.Status).toBe('Enabled');
  });
});
