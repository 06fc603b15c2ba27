import type { IncomingRequest } from '../auth/sigv4';
import { AwsServiceError } from '../errors';
import type { WireResponse } from '../protocol/wire';
import type { ServiceDefinition } from '../service';
import type { EmulatorState } from '../state';
import { authenticateS3 } from './authenticate';
import { readPayload } from './payload';
import { addressOf, routeOf, S3_OPERATIONS } from './routes';
import { S3_ACCESS } from './permissions';
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
 * Amazon S3 (restXml): path-style and `<bucket>.localhost` virtual-hosted
 * addressing, SigV4 with every payload mode the SDKs send, buckets and objects
 * in memory, and AWS's authorization of each request (authorize-s3.ts).
 */
export function createS3Service(state: EmulatorState): ServiceDefinition {
  async function handle(request: IncomingRequest, requestId: string) {
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
  }

  return {
    name: 's3',
    protocol: 'restXml',
    signingName: 's3',
    operations: {},
    unsignedOperations: new Set(),
    // The handlers check the table once the bucket is found (s3-access.ts), since the bucket's policy decides too.
    access: S3_ACCESS,
    rest: { operations: S3_OPERATIONS, handle },
  };
}
