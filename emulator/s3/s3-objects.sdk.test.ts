// Objects, listings and authentication errors through @aws-sdk/client-s3 against
// a started emulator. Expected values: S3-API (PutObject, GetObject, HeadObject,
// DeleteObject, ListObjectsV2, "Error responses"); wire sources are next to them.
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { allow, s3Rejection, startS3World, type S3World } from './s3-test-support';

let world: S3World;
const bucket = 'idchain-objects';
beforeAll(async () => {
  world = await startS3World();
  await world.s3.send(new CreateBucketCommand({ Bucket: bucket }));
});
afterAll(() => world.stop());

/** Record the headers each request went out with, after signing (SDK middleware, no monkey-patching). */
function recordHeaders(client: S3Client): Record<string, string>[] {
  const sent: Record<string, string>[] = [];
  client.middlewareStack.addRelativeTo(
    ((next: (a: unknown) => Promise<unknown>) => async (args: { request?: { headers?: Record<string, string> } }) => {
      sent.push({ ...args.request?.headers });
      return next(args);
    }) as never,
    { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'idchainRecordHeaders' },
  );
  return sent;
}

describe('PutObject, GetObject, HeadObject, DeleteObject', () => {
  test('the ETag is the quoted MD5 of the body; content type and metadata come back', async () => {
    // MD5("hello world") = 5eb63bbbe01eeed093cb22bb8f5acdc3 [RFC 1321 arithmetic, any md5 tool]
    const put = await world.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'docs/hello world.txt', Body: 'hello world', ContentType: 'text/plain', Metadata: { owner: 'alice' } }));
    expect(put.ETag).toBe('"5eb63bbbe01eeed093cb22bb8f5acdc3"');
    expect(put.ChecksumCRC32).toBe('DUoRhQ==');
    const got = await world.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'docs/hello world.txt' }));
    expect([await got.Body!.transformToString(), got.ContentType, got.ContentLength, got.ETag, got.Metadata]).toEqual([
      'hello world',
      'text/plain',
      11,
      '"5eb63bbbe01eeed093cb22bb8f5acdc3"',
      { owner: 'alice' },
    ]);
    const head = await world.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'docs/hello world.txt' }));
    expect([head.ContentLength, head.ETag, head.AcceptRanges]).toEqual([11, '"5eb63bbbe01eeed093cb22bb8f5acdc3"', 'bytes']);
  });

  test('binary bodies round-trip byte for byte', async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    await world.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'bin', Body: bytes }));
    const got = await world.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'bin' }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(Buffer.from(bytes))).toBe(true);
  });

  test('a stream is sent aws-chunked with a CRC32 trailer by default, decoded and verified', async () => {
    const client = world.s3As({ AccessKeyId: world.emu.credentials.accessKeyId, SecretAccessKey: world.emu.credentials.secretAccessKey });
    const sent = recordHeaders(client);
    const put = await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'streamed', ContentLength: 12, Body: Readable.from([Buffer.from('hello '), Buffer.from('stream')]) }));
    expect(sent[0]['x-amz-content-sha256']).toBe('STREAMING-UNSIGNED-PAYLOAD-TRAILER');
    expect(sent[0]['x-amz-trailer']).toBe('x-amz-checksum-crc32');
    // MD5("hello stream") = 81e8ddf996a08077ad1fd7fb6bc493f3
    expect(put.ETag).toBe('"81e8ddf996a08077ad1fd7fb6bc493f3"');
    expect(await (await client.send(new GetObjectCommand({ Bucket: bucket, Key: 'streamed' }))).Body!.transformToString()).toBe('hello stream');
  });

  test('a checksum that does not match the body is BadDigest (400) [obs: aws/aws-sdk-ruby#3322]', async () => {
    expect(await s3Rejection(world.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'bad', Body: 'hello', ChecksumCRC32: 'AAAAAA==' })))).toMatchObject({
      code: 'BadDigest',
      status: 400,
      message: 'The CRC32 you specified did not match the calculated checksum.',
    });
    await expect(world.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'bad' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
  });

  test('a single byte Range answers 206 with Content-Range; one past the end is InvalidRange (416)', async () => {
    await world.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'digits', Body: '0123456789' }));
    const part = await world.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'digits', Range: 'bytes=2-5' }));
    expect([part.$metadata.httpStatusCode, part.ContentRange, await part.Body!.transformToString()]).toEqual([206, 'bytes 2-5/10', '2345']);
    const tail = await world.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'digits', Range: 'bytes=-3' }));
    expect(await tail.Body!.transformToString()).toBe('789');
    expect(await s3Rejection(world.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'digits', Range: 'bytes=10-' })))).toMatchObject({
      code: 'InvalidRange',
      status: 416,
      message: 'The requested range is not satisfiable',
    });
  });

  test('a missing key is NoSuchKey (404) for a caller who may list the bucket; DeleteObject of it is still 204', async () => {
    expect(await s3Rejection(world.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'never' })))).toMatchObject({
      name: 'NoSuchKey',
      status: 404,
      message: 'The specified key does not exist.',
    });
    expect((await s3Rejection(world.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'never' })))).status).toBe(404);
    expect((await world.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'never' }))).$metadata.httpStatusCode).toBe(204);
  });

  test('without s3:ListBucket a missing key is AccessDenied (403), not NoSuchKey [doc: S3-API GetObject]', async () => {
    const reader = await world.roleWith('idchain-reader', [allow('s3:GetObject', `arn:aws:s3:::${bucket}/*`)]);
    const { creds, arn } = await world.assume(reader);
    const s3 = world.s3As(creds);
    expect(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'digits' }))).Body!.transformToString()).toBe('0123456789');
    expect(await s3Rejection(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'never' })))).toMatchObject({
      code: 'AccessDenied',
      status: 403,
      message: `User: ${arn} is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::${bucket}" because no identity-based policy allows the s3:ListBucket action`,
    });
  });
});

describe('ListObjectsV2', () => {
  const listing = 'idchain-listing';
  beforeAll(async () => {
    await world.s3.send(new CreateBucketCommand({ Bucket: listing }));
    for (const key of ['a.txt', 'photos/2024/jan.jpg', 'photos/2024/feb.jpg', 'photos/2025/mar.jpg', 'photos/cover.jpg', 'z.txt', 'with space.txt']) {
      await world.s3.send(new PutObjectCommand({ Bucket: listing, Key: key, Body: key }));
    }
  });

  test('keys in UTF-8 binary order, with Size and the STANDARD storage class', async () => {
    const out = await world.s3.send(new ListObjectsV2Command({ Bucket: listing }));
    expect(out.Contents?.map((c) => c.Key)).toEqual(['a.txt', 'photos/2024/feb.jpg', 'photos/2024/jan.jpg', 'photos/2025/mar.jpg', 'photos/cover.jpg', 'with space.txt', 'z.txt']);
    expect(out.Contents?.[0]).toMatchObject({ Size: 5, StorageClass: 'STANDARD' });
    expect([out.KeyCount, out.IsTruncated, out.MaxKeys]).toEqual([7, false, 1000]);
  });

  test('prefix and delimiter roll deeper keys into CommonPrefixes', async () => {
    const out = await world.s3.send(new ListObjectsV2Command({ Bucket: listing, Prefix: 'photos/', Delimiter: '/' }));
    expect(out.Contents?.map((c) => c.Key)).toEqual(['photos/cover.jpg']);
    expect(out.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['photos/2024/', 'photos/2025/']);
    expect(out.KeyCount).toBe(3);
  });

  test('max-keys pages through keys and common prefixes with continuation tokens', async () => {
    const pages: string[][] = [];
    let token: string | undefined;
    do {
      const page = await world.s3.send(new ListObjectsV2Command({ Bucket: listing, Delimiter: '/', MaxKeys: 3, ContinuationToken: token }));
      pages.push([...(page.Contents ?? []).map((c) => c.Key!), ...(page.CommonPrefixes ?? []).map((p) => p.Prefix!)]);
      token = page.NextContinuationToken;
      expect(page.IsTruncated).toBe(token !== undefined);
    } while (token);
    // Four entries (three keys and photos/, counted once), three to a page.
    expect(pages).toEqual([['a.txt', 'with space.txt', 'photos/'], ['z.txt']]);
  });

  test('start-after skips keys up to and including it', async () => {
    const out = await world.s3.send(new ListObjectsV2Command({ Bucket: listing, StartAfter: 'photos/cover.jpg' }));
    expect(out.Contents?.map((c) => c.Key)).toEqual(['with space.txt', 'z.txt']);
    expect(out.StartAfter).toBe('photos/cover.jpg');
  });

  test('a continuation token S3 did not hand out is InvalidArgument (400)', async () => {
    expect(await s3Rejection(world.s3.send(new ListObjectsV2Command({ Bucket: listing, ContinuationToken: 'not-a-token' })))).toMatchObject({
      code: 'InvalidArgument',
      status: 400,
      message: 'The continuation token provided is incorrect',
    });
  });
});

describe('authentication errors, in S3\'s words', () => {
  test('a key the emulator never issued is InvalidAccessKeyId (403)', async () => {
    const stranger = world.s3As({ AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
    expect(await s3Rejection(stranger.send(new ListBucketsCommand({})))).toMatchObject({
      code: 'InvalidAccessKeyId',
      status: 403,
      message: 'The AWS Access Key Id you provided does not exist in our records.',
    });
  });

  test('a wrong secret is SignatureDoesNotMatch (403)', async () => {
    const wrong = world.s3As({ AccessKeyId: world.emu.credentials.accessKeyId, SecretAccessKey: 'not-the-secret-not-the-secret-not-the-se' });
    expect(await s3Rejection(wrong.send(new ListBucketsCommand({})))).toMatchObject({
      code: 'SignatureDoesNotMatch',
      status: 403,
      message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    });
  });

  test('a wrong session token is InvalidToken (400); expired credentials are ExpiredToken (400)', async () => {
    const role = await world.roleWith('idchain-lister', [allow('s3:ListAllMyBuckets', '*')]);
    const { creds } = await world.assume(role);
    await expect(world.s3As(creds).send(new ListBucketsCommand({}))).resolves.toBeDefined();
    expect(await s3Rejection(world.s3As({ ...creds, SessionToken: 'IQoJnot-the-token' }).send(new ListBucketsCommand({})))).toMatchObject({
      code: 'InvalidToken',
      status: 400,
      message: 'The provided token is malformed or otherwise invalid.',
    });
    world.clock.advance(3601 * 1000);
    expect(await s3Rejection(world.s3As(creds).send(new ListBucketsCommand({})))).toMatchObject({ code: 'ExpiredToken', status: 400, message: 'The provided token has expired.' });
  });
});
