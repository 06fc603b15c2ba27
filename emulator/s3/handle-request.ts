import type { IncomingRequest } from '../auth/sigv4';
import { AwsServiceError } from '../errors';
import type { WireResponse } from '../protocol/wire';
import type { EmulatorState } from '../state';
import { authenticateS3 } from './authenticate';
import { readPayload } from './payload';
import { addressOf, routeOf } from './routes';
import { S3Error } from './s3-errors';
import type { S3Answer, S3Context } from './s3-request';
import { encodeS3Error, hostId } from './s3-xml';

function asS3Error(err: unknown): S3Error {
  if (err instanceof S3Error) return err;
  if (err instanceof AwsServiceError) return new S3Error(err.code, err.message, err.status);
  process.stderr.write(`[idchain emulator] internal error in s3: ${(err as Error)?.stack ?? String(err)}\n`);
  return new S3Error('InternalError', 'We encountered an internal error. Please try again.', 500);
}

function encode(answer: S3Answer, requestId: string): WireResponse {
  const headers = { 'x-amz-request-id': requestId, 'x-amz-id-2': hostId(), ...answer.headers };
  return { status: answer.status, headers, body: answer.body ?? '', bodyBytes: answer.bytes };
}

/**
 * Answer one S3 request: authenticate (SigV4 with every payload mode the SDKs
 * send), route by address and method, read the payload, run the operation
 * (which authorizes it, authorize-s3.ts), encode the answer or the error.
 */
export function s3RequestHandler(state: EmulatorState) {
  return async function handle(request: IncomingRequest, requestId: string): Promise<{ response: WireResponse; operation: string; errorCode?: string }> {
    let operation = 'Unknown';
    try {
      const now = state.clock.now();
      const caller = authenticateS3(state, request, now);
      const address = addressOf(request);
      const route = routeOf(request, address);
      operation = route.name;
      const payload = readPayload(request, caller.signing);
      const ctx: S3Context = {
        state,
        service: 's3',
        operation,
        request,
        requestId,
        now,
        caller: caller.principal,
        region: caller.region ?? state.region,
        bucketName: address.bucket,
        key: address.key,
        payload: payload.data,
        checksums: payload.checksums,
      };
      return { response: encode(await state.weather.run({ service: 's3', operation }, () => route.run(ctx)), requestId), operation };
    } catch (err) {
      const error = asS3Error(err);
      return { response: encodeS3Error(error, requestId), operation, errorCode: error.code };
    }
  };
}
