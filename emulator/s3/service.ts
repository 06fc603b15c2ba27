import type { ServiceDefinition } from '../service';
import type { EmulatorState } from '../state';
import { onFirstCall } from '../on-first-call';
import { S3_ACCESS } from './permissions';
import type * as HandleRequest from './handle-request';
import type * as Routes from './routes';

/* eslint-disable @typescript-eslint/no-require-imports */

/**
 * Amazon S3 (restXml): path-style and `<bucket>.localhost` virtual-hosted
 * addressing, SigV4 with every payload mode the SDKs send, buckets and objects
 * in memory, and AWS's authorization of each request (authorize-s3.ts). Its
 * request path and operations are loaded on the first S3 request (on-first-call.ts).
 */
export function createS3Service(state: EmulatorState): ServiceDefinition {
  const handle = onFirstCall(() => (require('./handle-request') as typeof HandleRequest).s3RequestHandler(state));
  return {
    name: 's3',
    protocol: 'restXml',
    signingName: 's3',
    operations: {},
    unsignedOperations: new Set(),
    // The handlers check the table once the bucket is found (s3-access.ts), since the bucket's policy decides too.
    access: S3_ACCESS,
    rest: {
      get operations() {
        return (require('./routes') as typeof Routes).S3_OPERATIONS;
      },
      handle,
    },
  };
}
