import type { IncomingRequest } from '../auth/sigv4';

export type WireProtocol = 'awsJson1_1' | 'awsQuery' | 'restXml';

/** The media type of the body, lower-cased, without parameters. */
export function mediaType(request: Pick<IncomingRequest, 'headers'>): string | undefined {
  return request.headers['content-type']?.split(';')[0].trim().toLowerCase();
}

/**
 * Which protocol a request on the emulator's one endpoint is written in. AWS
 * tells the services apart by host name; the emulator, on one address, by the
 * request's own shape:
 * - an `X-Amz-Target` header: awsJson1_1 (the Cognito services);
 * - a query string naming an `Action` (STS serves GET forms too), or a POST
 *   to the root path (`/`, or only slashes) with no query string: awsQuery
 *   (IAM, STS), whatever its Content-Type — the awsQuery handler itself
 *   refuses a body it cannot read;
 * - anything else — PUT, HEAD, DELETE, a GET of the service, a bucket or a
 *   key, a POST to a bucket or key, or with a subresource such as `?delete`
 *   or `?uploads`: S3's REST protocol.
 * The credential scope does not decide: a request signed for the wrong
 * service is answered by the service it is written for, which refuses the
 * scope in its own words.
 */
export function requestProtocol(request: Pick<IncomingRequest, 'method' | 'path' | 'headers' | 'query'>): WireProtocol {
  if (request.headers['x-amz-target'] !== undefined) return 'awsJson1_1';
  if (request.query['Action'] !== undefined) return 'awsQuery';
  return request.method === 'POST' && Object.keys(request.query).length === 0 && /^\/*$/.test(request.path) ? 'awsQuery' : 'restXml';
}
