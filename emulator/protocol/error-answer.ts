import { AwsServiceError } from '../errors';
import { encodeJsonError } from './aws-json';
import { encodeQueryError } from './aws-query';
import type { WireResponse } from './wire';
import type { WireProtocol } from './request-protocol';
import { encodeS3Error } from '../s3/s3-xml';

/**
 * The XML namespace of errors answered before any service is known, as STS
 * answers an unknown version [obs: argmin sts_oracle.rs, AWS_FAULT_XMLNS with
 * "Could not find operation GetCallerIdentity for version 2000-01-01"].
 */
export const AWS_FAULT_NAMESPACE = 'http://webservices.amazon.com/AWSFault/2005-15-09';

/**
 * Answer an error in the protocol the request was written in
 * (request-protocol.ts): awsJson, awsQuery or S3's XML. For answers given
 * before the request reaches a service (a body too large, a header section
 * too large, an unreadable request line), so that even those are AWS-shaped.
 */
export function errorAnswer(protocol: WireProtocol, error: AwsServiceError, requestId: string): WireResponse {
  if (protocol === 'awsJson1_1') return encodeJsonError(error, requestId);
  if (protocol === 'restXml') return encodeS3Error(error, requestId);
  return encodeQueryError(error, AWS_FAULT_NAMESPACE, requestId);
}

/** The emulator's own failure: `InternalFailure` (500) [doc: "Common Errors", InternalFailure]. */
export function internalFailure(): AwsServiceError {
  return new AwsServiceError('InternalFailure', 'An internal error occurred in the idchain reference emulator.', 500);
}
