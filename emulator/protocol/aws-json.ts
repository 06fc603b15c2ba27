import { AwsServiceError } from '../errors';
import type { WireResponse } from './wire';
import { FORBIDDEN_NAMES, MAX_INPUT_DEPTH } from './input-limits';

const CONTENT_TYPE = 'application/x-amz-json-1.1';

const NOT_A_STRUCTURE = 'Start of structure or map found where not expected.';

/**
 * Walk a parsed body without recursion: refuse the names that reach object
 * prototypes (input-limits.ts) and nesting deeper than MAX_INPUT_DEPTH.
 * `JSON.parse` itself never touches a prototype (it defines `__proto__` as an
 * own key), but handlers copy maps such as Logins and tags into objects of
 * their own, where such a key would.
 */
function checkShape(parsed: object): void {
  const stack: [unknown, number][] = [[parsed, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_INPUT_DEPTH) throw serialization(`Input nests deeper than ${MAX_INPUT_DEPTH} levels.`);
    const children = Array.isArray(value) ? value : Object.values(value);
    if (!Array.isArray(value)) {
      const reserved = Object.keys(value).find((key) => FORBIDDEN_NAMES.has(key));
      if (reserved !== undefined) throw serialization(`Member name '${reserved}' is not accepted.`);
    }
    for (const child of children) stack.push([child, depth + 1]);
  }
}

/**
 * `SerializationException` (400): the body is not the JSON structure the
 * operation reads [obs: the service answers {"__type":"SerializationException"},
 * pplu/aws-sdk-perl#237]. The wording past AWS's own sentence is the emulator's.
 */
function serialization(detail?: string): AwsServiceError {
  return new AwsServiceError('SerializationException', detail ?? NOT_A_STRUCTURE, 400);
}

/** Parse an awsJson1_1 body. An empty body is an empty input, as AWS treats it. */
export function decodeJsonBody(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw serialization();
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw serialization();
  checkShape(parsed);
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
