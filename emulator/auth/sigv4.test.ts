// The verifier against AWS's own worked example and the checks AWS makes
// before the signature. Expected strings are AWS's, with their sources.
import { canonicalRequest, canonicalUri, canonicalQuery, signatureOf, signingKey, sha256Hex } from './canonical-request';
import { readSigningDate, scopeViolations, windowViolation } from './signing-checks';
import { AuthError, parseAuthorization, verifySignature, type IncomingRequest } from './sigv4';
import type { CredentialRecord } from '../principal';

// [doc: IAM-UG "Create a signed AWS API request", worked example: IAM ListUsers,
// AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, 20150830T123600Z; the
// canonical request hash and signature below are the published values.]
const EXAMPLE = {
  method: 'GET',
  rawPath: '/',
  rawQuery: 'Action=ListUsers&Version=2010-05-08',
  headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', host: 'iam.amazonaws.com', 'x-amz-date': '20150830T123600Z' },
  signedHeaders: ['content-type', 'host', 'x-amz-date'],
  body: Buffer.alloc(0),
};
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const SIGNATURE = '5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7';

test('AWS\'s worked example: canonical request hash f536975d… and signature 5d672d79…', () => {
  const canonical = canonicalRequest(EXAMPLE)!;
  expect(sha256Hex(canonical)).toBe('f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59');
  const scope = { date: '20150830', region: 'us-east-1', service: 'iam' };
  expect(signatureOf(canonical, '20150830T123600Z', scope, signingKey(SECRET, scope))).toBe(SIGNATURE);
});

test('the example verifies at its own time, and not with another body, query or an hour later', () => {
  const record: CredentialRecord = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET, source: 'test', principal: { kind: 'root', accountId: '1', arn: 'arn:aws:iam::1:root', userId: '1' } };
  const request: IncomingRequest = {
    method: 'GET',
    path: '/',
    query: {},
    rawQuery: EXAMPLE.rawQuery,
    headers: { ...EXAMPLE.headers, authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${SIGNATURE}` },
    body: '',
  };
  const at = new Date(Date.UTC(2015, 7, 30, 12, 36));
  const expected = { service: 'iam', region: 'us-east-1' };
  const lookup = (id: string) => (id === 'AKIDEXAMPLE' ? record : undefined);
  expect(verifySignature(request, lookup, at, expected).record).toBe(record);
  const failure = (req: IncomingRequest, now = at) => {
    try {
      verifySignature(req, lookup, now, expected);
    } catch (err) {
      return [(err as AuthError).failure, (err as AuthError).message];
    }
    return undefined;
  };
  expect(failure({ ...request, body: 'x' })?.[0]).toBe('bad-signature');
  expect(failure({ ...request, rawQuery: 'Action=ListUsers&Version=2010-05-09' })?.[0]).toBe('bad-signature');
  expect(failure({ ...request, headers: { ...request.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } })?.[0]).toBe('bad-signature');
  expect(failure(request, new Date(at.getTime() + 3_600_000))).toEqual([
    'skewed',
    'Signature expired: 20150830T123600Z is now earlier than 20150830T132100Z (20150830T133600Z - 15 min.)',
  ]);
});

test('canonical URI and query: dot segments resolved, segments encoded again, query sorted and RFC 3986-encoded [doc: IAM-UG]', () => {
  expect(canonicalUri('/')).toBe('/');
  expect(canonicalUri('//')).toBe('/');
  expect(canonicalUri('/a/./b/../c/')).toBe('/a/c/');
  expect(canonicalUri('/a%20b')).toBe('/a%2520b');
  expect(canonicalQuery('b=2&a=2&a=1&c')).toBe('a=1&a=2&b=2&c=');
  expect(canonicalQuery('k=a%2Fb*')).toBe('k=a%2Fb%2A');
  expect(canonicalQuery('k=%E0%A4%A')).toBeUndefined();
});

test('the window is 15 minutes either way, boundaries included [obs: "is now earlier than" / "is still later than"]', () => {
  const now = new Date(Date.UTC(2026, 0, 1, 12));
  expect(windowViolation(new Date(now.getTime() - 15 * 60_000), '20260101T114500Z', now)).toBeUndefined();
  expect(windowViolation(new Date(now.getTime() + 15 * 60_000), '20260101T121500Z', now)).toBeUndefined();
  expect(windowViolation(new Date(now.getTime() - 15 * 60_000 - 1000), '20260101T114459Z', now)).toBe(
    'Signature expired: 20260101T114459Z is now earlier than 20260101T114500Z (20260101T120000Z - 15 min.)',
  );
});

test('dates: X-Amz-Date in basic format, else Date; anything else is an IncompleteSignature [obs: dynalite]', () => {
  expect(readSigningDate({ 'x-amz-date': '20260101T120000Z' })).toEqual({ date: new Date(Date.UTC(2026, 0, 1, 12)), text: '20260101T120000Z' });
  expect(readSigningDate({ date: 'Thu, 01 Jan 2026 12:00:00 GMT' })).toEqual({ date: new Date(Date.UTC(2026, 0, 1, 12)), text: '20260101T120000Z' });
  expect(readSigningDate({ 'x-amz-date': '201' })).toEqual({ incomplete: "Date must be in ISO-8601 'basic format'. Got '201'. See http://en.wikipedia.org/wiki/ISO_8601" });
  expect(readSigningDate({ 'x-amz-date': '20261301T120000Z' })).toHaveProperty('incomplete');
  expect(readSigningDate({})).toEqual({ incomplete: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header." });
});

test('scope: every mismatch adds its sentence, in AWS\'s order [obs: dynalite; argmin sts_oracle.rs]', () => {
  const expected = { service: 'cognito-idp', region: 'us-east-1', date: '20130609', dateText: '20130609T095204Z' };
  expect(scopeViolations({ date: 'b', region: 'c', service: 'd', terminator: 'e' }, expected)).toBe(
    "Credential should be scoped to a valid region, not 'c'. Credential should be scoped to correct service: 'cognito-idp'. " +
      "Credential should be scoped with a valid terminator: 'aws4_request', not 'e'. " +
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: 'b' != '20130609', from '20130609T095204Z'.",
  );
  expect(scopeViolations({ date: '20130609', region: 'us-east-1', service: 'cognito-idp', terminator: 'aws4_request' }, expected)).toBeUndefined();
});

test('an Authorization header without its parts is an IncompleteSignature naming them [obs: dynalite]', () => {
  const incomplete = (header: string) => {
    try {
      parseAuthorization(header);
    } catch (err) {
      return [(err as AuthError).failure, (err as AuthError).message];
    }
    return undefined;
  };
  expect(incomplete('AWS4-HMAC-SHA256 Credential=a/b/c/d/e')).toEqual([
    'incomplete',
    "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Credential=a/b/c/d/e",
  ]);
  expect(incomplete('AWS4-HMAC-SHA25 Credential=x')).toEqual(['incomplete', "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA25' (only AWS4-HMAC-SHA256 for now). "]);
  expect(incomplete('AWS4-HMAC-SHA256 Credential=a/b/c/d, SignedHeaders=host, Signature=00')).toEqual([
    'incomplete',
    "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'a/b/c/d'",
  ]);
});
