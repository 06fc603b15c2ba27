import { AwsServiceError } from './errors';
import { AuthError, type AuthFailure, type IncomingRequest, verifySignature } from './auth/sigv4';
import { decodeJsonBody, encodeJsonError, encodeJsonResult } from './protocol/aws-json';
import { encodeQueryError, encodeQueryResult } from './protocol/aws-query';
import { decodeQueryForm, type QueryForm } from './protocol/query-form';
import { AWS_FAULT_NAMESPACE, internalFailure } from './protocol/error-answer';
import type { WireResponse } from './protocol/wire';
import type { EmulatorState } from './state';
import type { RequestContext, ServiceDefinition } from './service';
import type { Principal } from './principal';
import { requestId as newRequestId } from './ids';
import { invokeOperation } from './invoke';
import { mediaType, requestProtocol } from './protocol/request-protocol';

const JSON_AUTH_ERRORS: Record<AuthFailure, [string, number]> = {
  missing: ['MissingAuthenticationTokenException', 400],
  incomplete: ['IncompleteSignatureException', 400],
  'unknown-key': ['UnrecognizedClientException', 400],
  'bad-token': ['UnrecognizedClientException', 400],
  'bad-signature': ['InvalidSignatureException', 400],
  skewed: ['InvalidSignatureException', 400],
  scope: ['InvalidSignatureException', 400],
  expired: ['ExpiredTokenException', 400],
};

const QUERY_AUTH_ERRORS: Record<AuthFailure, [string, number]> = {
  missing: ['MissingAuthenticationToken', 403],
  incomplete: ['IncompleteSignature', 400],
  'unknown-key': ['InvalidClientTokenId', 403],
  'bad-token': ['InvalidClientTokenId', 403],
  'bad-signature': ['SignatureDoesNotMatch', 403],
  skewed: ['SignatureDoesNotMatch', 403],
  scope: ['SignatureDoesNotMatch', 403],
  expired: ['ExpiredToken', 403],
};

/** Media types an awsJson body may be sent as; the SDKs send `application/x-amz-json-1.1`. */
const JSON_MEDIA_TYPES = new Set(['application/x-amz-json-1.1', 'application/x-amz-json-1.0', 'application/json']);

/** Called once per request after the answer is known: lets tests and logs observe traffic. */
export type RequestObserver = (entry: { service: string; operation: string; status: number; errorCode?: string }) => void;


/**
 * The emulator's whole request path, free of sockets: route by protocol
 * (X-Amz-Target for awsJson1_1, form `Action`/`Version` for awsQuery), check
 * the signature, admit the caller, authorize the operation, run it, encode
 * the answer or the error. Every answer carries a `Date` from the emulator's
 * clock, as AWS's do, so an SDK can correct its clock skew against it.
 */
export function createRouter(state: EmulatorState, services: readonly ServiceDefinition[], observe?: RequestObserver) {
  const byTarget = new Map(services.filter((s) => s.targetPrefix).map((s) => [s.targetPrefix!, s]));
  const byVersion = new Map(services.filter((s) => s.queryVersion).map((s) => [s.queryVersion!, s]));
  const routes = services.flatMap((s) => s.httpRoutes ?? []);
  const rest = services.find((s) => s.rest);

  function authenticate(service: ServiceDefinition, operation: string, request: IncomingRequest, now: Date): Principal | undefined {
    const signed = request.headers['authorization'] !== undefined;
    if (!signed && service.unsignedOperations.has(operation)) return undefined;
    const expected = { service: service.signingName, region: state.region };
    return verifySignature(request, (id) => state.credentials.get(id), now, expected).record.principal;
  }

  async function runOperation(service: ServiceDefinition, operation: string, input: Record<string, unknown>, request: IncomingRequest, requestId: string) {
    const handler = Object.prototype.hasOwnProperty.call(service.operations, operation) ? service.operations[operation] : undefined;
    const now = state.clock.now();
    const caller = authenticate(service, operation, request, now);
    if (!handler) {
      throw service.protocol === 'awsJson1_1'
        ? new AwsServiceError('UnknownOperationException', `Operation ${operation} is not supported by this emulator.`, 400)
        : new AwsServiceError('InvalidAction', `Could not find operation ${operation} for version ${service.queryVersion}`, 400);
    }
    const ctx: RequestContext = { state, requestId, service: service.name, operation, caller, region: state.region, now };
    // Weather (latency, throttling, faults) meets every signed-in or unsigned AWS call, the
    // bootstrap administrator's too; answers given before the operation is known do not.
    return state.weather.run({ service: service.name, operation, input }, () => invokeOperation(service, operation, input, ctx));
  }

  function toServiceError(err: unknown, service: ServiceDefinition): AwsServiceError {
    if (err instanceof AwsServiceError) return err;
    if (err instanceof AuthError) {
      const [code, status] = (service.protocol === 'awsJson1_1' ? JSON_AUTH_ERRORS : QUERY_AUTH_ERRORS)[err.failure];
      return new AwsServiceError(code, err.message, status);
    }
    process.stderr.write(`[idchain emulator] internal error in ${service.name}: ${(err as Error)?.stack ?? String(err)}\n`);
    return service.protocol === 'awsJson1_1'
      ? new AwsServiceError('InternalErrorException', 'An internal error occurred in the idchain reference emulator.', 500)
      : internalFailure();
  }

  async function handleJson(request: IncomingRequest, target: string, requestId: string): Promise<WireResponse> {
    const dot = target.lastIndexOf('.');
    const service = byTarget.get(target.slice(0, dot));
    const operation = target.slice(dot + 1);
    if (!service) return encodeJsonError(new AwsServiceError('UnknownOperationException', `Unknown target ${target}`, 400), requestId);
    let response: WireResponse;
    try {
      const type = mediaType(request);
      if (type !== undefined && !JSON_MEDIA_TYPES.has(type)) {
        // What AWS answers for another media type is not on record; the body is not read as JSON.
        throw new AwsServiceError('SerializationException', `Content-Type ${type} is not accepted; send application/x-amz-json-1.1.`, 400);
      }
      const result = await runOperation(service, operation, decodeJsonBody(request.body), request, requestId);
      response = encodeJsonResult(result, requestId);
    } catch (err) {
      response = encodeJsonError(toServiceError(err, service), requestId);
    }
    observe?.({ service: service.name, operation, status: response.status, errorCode: errorCodeOf(response) });
    return response;
  }

  async function runRest(service: ServiceDefinition, request: IncomingRequest, requestId: string): Promise<WireResponse> {
    const { response, operation, errorCode } = await service.rest!.handle(request, requestId);
    observe?.({ service: service.name, operation, status: response.status, errorCode });
    return response;
  }

  /**
   * awsQuery: the form comes from a POST body (`application/x-www-form-urlencoded`,
   * or no Content-Type) or from a GET's query string; STS serves both [obs:
   * argmin sts_oracle.rs "get-caller-identity-get"]. A body of another type is
   * not read. Without any Action AWS redirects to https://aws.amazon.com/iam
   * (302) [obs: same file, "missing-action", "post-without-content-type"]; the
   * emulator answers the documented `MissingAction` (400) instead, so that every
   * answer is an AWS error document.
   */
  async function handleQuery(request: IncomingRequest, requestId: string): Promise<WireResponse> {
    let form: QueryForm;
    try {
      const type = mediaType(request);
      const text = request.method === 'GET' ? (request.rawQuery ?? '') : type === undefined || type === 'application/x-www-form-urlencoded' ? request.body : '';
      form = decodeQueryForm(text);
    } catch (err) {
      return encodeQueryError(err instanceof AwsServiceError ? err : internalFailure(), AWS_FAULT_NAMESPACE, requestId);
    }
    if (form.action === undefined) {
      return encodeQueryError(new AwsServiceError('MissingAction', 'The request is missing an action or a required parameter.', 400), AWS_FAULT_NAMESPACE, requestId);
    }
    const service = form.version === undefined ? undefined : byVersion.get(form.version);
    if (!service) {
      // [obs: argmin sts_oracle.rs "missing-version": "Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED"]
      const err = new AwsServiceError('InvalidAction', `Could not find operation ${form.action} for version ${form.version ?? 'NO_VERSION_SPECIFIED'}`, 400);
      return encodeQueryError(err, AWS_FAULT_NAMESPACE, requestId);
    }
    let response: WireResponse;
    try {
      const result = await runOperation(service, form.action, form.input, request, requestId);
      response = encodeQueryResult(form.action, service.xmlNamespace!, result, requestId);
    } catch (err) {
      response = encodeQueryError(toServiceError(err, service), service.xmlNamespace!, requestId);
    }
    observe?.({ service: service.name, operation: form.action, status: response.status, errorCode: errorCodeOf(response) });
    return response;
  }

  async function dispatch(request: IncomingRequest, requestId: string): Promise<WireResponse> {
    if (request.method === 'GET') {
      for (const route of routes) {
        const match = request.path.match(route.pattern);
        if (match) {
          const { status, body } = await route.handle(match, state, request);
          return jsonPlain(status, body);
        }
      }
    }
    const target = request.headers['x-amz-target'];
    const protocol = requestProtocol(request);
    if (protocol === 'restXml' && rest) return runRest(rest, request, requestId);
    return target !== undefined ? handleJson(request, target, requestId) : handleQuery(request, requestId);
  }

  return async function handle(request: IncomingRequest): Promise<WireResponse> {
    const response = await dispatch(request, newRequestId());
    return { ...response, headers: { ...response.headers, date: state.clock.now().toUTCString() } };
  };
}

function jsonPlain(status: number, body: unknown): WireResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function errorCodeOf(response: WireResponse): string | undefined {
  if (response.status < 400) return undefined;
  return response.headers['x-amzn-errortype']?.replace(/:$/, '') ?? /<Code>([^<]+)<\/Code>/.exec(response.body)?.[1];
}
