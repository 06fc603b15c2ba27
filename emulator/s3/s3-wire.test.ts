// S3 on the wire, without sockets: requests signed here with the SDK's own
// SigV4 signer (@smithy/signature-v4, as the S3 client configures it: the path
// signed as sent) and handed to the emulator's router. Covers the payload modes
// of x-amz-content-sha256 [doc: S3-API "Authenticating Requests (AWS Signature
// Version 4)", "… Chunked Upload", "… trailing headers"], addressing and
// anonymous requests. Chunk signatures come from aws-chunked.ts, whose formula
// aws-chunked.test.ts checks against the S3-API worked example.
import { createHash } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { IncomingRequest } from '../auth/sigv4';
import { bootstrapAdmin } from '../bootstrap';
import { ManualClock } from '../clock';
import { createServices } from '../index';
import { createRouter } from '../router';
import { createState } from '../state';
import { signingKey } from '../auth/canonical-request';
import { chunkSignature, trailerSignature, type ChunkSigning } from './aws-chunked';
import { checksumOf } from './checksums';

const clock = new ManualClock(Date.now());
const state = createState({ accountId: '123456789012', region: 'us-east-1', clock, mutants: new Set() });
const keys = bootstrapAdmin(state);
const handle = createRouter(state, createServices(state));
const HOST = 'localhost:4566';
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

interface Wire {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Buffer;
  payloadHash?: string;
  region?: string;
}

/** Sign a request as the bootstrap admin; answers it with the signature and signing inputs. */
async function sign(w: Wire): Promise<{ request: IncomingRequest; signing: ChunkSigning }> {
  const region = w.region ?? 'us-east-1';
  const body = w.body ?? Buffer.alloc(0);
  const signer = new SignatureV4({ credentials: keys, region, service: 's3', sha256: Sha256, uriEscapePath: false, applyChecksum: false });
  const headers: Record<string, string> = { host: HOST, 'x-amz-content-sha256': w.payloadHash ?? sha256(body), ...w.headers };
  const signed = await signer.sign({ method: w.method, protocol: 'http:', hostname: 'localhost', port: 4566, path: w.path, query: w.query ?? {}, headers, body }, { signingDate: clock.now() });
  const out = signed.headers as Record<string, string>;
  const m = /Credential=[^/]+\/(\d{8})\/([^/]+)\/s3\/aws4_request.*Signature=([0-9a-f]{64})/.exec(out['authorization'])!;
  const signing = { key: signingKey(keys.secretAccessKey, { date: m[1], region: m[2], service: 's3' }), amzDate: out['x-amz-date'], scope: `${m[1]}/${m[2]}/s3/aws4_request`, seedSignature: m[3] };
  return { request: { method: w.method, path: w.path, query: w.query ?? {}, headers: out, body: body.toString('utf8'), bodyBytes: body }, signing };
}

async function send(w: Wire) {
  const answer = await handle((await sign(w)).request);
  return { status: answer.status, code: /<Code>([^<]+)<\/Code>/.exec(answer.body)?.[1], body: answer.body, bytes: answer.bodyBytes };
}

const errorOf = (answer: { status: number; body: string }) => ({
  status: answer.status,
  code: /<Code>([^<]+)<\/Code>/.exec(answer.body)?.[1],
  message: /<Message>([^<]*)<\/Message>/.exec(answer.body)?.[1],
});

/** An aws-chunked body of these chunks, signed along the chain (or with `tamper` applied to chunk i's signature). */
function signedChunks(signing: ChunkSigning, chunks: Buffer[], tamper?: number): Buffer {
  let previous = signing.seedSignature;
  const parts: Buffer[] = [];
  for (const [i, data] of [...chunks, Buffer.alloc(0)].entries()) {
    const signature = chunkSignature(signing, previous, data);
    previous = signature;
    const sent = i === tamper ? signature.replace(/^./, (c) => (c === '0' ? '1' : '0')) : signature;
    parts.push(Buffer.from(`${data.length.toString(16)};chunk-signature=${sent}\r\n`), data, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** Sign the headers of a streaming PUT first (the body is not part of the seed signature), then build the body from the seed. */
async function streamingPut(key: string, mode: string, makeBody: (signing: ChunkSigning) => Buffer, extra: Record<string, string> = {}) {
  const decoded = extra['x-amz-decoded-content-length'];
  const { request, signing } = await sign({
    method: 'PUT',
    path: `/idchain-wire/${key}`,
    payloadHash: mode,
    headers: { 'content-encoding': 'aws-chunked', 'x-amz-decoded-content-length': decoded ?? '12', ...extra },
  });
  const body = makeBody(signing);
  const answer = await handle({ ...request, body: body.toString('utf8'), bodyBytes: body });
  return answer;
}

const get = async (key: string) => send({ method: 'GET', path: `/idchain-wire/${key}` });
const hello = [Buffer.from('hello '), Buffer.from('stream')];

beforeAll(async () => {
  expect((await send({ method: 'PUT', path: '/idchain-wire' })).status).toBe(200);
});

describe('x-amz-content-sha256', () => {
  test('the SHA-256 of the body: accepted when it matches', async () => {
    expect((await send({ method: 'PUT', path: '/idchain-wire/hashed', body: Buffer.from('payload') })).status).toBe(200);
    expect((await get('hashed')).bytes?.toString()).toBe('payload');
  });

  test('a hash the body does not have is XAmzContentSHA256Mismatch (400) with both hashes [obs: grosskur/lua-resty-aws#2]', async () => {
    const answer = await send({ method: 'PUT', path: '/idchain-wire/lied', body: Buffer.from('payload'), payloadHash: sha256('something else') });
    expect(errorOf(answer)).toEqual({ status: 400, code: 'XAmzContentSHA256Mismatch', message: "The provided 'x-amz-content-sha256' header does not match what was computed." });
    expect(answer.body).toContain(`<ClientComputedContentSHA256>${sha256('something else')}</ClientComputedContentSHA256><S3ComputedContentSHA256>${sha256('payload')}</S3ComputedContentSHA256>`);
    expect((await get('lied')).status).toBe(404);
  });

  test('UNSIGNED-PAYLOAD: the body is taken as sent', async () => {
    expect((await send({ method: 'PUT', path: '/idchain-wire/unsigned', body: Buffer.from('as is'), payloadHash: 'UNSIGNED-PAYLOAD' })).status).toBe(200);
    expect((await get('unsigned')).bytes?.toString()).toBe('as is');
  });

  test('a signed S3 request without the header is InvalidRequest (400)', async () => {
    const { request } = await sign({ method: 'GET', path: '/idchain-wire/hashed' });
    delete request.headers['x-amz-content-sha256'];
    expect(errorOf(await handle(request))).toEqual({ status: 400, code: 'InvalidRequest', message: 'Missing required header for this request: x-amz-content-sha256' });
  });
});

describe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD (signed chunks)', () => {
  test('chunks signed along the chain are decoded and stored', async () => {
    const answer = await streamingPut('chunked', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', (s) => signedChunks(s, hello));
    expect(answer.status).toBe(200);
    expect((await get('chunked')).bytes?.toString()).toBe('hello stream');
  });

  test('one tampered chunk signature is SignatureDoesNotMatch (403), and nothing is stored', async () => {
    const answer = await streamingPut('tampered', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', (s) => signedChunks(s, hello, 1));
    expect(errorOf(answer)).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect((await get('tampered')).status).toBe(404);
  });

  test('a decoded length other than x-amz-decoded-content-length is IncompleteBody (400)', async () => {
    const answer = await streamingPut('short', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', (s) => signedChunks(s, hello), { 'x-amz-decoded-content-length': '13' });
    expect(errorOf(answer)).toMatchObject({ status: 400, code: 'IncompleteBody' });
  });
});

describe('trailing checksums', () => {
  const crc = checksumOf('x-amz-checksum-crc32', Buffer.from('hello stream'));
  const trailer = { 'x-amz-trailer': 'x-amz-checksum-crc32' };
  /** Signed chunks, then the trailer and its signature. */
  function withSignedTrailer(s: ChunkSigning, value: string, tamperTrailer = false): Buffer {
    const chunks = signedChunks(s, hello);
    const lastSignature = /chunk-signature=([0-9a-f]{64})\r\n\r\n$/.exec(chunks.toString('latin1'))![1];
    const canonical = `x-amz-checksum-crc32:${value}\n`;
    const signature = trailerSignature(s, lastSignature, canonical).replace(/^./, (c) => (tamperTrailer ? (c === '0' ? '1' : '0') : c));
    return Buffer.concat([chunks.subarray(0, chunks.length - 2), Buffer.from(`x-amz-checksum-crc32:${value}\r\nx-amz-trailer-signature:${signature}\r\n\r\n`)]);
  }

  test('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER: signed trailer verified, checksum kept', async () => {
    const answer = await streamingPut('trailed', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', (s) => withSignedTrailer(s, crc), trailer);
    expect([answer.status, answer.headers['x-amz-checksum-crc32']]).toEqual([200, crc]);
  });

  test('a tampered trailer signature is SignatureDoesNotMatch (403)', async () => {
    const answer = await streamingPut('trailer-forged', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', (s) => withSignedTrailer(s, crc, true), trailer);
    expect(errorOf(answer)).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });

  test('a correctly signed trailer with the wrong CRC32 is BadDigest (400)', async () => {
    const answer = await streamingPut('trailer-wrong', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', (s) => withSignedTrailer(s, 'AAAAAA=='), trailer);
    expect(errorOf(answer)).toEqual({ status: 400, code: 'BadDigest', message: 'The CRC32 you specified did not match the calculated checksum.' });
  });

  test('STREAMING-UNSIGNED-PAYLOAD-TRAILER: the SDK default for streams, trailer checksum verified', async () => {
    const body = (value: string) => () => Buffer.from(`6\r\nhello \r\n6\r\nstream\r\n0\r\nx-amz-checksum-crc32:${value}\r\n\r\n`);
    expect((await streamingPut('sdk-style', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', body(crc), trailer)).status).toBe(200);
    expect(errorOf(await streamingPut('sdk-style-bad', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', body('AAAAAA=='), trailer))).toMatchObject({ status: 400, code: 'BadDigest' });
  });
});

describe('addressing, Regions and anonymous requests', () => {
  test('a key with spaces and non-ASCII characters is signed and addressed percent-encoded', async () => {
    const path = `/idchain-wire/${encodeURIComponent('dir/naïve name.txt').replace(/%2F/g, '/')}`;
    expect((await send({ method: 'PUT', path, body: Buffer.from('ok') })).status).toBe(200);
    const listed = await send({ method: 'GET', path: '/idchain-wire', query: { 'list-type': '2', prefix: 'dir/' } });
    expect(listed.body).toContain('<Key>dir/naïve name.txt</Key>');
  });

  test('virtual-hosted style: <bucket>.localhost names the bucket, the path is the key', async () => {
    const { request } = await sign({ method: 'GET', path: '/hashed', headers: { host: 'idchain-wire.localhost:4566' } });
    const answer = await handle(request);
    expect([answer.status, answer.bodyBytes?.toString()]).toEqual([200, 'payload']);
  });

  test('an anonymous request is "Access Denied" (403) until a bucket policy grants "*"', async () => {
    const anonymous: IncomingRequest = { method: 'GET', path: '/idchain-wire/hashed', query: {}, headers: { host: HOST }, body: '' };
    expect(errorOf(await handle(anonymous))).toEqual({ status: 403, code: 'AccessDenied', message: 'Access Denied' });
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::idchain-wire/hashed' }] });
    expect((await send({ method: 'PUT', path: '/idchain-wire', query: { policy: '' }, body: Buffer.from(policy) })).status).toBe(204);
    expect((await handle(anonymous)).bodyBytes?.toString()).toBe('payload');
  });

  test('a GET signed for another service is AuthorizationHeaderMalformed (400)', async () => {
    const { request } = await sign({ method: 'GET', path: '/idchain-wire/hashed' });
    request.headers['authorization'] = request.headers['authorization']!.replace('/s3/aws4_request', '/iam/aws4_request');
    expect(errorOf(await handle(request))).toMatchObject({ status: 400, code: 'AuthorizationHeaderMalformed' });
  });

  test('an operation the emulator does not model is NotImplemented (501)', async () => {
    expect(errorOf(await send({ method: 'GET', path: '/idchain-wire', query: { versioning: '' } }))).toMatchObject({ status: 501, code: 'NotImplemented' });
  });
});
