import { signingKey } from '../auth/canonical-request';
import { chunkSignature, decodeAwsChunked, type ChunkSigning } from './aws-chunked';

// The worked example of S3-API "Signature Calculations for the Authorization Header:
// Transferring Payload in Multiple Chunks (Chunked Upload)": secret
// wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, 2013-05-24, us-east-1, a 66560-byte
// object of 'a' sent as chunks of 65536 and 1024 bytes; every signature below is
// the page's, and Content-Length 66824 is the length of the body it shows.
const signing: ChunkSigning = {
  key: signingKey('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', { date: '20130524', region: 'us-east-1', service: 's3' }),
  amzDate: '20130524T000000Z',
  scope: '20130524/us-east-1/s3/aws4_request',
  seedSignature: '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
};
const DOC_SIGNATURES = [
  'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
  '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
  'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
];
const chunks = [Buffer.alloc(65536, 'a'), Buffer.alloc(1024, 'a'), Buffer.alloc(0)];

function signedBody(signatures: string[], data = chunks): Buffer {
  return Buffer.concat(data.flatMap((d, i) => [Buffer.from(`${d.length.toString(16)};chunk-signature=${signatures[i]}\r\n`), d, Buffer.from('\r\n')]));
}

test('the chunk signatures of the documented example chain from the seed signature', () => {
  const first = chunkSignature(signing, signing.seedSignature, chunks[0]);
  const second = chunkSignature(signing, first, chunks[1]);
  const last = chunkSignature(signing, second, chunks[2]);
  expect([first, second, last]).toEqual(DOC_SIGNATURES);
});

test('the documented body decodes to its 66560 bytes', () => {
  const body = signedBody(DOC_SIGNATURES);
  expect(body.length).toBe(66824);
  const decoded = decodeAwsChunked(body, { signing, trailer: false });
  expect(decoded.data.equals(Buffer.alloc(66560, 'a'))).toBe(true);
});

test('a chunk whose data was changed no longer matches its signature: SignatureDoesNotMatch', () => {
  const tampered = [Buffer.alloc(65536, 'a'), Buffer.concat([Buffer.alloc(1023, 'a'), Buffer.from('b')]), Buffer.alloc(0)];
  expect(() => decodeAwsChunked(signedBody(DOC_SIGNATURES, tampered), { signing, trailer: false })).toThrow(
    expect.objectContaining({ code: 'SignatureDoesNotMatch', status: 403 }),
  );
});

test('chunks out of order break the chain', () => {
  const swapped = [chunks[1], chunks[0], chunks[2]];
  expect(() => decodeAwsChunked(signedBody([DOC_SIGNATURES[1], DOC_SIGNATURES[0], DOC_SIGNATURES[2]], swapped), { signing, trailer: false })).toThrow(
    expect.objectContaining({ code: 'SignatureDoesNotMatch' }),
  );
});

test('an unsigned body with a trailer, as the JS SDK sent it on the wire', () => {
  const body = Buffer.from('6\r\nhello \r\n6\r\nstream\r\n0\r\nx-amz-checksum-crc32:gtnkmQ==\r\n\r\n');
  expect(decodeAwsChunked(body, { trailer: true })).toEqual({ data: Buffer.from('hello stream'), trailers: { 'x-amz-checksum-crc32': 'gtnkmQ==' } });
});

test('a body cut short is IncompleteBody', () => {
  expect(() => decodeAwsChunked(Buffer.from('6\r\nhel'), { trailer: true })).toThrow(expect.objectContaining({ code: 'IncompleteBody', status: 400 }));
});
