import { AwsServiceError } from './errors';
import { AuthError, type AuthFailure, type IncomingRequest, verifySignature } from './auth/sigv4';
import { decodeJsonBody, encodeJsonError, encodeJsonResult } from './protocol/aws-json';
import { decodeQueryForm, encodeQueryError, encodeQueryResult } from './protocol/aws-query';
import type { WireResponse } from './protocol/wire';
import type { EmulatorState } from './state';
import type { RequestContext, ServiceDefinition } from './service';
import type { Principal } from './principal';
import { requestId as newRequestId } from './ids';

const JSON_AUTH_ERRORS: Record<AuthFailure, [string, number]> = {
  missing: ['MissingAuthenticationTokenException', 400],
  'unknown-key': ['UnrecognizedClientException', 400],
  'bad-token': ['UnrecognizedClientException', 400],
  'bad-signature': ['InvalidSignatureException', 400],
  expired: ['ExpiredTokenException', 400],
};

const QUERY_AUTH_ERRORS: Record<AuthFailure, [string, number]> = {
  missing: ['MissingAuthenticationToken', 403],
  'unknown-key': ['InvalidClientTokenId', 403],
  'bad-token': ['InvalidClientTokenId', 403],
  'bad-signature': ['SignatureDoesNotMatch', 403],
  expired: ['ExpiredToken', 403],
};

/** Called once per request after the answer is known: lets tests and logs observe traffic. */
export type RequestObserver = (entry: { service: string; operation: string; status: number; errorCode?: string }) => void;

/**
 * The emulator's whole request path, free of sockets: route by protocol
 * (X-Amz-Target for awsJson1_1, form `Action`/`Version` for awsQuery), check
 * the signature, run the operation, encode the answer or the error.
 */
export function createRouter(state: EmulatorState, services: readonly ServiceDefinition[], observe?: RequestObserver) {
  const byTarget = new Map(services.filter((s) => s.targetPrefix).map((s) => [s.targetPrefix!, s]));
  const byVersion = new Map(services.filter((s) => s.queryVersion).map((s) => [s.queryVersion!, s]));
  const routes = services.flatMap((s) => s.httpRoutes ?? []);
  const rest = services.find((s) => s.rest);

  async function authenticate(
    service: ServiceDefinition,
    operation: string,
    request: IncomingRequest,
    now: Date,
  ): Promise<{ caller?: Principal; region?: string }> {
    const signed = request.headers['authorization'] !== undefined;
    if (!signed && service.unsignedOperations.has(operation)) return {};
    const { record, auth } = await verifySignature(request, (id) => state.credentials.get(id), now);
    return { caller: record.principal, region: auth.region };
  }

  async function runOperation(
    service: ServiceDefinition,
    operation: string,
    input: Record<string, unknown>,
    request: IncomingRequest,
    requestId: string,
  ): Promise<unknown> {
    const handler = Object.prototype.hasOwnProperty.call(service.operations, operation) ? service.operations[operation] : undefined;
    const now = state.clock.now();
    const { caller, region } = await authenticate(service, operation, request, now);
    if (!handler) {
      throw service.protocol === 'awsJson1_1'
        ? new AwsServiceError('UnknownOperationException', `Operation ${operation} is not supported by this emulator.`, 400)
        : new AwsServiceError('InvalidAction', `Could not find operation ${operation} for version ${service.queryVersion}`, 400);
    }
    const ctx: RequestContext = {
      state,
      requestId,
      service: service.name,
      operation,
      caller,
      region: region ?? state.region,
      now,
    };
    return handler(input, ctx);
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
      : new AwsServiceError('InternalFailure', 'An internal error occurred in the idchain reference emulator.', 500);
  }

  async function runRest(service: ServiceDefinition, request: IncomingRequest, requestId: string): Promise<WireResponse> {
    const { response, operation, errorCode } = await service.rest!.handle(request, requestId);
    observe?.({ service: service.name, operation, status: response.status, errorCode });
    return response;
  }

  return async function handle(request: IncomingRequest): Promise<WireResponse> {
    const requestId = newRequestId();
    // S3 is REST: a request signed for it, or an anonymous one no other route takes, is its.
    if (rest?.rest!.claims(request)) return runRest(rest, request, requestId);

    if (request.method === 'GET') {
      if (request.path === '/health' || request.path === '/_idchain/health') {
        return jsonPlain(200, { status: 'running', services: services.map((s) => s.name) });
      }
      for (const route of routes) {
        const match = request.path.match(route.pattern);
        if (match) {
          const { status, body } = await route.handle(match, state, request);
          return jsonPlain(status, body);
        }
      }
      if (rest) return runRest(rest, request, requestId);
      return jsonPlain(404, { message: `No route for GET ${request.path}` });
    }
    if (rest && request.method !== 'POST') return runRest(rest, request, requestId);

    const target = request.headers['x-amz-target'];
    if (target) {
      const dot = target.lastIndexOf('.');
      const service = byTarget.get(target.slice(0, dot));
      const operation = target.slice(dot + 1);
      if (!service) {
        return encodeJsonError(new AwsServiceError('UnknownOperationException', `Unknown target ${target}`, 400), requestId);
      }
      let response: WireResponse;
      try {
        const input = decodeJsonBody(request.body);
        const result = await runOperation(service, operation, input, request, requestId);
        response = encodeJsonResult(result, requestId);
      } catch (err) {
        response = encodeJsonError(toServiceError(err, service), requestId);
      }
      observe?.({ service: service.name, operation, status: response.status, errorCode: errorCodeOf(response) });
      return response;
    }

    const { action, version, input } = decodeQueryForm(request.body);
    const service = byVersion.get(version);
    if (!service) {
      const err = new AwsServiceError(
        'InvalidAction',
        version ? `Could not find operation ${action} for version ${version}` : 'The request must contain the parameter Version.',
        400,
      );
      return encodeQueryError(err, 'https://sts.amazonaws.com/doc/2011-06-15/', requestId);
    }
    let response: WireResponse;
    try {
      const result = await runOperation(service, action, input, request, requestId);
      response = encodeQueryResult(action, service.xmlNamespace!, result, requestId);
    } catch (err) {
      response = encodeQueryError(toServiceError(err, service), service.xmlNamespace!, requestId);
    }
    observe?.({ service: service.name, operation: action, status: response.status, errorCode: errorCodeOf(response) });
    return response;
  };
}

function jsonPlain(status: number, body: unknown): WireResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function errorCodeOf(response: WireResponse): string | undefined {
  if (response.status < 400) return undefined;
  return response.headers['x-amzn-errortype']?.replace(/:$/, '') ?? /<Code>([^<]+)<\/Code>/.exec(response.body)?.[1];
}
