import { AwsServiceError } from '../errors';
import type { WireResponse } from './wire';

const CONTENT_TYPE = 'application/x-amz-json-1.1';

/** Parse an awsJson1_1 body. An empty body is an empty input, as AWS treats it. */
export function decodeJsonBody(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new AwsServiceError('SerializationException', 'Start of structure or map found where not expected.', 400);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AwsServiceError('SerializationException', 'Start of structure or map found where not expected.', 400);
  }
  return parsed as Record<string, unknown>;
}

/** awsJson timestamps are epoch seconds (fractional allowed). */
function jsonReplacer(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  if (raw instanceof Date) return raw.getTime() / 1000;
  return value;
}

export function encodeJsonResult(result: unknown, requestId: string): WireResponse {
  return {
    status: 200,
    headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId },
    body: JSON.stringify(result ?? {}, jsonReplacer),
  };
}

/**
 * Errors carry `__type` and `message` in the body and `x-amzn-ErrorType` as a
 * header, the shape Cognito answers with.
 */
export function encodeJsonError(error: AwsServiceError, requestId: string): WireResponse {
  return {
    status: error.status,
    headers: {
      'content-type': CONTENT_TYPE,
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': `${error.code}:`,
    },
    body: JSON.stringify({ __type: error.code, message: error.message }),
  };
}
