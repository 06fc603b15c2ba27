import { AuthError, parseAuthorization, verifySignature, type IncomingRequest, type ParsedAuthorization } from '../auth/sigv4';
import type { ScopeMismatch } from '../auth/signing-checks';
import type { Principal } from '../principal';
import type { EmulatorState } from '../state';
import type { ChunkSigning } from './aws-chunked';
import { addressOf } from './routes';
import { S3Error, s3Errors } from './s3-errors';

export interface S3Caller {
  /** Undefined for an anonymous request. */
  principal?: Principal;
  /** The Region of the credential scope. */
  region?: string;
  /** What chunk signatures chain from, for a signed request. */
  signing?: ChunkSigning;
}

/**
 * The Region a request must be signed for. The emulator's one address stands
 * for its Region's S3 endpoint, and for an existing bucket also for the
 * bucket's own Region, as virtual-hosted names route a request to the bucket
 * wherever it lives [doc: S3 User Guide "Virtual hosting of buckets"]; so a
 * bucket created in another Region (allowed from us-east-1, bucket-ops.ts) is
 * reached with that Region's signature, and with no other [inferred].
 */
function expectedRegion(state: EmulatorState, request: IncomingRequest): string {
  const { bucket } = addressOf(request);
  return (bucket !== undefined && state.s3.buckets.get(bucket)?.region) || state.region;
}

/**
 * A credential scope S3 does not take, in S3's words, first what it names
 * first: the service [obs: 'incorrect service "iam". This endpoint belongs to
 * "s3".', recalled from AWS output; inferred], the Region (with `<Region>`),
 * the date [obs: "Invalid credential date. Date is not the same as
 * X-Amz-Date.", ml-archive/storage#68], the terminator [obs: 'the Credential
 * is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
 * krobertson/deb-s3#157].
 */
function scopeRefusal(auth: ParsedAuthorization, wrong: ScopeMismatch, expected: string): S3Error {
  if (wrong.service !== undefined) return s3Errors.malformedAuthorization(`incorrect service "${auth.service}". This endpoint belongs to "s3".`);
  if (wrong.region !== undefined) return s3Errors.authorizationHeaderMalformed(auth.region, expected);
  if (wrong.date) return s3Errors.malformedAuthorization('Invalid credential date. Date is not the same as X-Amz-Date.');
  return s3Errors.malformedAuthorization('the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".');
}

/** An AuthError from the verifier, answered with S3's code [doc: S3-API "Error responses"; messages obs: moto, unless said]. */
function s3Refusal(err: AuthError, auth: ParsedAuthorization, request: IncomingRequest, expected: string, now: Date): S3Error {
  switch (err.failure) {
    case 'unknown-key':
      return s3Errors.invalidAccessKeyId(auth.accessKeyId);
    case 'bad-token':
      return request.headers['x-amz-security-token'] === undefined ? s3Errors.invalidAccessKeyId(auth.accessKeyId) : s3Errors.invalidToken();
    case 'expired':
      return s3Errors.expiredToken();
    case 'skewed':
      return s3Errors.requestTimeTooSkewed(request.headers['x-amz-date'] ?? request.headers['date'] ?? '', now);
    case 'scope':
      return scopeRefusal(auth, err.detail.scope ?? {}, expected);
    case 'incomplete':
      // [obs: AccessDenied "AWS authentication requires a valid Date or x-amz-date header", hubrick/vertx-s3-client#5]
      if (err.detail.date) return s3Errors.accessDenied('AWS authentication requires a valid Date or x-amz-date header');
      return s3Errors.malformedAuthorization('the authorization header requires three components: Credential, SignedHeaders, and Signature.');
    default:
      return s3Errors.signatureDoesNotMatch();
  }
}

/**
 * Authenticate an S3 request with the emulator's one SigV4 verifier
 * (auth/sigv4.ts), in its S3 mode: the path signed as sent, the payload hash
 * as `x-amz-content-sha256` declares it (a hash, UNSIGNED-PAYLOAD or a
 * STREAMING- mode, which payload.ts then checks), the 15-minute window and
 * the credential scope checked as for every service. No Authorization
 * header: an anonymous request, which only a bucket policy naming `*` can
 * allow; a presigned URL is not modelled (NotImplemented). S3 requires
 * `x-amz-content-sha256` ("Missing required header for this request:
 * x-amz-content-sha256" [obs]). An unreadable header is
 * AuthorizationHeaderMalformed [obs: "the authorization header requires three
 * components: Credential, SignedHeaders, and Signature.", ex-aws/ex_aws#537].
 */
export function authenticateS3(state: EmulatorState, request: IncomingRequest, now: Date): S3Caller {
  const header = request.headers['authorization'];
  if (header === undefined) {
    if (request.query['X-Amz-Algorithm'] !== undefined) throw s3Errors.notImplemented('a presigned URL');
    return {};
  }
  let auth: ParsedAuthorization;
  try {
    auth = parseAuthorization(header);
  } catch {
    throw s3Errors.malformedAuthorization('the authorization header requires three components: Credential, SignedHeaders, and Signature.');
  }
  if (request.headers['x-amz-content-sha256'] === undefined) throw s3Errors.invalidRequest('Missing required header for this request: x-amz-content-sha256');
  const region = expectedRegion(state, request);
  try {
    const { record, signing } = verifySignature(request, (id) => state.credentials.get(id), now, { service: 's3', region, s3: true });
    return { principal: record.principal, region: auth.region, signing: { ...signing, seedSignature: auth.signature } };
  } catch (err) {
    throw err instanceof AuthError ? s3Refusal(err, auth, request, region, now) : err;
  }
}
