// S3 through the emulator's one SigV4 verifier: the 15-minute window and the
// credential scope are checked as for every service, and answered in S3's
// words (authenticate.ts). Requests are signed with the SDK's signer as the S3
// client configures it and handed to the socket-free router of an emulator in
// us-east-1 or us-west-2.
import { createHash } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { IncomingRequest } from '../auth/sigv4';
import { bootstrapAdmin } from '../bootstrap';
import { ManualClock } from '../clock';
import { createServices } from '../index';
import { createRouter } from '../router';
import { createState } from '../state';

const NOW = new Date(Date.UTC(2026, 0, 1, 12));
const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

function emulatorIn(region: string) {
  const clock = new ManualClock(NOW);
  const state = createState({ accountId: '123456789012', region, clock, mutants: new Set() });
  const keys = bootstrapAdmin(state);
  const handle = createRouter(state, createServices(state));
  async function sign(w: { method: string; path: string; body?: string; region?: string; service?: string; at?: Date }): Promise<IncomingRequest> {
    const body = w.body ?? '';
    const signer = new SignatureV4({ credentials: keys, region: w.region ?? region, service: w.service ?? 's3', sha256: Sha256, uriEscapePath: false, applyChecksum: false });
    const headers = { host: 'localhost:4566', 'x-amz-content-sha256': sha256(body) };
    const signed = await signer.sign({ method: w.method, protocol: 'http:', hostname: 'localhost', port: 4566, path: w.path, query: {}, headers, body }, { signingDate: w.at ?? NOW });
    return { method: w.method, path: w.path, query: {}, headers: signed.headers as Record<string, string>, body };
  }
  async function send(w: Parameters<typeof sign>[0]) {
    return answerOf(await handle(await sign(w)));
  }
  return { handle, sign, send };
}

function answerOf(answer: { status: number; body: string }) {
  const element = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(answer.body)?.[1];
  return { status: answer.status, code: element('Code'), message: element('Message'), region: element('Region'), body: answer.body };
}

const EU_BUCKET = '<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>';

describe('the credential scope names the Region of the endpoint, or of the bucket addressed', () => {
  const east = emulatorIn('us-east-1');

  test('ListBuckets on us-east-1 signed for eu-north-1 → AuthorizationHeaderMalformed naming both, with <Region> [obs: microsoft/azure-pipelines-terraform#159]', async () => {
    expect(await east.send({ method: 'GET', path: '/', region: 'eu-north-1' })).toMatchObject({
      status: 400,
      code: 'AuthorizationHeaderMalformed',
      message: "The authorization header is malformed; the region 'eu-north-1' is wrong; expecting 'us-east-1'",
      region: 'us-east-1',
    });
  });

  test('a bucket created from us-east-1 in eu-west-1 is reached signed for eu-west-1, and refused signed for us-east-1', async () => {
    expect((await east.send({ method: 'PUT', path: '/idchain-euro', body: EU_BUCKET })).status).toBe(200);
    expect((await east.send({ method: 'HEAD', path: '/idchain-euro', region: 'eu-west-1' })).status).toBe(200);
    expect(await east.send({ method: 'GET', path: '/idchain-euro', region: 'us-east-1' })).toMatchObject({
      status: 400,
      code: 'AuthorizationHeaderMalformed',
      message: "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'",
      region: 'eu-west-1',
    });
  });

  test('signed for another service → AuthorizationHeaderMalformed "incorrect service" [inferred wording]', async () => {
    expect(await east.send({ method: 'PUT', path: '/idchain-iam-signed', service: 'iam' })).toMatchObject({
      status: 400,
      code: 'AuthorizationHeaderMalformed',
      message: 'The authorization header is malformed; incorrect service "iam". This endpoint belongs to "s3".',
    });
  });

  test('a scope date other than X-Amz-Date\'s → AuthorizationHeaderMalformed [obs: ml-archive/storage#68]', async () => {
    const request = await east.sign({ method: 'GET', path: '/' });
    request.headers['authorization'] = request.headers['authorization']!.replace('/20260101/', '/20251231/');
    expect(answerOf(await east.handle(request))).toMatchObject({
      status: 400,
      code: 'AuthorizationHeaderMalformed',
      message: 'The authorization header is malformed; Invalid credential date. Date is not the same as X-Amz-Date.',
    });
  });
});

describe('an emulator in us-west-2 is that Region\'s endpoint: CreateBucket must name it [obs: moto, after AWS]', () => {
  const west = emulatorIn('us-west-2');

  test('no LocationConstraint, or another Region\'s → IllegalLocationConstraintException (400); its own → created', async () => {
    expect(await west.send({ method: 'PUT', path: '/idchain-west' })).toMatchObject({
      status: 400,
      code: 'IllegalLocationConstraintException',
      message: 'The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.',
    });
    expect(await west.send({ method: 'PUT', path: '/idchain-west', body: EU_BUCKET })).toMatchObject({
      status: 400,
      code: 'IllegalLocationConstraintException',
      message: 'The eu-west-1 location constraint is incompatible for the region specific endpoint this request was sent to.',
    });
    const own = '<CreateBucketConfiguration><LocationConstraint>us-west-2</LocationConstraint></CreateBucketConfiguration>';
    expect((await west.send({ method: 'PUT', path: '/idchain-west', body: own })).status).toBe(200);
  });
});

describe('the 15-minute window [doc: S3-API "Error responses", RequestTimeTooSkewed 403]', () => {
  const east = emulatorIn('us-east-1');
  const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

  test.each([[-16], [16]])('signed %i minutes from the emulator\'s clock → RequestTimeTooSkewed with the request and server times', async (offset) => {
    const answer = await east.send({ method: 'GET', path: '/', at: minutes(offset) });
    expect(answer).toMatchObject({ status: 403, code: 'RequestTimeTooSkewed', message: 'The difference between the request time and the current time is too large.' });
    const signedAt = minutes(offset).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
    expect(answer.body).toContain(`<RequestTime>${signedAt}</RequestTime><ServerTime>2026-01-01T12:00:00Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>`);
  });

  test('within 15 minutes either way the request is served', async () => {
    expect((await east.send({ method: 'GET', path: '/', at: minutes(-14) })).status).toBe(200);
    expect((await east.send({ method: 'GET', path: '/', at: minutes(14) })).status).toBe(200);
  });

  test('no date at all → AccessDenied "AWS authentication requires a valid Date or x-amz-date header" [obs: hubrick/vertx-s3-client#5]', async () => {
    const request = await east.sign({ method: 'GET', path: '/' });
    delete request.headers['x-amz-date'];
    expect(answerOf(await east.handle(request))).toMatchObject({ status: 403, code: 'AccessDenied', message: 'AWS authentication requires a valid Date or x-amz-date header' });
  });
});
