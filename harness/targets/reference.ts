import { EmulatorOptionError, startEmulator, type EmulatorOptions, type StartedEmulator } from '../../emulator';
import { UsageError } from '../errors';
import { ALL_SERVICES, type StartedTarget, type Target } from './target';

/**
 * The built-in reference emulator, started in-process on a free loopback port.
 * `mutants` deliberately breaks named behaviours, to prove the suites can fail.
 */
export function referenceTarget(options: Pick<EmulatorOptions, 'mutants' | 'clock' | 'region'> = {}): Target {
  return {
    name: 'reference',
    kind: 'emulator',
    services: ALL_SERVICES,
    async start({ log } = {}): Promise<StartedTarget> {
      let emulator: StartedEmulator;
      try {
        emulator = await startEmulator({ ...options, host: '127.0.0.1', port: 0 });
      } catch (err) {
        throw err instanceof EmulatorOptionError ? new UsageError(err.message) : err;
      }
      log?.(`reference emulator ${emulator.version} listening on ${emulator.url}`);
      return {
        name: 'reference',
        kind: 'emulator',
        services: ALL_SERVICES,
        region: emulator.region,
        endpoint: emulator.url,
        credentials: emulator.credentials,
        version: emulator.version,
        stop: () => emulator.stop(),
        [Symbol.asyncDispose]: () => emulator.stop(),
      };
    },
  };
}
