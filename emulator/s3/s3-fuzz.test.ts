// Seeded fuzzing of the emulator's S3: a few hundred malformed S3 requests —
// bad XML bodies (truncated, nested, entity bombs, wrong roots), bad
// aws-chunked framing (sizes, CRLFs, signatures, trailers, decoded lengths),
// bad bucket names, path traversal and broken percent-encoding in keys, odd
// subresources and payload modes, signed, anonymous, stale or scoped
// elsewhere — through the socket-free router, and some through the real
// listener. Every answer must be S3's own <Error> document (or a success),
// never a 5xx but S3's deliberate NotImplemented (501); the process lives,
// the admin key still works, and no prototype is written to. Keys are opaque
// names: `..` never reaches another bucket. The seed is fixed, so a failure replays.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { IncomingRequest } from '../auth/sigv4';
import { bootstrapAdmin } from '../bootstrap';
import { ManualClock } from '../clock';
import { createServices, startEmulator } from '../index';
import { createRouter } from '../router';
import { awsErrorOf, send, type RawAnswer } from '../security-test-support';
import { createState } from '../state';

const SEED = 20_261_202;
const NOW = new Date(Date.UTC(2026, 0, 1, 12));
const clock = new ManualClock(NOW);
const state = createState({ accountId: '123456789012', region: 'us-east-1', clock, mutants: new Set() });
const admin = bootstrapAdmin(state);
const handle = createRouter(state, createServices(state));
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

const BUCKETS = ['idchain-fuzz', 'idchain-other', 'Idchain-Upper', 'ab', 'a'.repeat(64), '192.168.0.1', 'xn--bucket', 'bucket-s3alias', 'a..b', '-dash', 'under_score', 'ünï', '..', '.', '%2e%2e', '', '%zz'];
const KEYS = ['k', 'dir/k', '../idchain-other/secret', '..%2Fidchain-other%2Fsecret', '%2e%2e/%2e%2e/etc/passwd', '/../../etc/passwd', 'a/./b', 'a//b', '%00', '%zz', '%E0%A4%A', 'x'.repeat(1100), '__proto__', 'constructor/prototype', '?', '#frag', '%F0%9F%92%A9'];
const SUBRESOURCES = ['', 'policy', 'tagging', 'abac', 'list-type=2', 'list-type=2&prefix=..%2F&delimiter=%2F&max-keys=-1', 'list-type=2&continuation-token=%%%', 'list-type=2&max-keys=99999999999999999999', 'list-type=2&encoding-type=zip', 'acl', 'versioning', 'uploads', 'delete', 'x-id=GetObject', '__proto__=1', 'policy&tagging'];
const XML = [
  '',
  '<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>',
  '<Tagging><TagSet><Tag><Key>k</Key>',
  `${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`,
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><Tagging><TagSet><Tag><Key>&lol3;</Key><Value>v</Value></Tag></TagSet></Tagging>',
  '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Tagging><TagSet><Tag><Key>&xxe;</Key><Value>v</Value></Tag></TagSet></Tagging>',
  '<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>',
  '<CreateBucketConfiguration><LocationConstraint>../../</LocationConstraint></CreateBucketConfiguration>',
  '<AbacStatus><Status>Enabled</Status></AbacStatus>',
  '<AbacStatus><Status><Status>Enabled</Status></Status></AbacStatus>',
  '<Tagging><TagSet><Tag><Key>__proto__</Key><Value>x</Value></Tag><Tag><Key>constructor</Key><Value>y</Value></Tag></TagSet></Tagging>',
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::idchain-fuzz/*"}]}',
  '{"__proto__":{"polluted":1},"Statement":[]}',
  '{"Statement":',
  '\u0000\uffff\ud800',
  '<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet><Tag><Key></Key></Tag></TagSet></Tagging>',
];

/** aws-chunked bodies, well framed and not: sizes in hex or not, CRLFs missing, signatures absent or wrong, trailers broken. */
const chunked = fc.oneof(
  fc.constantFrom(
    '5;chunk-signature=00\r\nhello\r\n0;chunk-signature=00\r\n\r\n',
    'zz\r\nhello\r\n0\r\n\r\n',
    'ffffffffffffffff\r\nhello\r\n0\r\n\r\n',
    '-5\r\nhello\r\n0\r\n\r\n',
    '5\r\nhelloXX0\r\n\r\n',
    '5\r\nhello\r\n',
    '5\r\nhel',
    '0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n',
    '0\r\nx-amz-checksum-crc32\r\n\r\n',
    '0\r\nx-amz-trailer-signature:00\r\n\r\n',
    '',
    '\r\n\r\n\r\n',
  ),
  fc.string({ unit: 'binary', maxLength: 80 }),
);
const MODES = ['hash', 'wrong-hash', 'UNSIGNED-PAYLOAD', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD', 'garbage'] as const;
type Signing = 'admin' | 'anonymous' | 'stale' | 'other-region' | 'garbage';

const weighted = <T>(common: readonly T[], rare: readonly T[]) => fc.oneof({ arbitrary: fc.constantFrom(...common), weight: 4 }, { arbitrary: fc.constantFrom(...rare), weight: 1 });
const request = fc.record({
  method: fc.constantFrom('PUT', 'PUT', 'PUT', 'GET', 'GET', 'HEAD', 'DELETE', 'POST'),
  bucket: fc.oneof({ arbitrary: fc.constantFrom('idchain-fuzz', 'idchain-other'), weight: 4 }, { arbitrary: fc.constantFrom(...BUCKETS), weight: 2 }, { arbitrary: fc.string({ maxLength: 12 }).map(encodeURIComponent), weight: 1 }),
  key: fc.oneof(fc.constant<string | undefined>(undefined), fc.constantFrom(...KEYS), fc.string({ maxLength: 20 }).map(encodeURIComponent)),
  subresource: weighted(['', 'policy', 'tagging', 'abac', 'list-type=2'], SUBRESOURCES),
  body: fc.oneof({ arbitrary: fc.constantFrom(...XML), weight: 3 }, { arbitrary: chunked, weight: 2 }, { arbitrary: fc.string({ maxLength: 60 }), weight: 1 }),
  mode: weighted(['hash', 'hash', 'UNSIGNED-PAYLOAD', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD'], MODES),
  decodedLength: fc.constantFrom(undefined, '5', '0', '-1', 'abc', '99999999999'),
  extra: fc.oneof(
    fc.constant({}),
    fc.dictionary(fc.constantFrom('content-md5', 'x-amz-checksum-crc32', 'x-amz-trailer', 'content-encoding', 'range', 'x-amz-copy-source', 'x-amz-checksum-mode'), fc.constantFrom('', 'bytes=0-1', 'bytes=9-1', 'ENABLED', 'AAAAAA==', 'aws-chunked', 'x-amz-checksum-crc32', '/idchain-other/secret', '%%%'), { maxKeys: 2 }),
  ),
  signing: weighted<Signing>(['admin'], ['anonymous', 'stale', 'other-region', 'garbage']),
});
type Generated = typeof request extends fc.Arbitrary<infer T> ? T : never;

async function toIncoming(g: Generated, host: string, credentials = admin): Promise<IncomingRequest> {
  const path = `/${g.bucket}${g.key === undefined ? '' : `/${g.key}`}`;
  const rawQuery = g.subresource;
  const body = Buffer.from(g.body, 'utf8');
  const payloadHash = g.mode === 'hash' ? sha256(body) : g.mode === 'wrong-hash' ? sha256(Buffer.from('other')) : g.mode;
  const headers: Record<string, string> = { host, 'x-amz-content-sha256': payloadHash, ...g.extra };
  if (g.decodedLength !== undefined) headers['x-amz-decoded-content-length'] = g.decodedLength;
  const query = Object.fromEntries(new URLSearchParams(rawQuery));
  let signed = headers;
  if (g.signing === 'garbage') signed = { ...headers, authorization: 'AWS4-HMAC-SHA256 Credential=AKIA/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=zz', 'x-amz-date': '20260101T120000Z' };
  else if (g.signing !== 'anonymous') {
    const signer = new SignatureV4({ credentials, region: g.signing === 'other-region' ? 'eu-west-1' : 'us-east-1', service: 's3', sha256: Sha256, uriEscapePath: false, applyChecksum: false });
    const at = g.signing === 'stale' ? new Date(NOW.getTime() - 20 * 60_000) : NOW;
    const [hostname, port] = host.split(':');
    signed = (await signer.sign({ method: g.method, protocol: 'http:', hostname, port: Number(port), path, query, headers, body }, { signingDate: at })).headers as Record<string, string>;
  }
  const lower = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toLowerCase(), String(v)]));
  return { method: g.method, path, query, rawQuery, headers: lower, body: g.body, bodyBytes: body };
}

/**
 * Success, or S3's <Error> document; no 5xx but the deliberate NotImplemented.
 * A HEAD answer over HTTP carries no body (RFC 9110 §9.3.2): only its status is checked.
 */
function check(g: Generated, answer: RawAnswer, overHttp = false): void {
  if (overHttp && g.method === 'HEAD') return void expect([501, ...Array.from({ length: 400 }, (_, i) => 100 + i)]).toContain(answer.status);
  if (answer.status < 300) return;
  const error = awsErrorOf(answer);
  // A POST to `/` with no query string is IAM's and STS's (protocol/request-protocol.ts), not S3's.
  const protocol = g.method === 'POST' && g.bucket === '' && g.key === undefined && g.subresource === '' ? 'awsQuery' : 'restXml';
  expect({ status: answer.status, protocol: error?.protocol, body: answer.body.slice(0, 300) }).toMatchObject({ protocol });
  if (answer.status >= 500) expect({ status: answer.status, code: error?.code }).toEqual({ status: 501, code: 'NotImplemented' });
}

async function adminStillWorks(answer: (req: IncomingRequest) => Promise<RawAnswer>, host: string): Promise<void> {
  const reply = await answer(await toIncoming({ method: 'GET', bucket: '', key: undefined, subresource: '', body: '', mode: 'hash', decodedLength: undefined, extra: {}, signing: 'admin' }, host));
  expect([reply.status, reply.body]).toEqual([200, expect.stringContaining('<ListAllMyBucketsResult')]);
  expect(Object.keys(Object.prototype)).toEqual([]);
}

/** The two buckets the requests aim at; the fuzzing may delete them, so each test makes sure they are there. */
async function ensureBuckets(): Promise<void> {
  for (const bucket of ['idchain-fuzz', 'idchain-other']) {
    const g = { method: 'PUT' as const, bucket, key: undefined, subresource: '', body: '', mode: 'hash' as const, decodedLength: undefined, extra: {}, signing: 'admin' as const };
    expect((await handle(await toIncoming(g, 'localhost:4566'))).status).toBe(200);
  }
}

beforeEach(ensureBuckets);

test(`socket-free router: 400 malformed S3 requests (seed ${SEED}) → S3 errors, never a 5xx but NotImplemented`, async () => {
  await fc.assert(
    fc.asyncProperty(request, async (g) => {
      const req = await toIncoming(g, 'localhost:4566');
      const reply = await handle(req);
      check(g, { status: reply.status, headers: reply.headers, body: reply.body });
    }),
    { seed: SEED, numRuns: 400 },
  );
  await adminStillWorks(async (req) => handle(req), 'localhost:4566');
});

test('a key is an opaque name: ".." in it stays in the bucket addressed and never reaches another', async () => {
  const put = { method: 'PUT' as const, bucket: 'idchain-fuzz', subresource: '', body: 'x', mode: 'hash' as const, decodedLength: undefined, extra: {}, signing: 'admin' as const };
  for (const key of ['../idchain-other/planted', '..%2Fidchain-other%2Fplanted', '%2e%2e/idchain-other/planted']) {
    expect((await handle(await toIncoming({ ...put, key }, 'localhost:4566'))).status).toBe(200);
  }
  expect([...state.s3.buckets.get('idchain-fuzz')!.objects.keys()]).toEqual(expect.arrayContaining(['../idchain-other/planted', '%2e%2e/idchain-other/planted'.replace(/%2e/g, '.')]));
  expect([...state.s3.buckets.get('idchain-other')!.objects.keys()].filter((k) => k.includes('planted'))).toEqual([]);
});

test(`real HTTP listener: 60 malformed S3 requests (seed ${SEED}) → S3 errors, the process lives`, async () => {
  const emu = await startEmulator({ clock });
  try {
    const host = new URL(emu.url).host;
    const through = async (g: Generated) => {
      const req = await toIncoming(g, host, emu.credentials);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => k !== 'host' && /^[\t\x20-\x7e]*$/.test(v ?? ''))) as Record<string, string>;
      return send(emu.url, { method: g.method, path: g.subresource ? `${req.path}?${g.subresource}` : req.path, headers, body: g.method === 'HEAD' ? '' : (req.bodyBytes as Buffer) });
    };
    for (const bucket of ['idchain-fuzz', 'idchain-other']) {
      const made = await through({ method: 'PUT', bucket, key: undefined, subresource: '', body: '', mode: 'hash', decodedLength: undefined, extra: {}, signing: 'admin' });
      expect(made.status).toBe(200);
    }
    await fc.assert(
      fc.asyncProperty(request, async (g) => {
        if (!/^[\x21-\x7e]*$/.test(`/${g.bucket}/${g.key ?? ''}${g.subresource}`)) return;
        check(g, await through(g), true);
      }),
      { seed: SEED, numRuns: 60 },
    );
    const signer = new SignatureV4({ credentials: emu.credentials, region: 'us-east-1', service: 's3', sha256: Sha256, uriEscapePath: false, applyChecksum: false });
    const headers = { host, 'x-amz-content-sha256': sha256(Buffer.alloc(0)) };
    const [hostname, port] = host.split(':');
    const signed = (await signer.sign({ method: 'GET', protocol: 'http:', hostname, port: Number(port), path: '/', query: {}, headers }, { signingDate: clock.now() })).headers as Record<string, string>;
    const { host: _omit, ...sendable } = signed;
    const reply = await send(emu.url, { method: 'GET', path: '/', headers: sendable });
    expect([reply.status, reply.body]).toEqual([200, expect.stringContaining('<ListAllMyBucketsResult')]);
  } finally {
    await emu.stop();
  }
});
