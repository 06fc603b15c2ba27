import { AuthError, parseAuthorization, verifySignature, type IncomingRequest, type ParsedAuthorization } from '../auth/sigv4';
import type { Principal } from '../principal';
import type { EmulatorState } from '../state';
import { signingKeyFor, type ChunkSigning } from './aws-chunked';
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
 * Authenticate an S3 request. No Authorization header: an anonymous request,
 * which only a bucket policy naming `*` can allow; a presigned URL is not
 * modelled (NotImplemented). Signed: S3 requires `x-amz-content-sha256`
 * ("Missing required header for this request: x-amz-content-sha256" [obs]) and
 * signs the path as sent, without re-encoding it. Failures answer S3's codes:
 * InvalidAccessKeyId (403) for a key it never issued or a temporary key sent
 * without its token, InvalidToken (400) for a wrong token, ExpiredToken (400),
 * SignatureDoesNotMatch (403) [doc: S3-API "Error responses"; messages obs: moto].
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
    throw new S3Error(
      'AuthorizationHeaderMalformed',
      'The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.',
      400,
    );
  }
  // [obs: 'The authorization header is malformed; incorrect service "iam". This endpoint belongs to "s3".', recalled from AWS output; inferred]
  if (auth.service !== 's3') {
    throw new S3Error('AuthorizationHeaderMalformed', `The authorization header is malformed; incorrect service "${auth.service}". This endpoint belongs to "s3".`, 400);
  }
  if (request.headers['x-amz-content-sha256'] === undefined) throw s3Errors.invalidRequest('Missing required header for this request: x-amz-content-sha256');
  try {
    const { record } = verifySignature(request, (id) => state.credentials.get(id), now, { service: 's3', region: auth.region, s3: true });
    const signing: ChunkSigning = {
      signingKey: signingKeyFor(record.secretAccessKey, auth.date, auth.region, auth.service),
      amzDate: request.headers['x-amz-date']!,
      scope: `${auth.date}/${auth.region}/${auth.service}/aws4_request`,
      seedSignature: auth.signature,
    };
    return { principal: record.principal, region: auth.region, signing };
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    switch (err.failure) {
      case 'unknown-key':
        throw s3Errors.invalidAccessKeyId(auth.accessKeyId);
      case 'bad-token':
        throw request.headers['x-amz-security-token'] === undefined ? s3Errors.invalidAccessKeyId(auth.accessKeyId) : s3Errors.invalidToken();
      case 'expired':
        throw s3Errors.expiredToken();
      default:
        throw s3Errors.signatureDoesNotMatch();
    }
  }
}
