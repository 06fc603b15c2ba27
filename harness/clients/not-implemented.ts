import { redactText } from '../secrets/redact';

/**
 * Emulators say "I do not do this" in their own ways, none of them an AWS
 * error. Each shape below was seen on the wire (bodies in not-implemented.test.ts):
 *
 * - moto 5 raises NotImplementedError for operations it has not written; its
 *   Werkzeug server turns that into `500 text/html` ("<title>500 Internal
 *   Server Error</title>"). The SDK then fails to parse the body: a JSON
 *   SyntaxError (awsJson1_1) or an "XML parse error" (awsQuery).
 * - cognito-local 5 answers unknown targets and unsupported options with
 *   `500 {"__type":"CognitoLocal#Unsupported","message":"Cognito Local
 *   unsupported feature: …"}`, which the SDK turns into an error named `Unsupported`.
 * - LocalStack answers unemulated or unlicensed APIs with `501 InternalFailure`
 *   ("… not yet implemented or pro feature", later "… is either not included in
 *   your current license plan or has not yet been emulated by LocalStack").
 *   [obs] localstack/localstack#8998, localstack/localstack#12547.
 * - Any `NotImplemented…` error name, and any answer the SDK could not
 *   deserialize at all (an STS call against cognito-local gets
 *   `400 {"message":"Missing x-amz-target header"}`: not a protocol it speaks).
 */
export interface NotImplementedEvidence {
  /** What the target answered, short enough for a finding: status, kind, the emulator's own words. */
  evidence: string;
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  __type?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> };
  $responseBodyText?: string;
}

const SNIPPET = 240;

function squash(text: string, max = SNIPPET): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return redactText(one.length > max ? `${one.slice(0, max - 1)}…` : one);
}

/** The SDK appends this to every deserialization failure. */
const DESERIALIZATION = /\n?\s*Deserialization error: to see the raw response.*$/s;
const LOCALSTACK_NOT_EMULATED = /not yet implemented|not yet been emulated|not (?:included|available) in your current license plan/i;
const HTML_START = /^\s*<(?:!doctype html|html)/i;

function htmlTitle(body: string | undefined): string | undefined {
  const m = body && /<title>([^<]*)<\/title>/i.exec(body);
  return m ? m[1]!.trim() : undefined;
}

/**
 * Recognise an emulator's "not implemented" answer in an error thrown by an
 * AWS SDK v3 call. Returns the evidence for an `unsupported` finding, or
 * undefined for anything else — real service errors, network failures and
 * harness bugs keep their usual verdicts.
 */
export function classifyNotImplemented(err: unknown): NotImplementedEvidence | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as SdkErrorShape;
  const name = e.name ?? '';
  const message = (e.message ?? '').replace(DESERIALIZATION, '');
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const statusText = status !== undefined ? `HTTP ${status}` : 'an answer';
  const contentType = e.$response?.headers?.['content-type'] ?? e.$response?.headers?.['Content-Type'];
  const body = e.$responseBodyText;

  if (name === 'Unsupported' || /#Unsupported$/.test(e.__type ?? '') || /^Cognito Local unsupported feature/.test(message)) {
    return { evidence: `${statusText} ${e.__type ?? name}: ${squash(message)}` };
  }
  if (status === 501 || (name === 'InternalFailure' && LOCALSTACK_NOT_EMULATED.test(message))) {
    return { evidence: `${statusText} ${name || 'Not Implemented'}: ${squash(message)}` };
  }
  if (/NotImplemented/i.test(name) || /NotImplemented/i.test(e.__type ?? '')) {
    return { evidence: `${statusText} ${name}: ${squash(message)}` };
  }

  const deserialization = DESERIALIZATION.test(e.message ?? '');
  const html = /text\/html/i.test(contentType ?? '') || HTML_START.test(body ?? '') || /"<!doctype |"<html/i.test(message);
  if (html && (deserialization || (status ?? 0) >= 500)) {
    const title = htmlTitle(body);
    return {
      evidence: `${statusText} HTML page instead of an AWS error${title ? ` ("${squash(title, 80)}")` : ''}; the SDK could not parse it: ${squash(message, 120)}`,
    };
  }
  if (deserialization) {
    const what = body ? `: ${squash(body, 160)}` : contentType ? ` (${contentType})` : '';
    return { evidence: `${statusText} answer the SDK could not parse${what}; ${squash(message, 120)}` };
  }
  return undefined;
}
