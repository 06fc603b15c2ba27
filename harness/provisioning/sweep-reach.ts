import { createClients } from '../clients/factory';
import type { HttpTimeouts } from '../clients/http-handler';
import { UsageError } from '../errors';
import { awsTarget, defaultAwsDeps, type AwsTargetDeps } from '../targets/aws';
import { endpointTarget } from '../targets/endpoint';
import { identifyAccount } from './account';
import type { Reach } from './sweep';

export interface ReachOptions {
  timeouts?: HttpTimeouts;
  /** Cancels sweep's calls in flight (an interrupt). */
  signal?: AbortSignal;
  env?: Record<string, string | undefined>;
  /** The aws target's seams (credentials, the account check), for tests. */
  aws?: Omit<AwsTargetDeps, 'env'>;
  log?: (line: string) => void;
}

/**
 * How the CLI reaches a ledger's place: AWS in the ledger's Region (through the
 * aws target, with its allow-list and endpoint checks), or the emulator at the
 * ledger's endpoint with the keys in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.
 * Nothing is ever started: sweeping a fresh emulator would find nothing and
 * prove nothing.
 */
export function reachTargets(options: ReachOptions = {}): Reach {
  const env = options.env ?? process.env;
  return async (place) => {
    let target;
    if (place.targetKind === 'aws') {
      target = awsTarget({ ...defaultAwsDeps, ...options.aws, env: { ...env, AWS_REGION: place.region } });
    } else {
      if (!place.endpoint) throw new UsageError(`The ledger for ${place.target} names no endpoint. Expected: the URL its emulator answered on.`);
      target = endpointTarget({ name: place.target, url: place.endpoint, region: place.region, services: place.services, env });
    }
    const started = await target.start({ log: options.log });
    const clients = createClients(started, { timeouts: options.timeouts, signal: options.signal });
    try {
      const account = await identifyAccount(clients, started);
      return {
        clients,
        account,
        close: async () => {
          clients.destroy();
          await started.stop();
        },
      };
    } catch (err) {
      clients.destroy();
      await started.stop();
      throw err;
    }
  };
}
