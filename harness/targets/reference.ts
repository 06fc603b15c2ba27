import { canStartEmulatorThread, EmulatorOptionError, startEmulator, startEmulatorThread, type EmulatorOptions, type StartedEmulator } from '../../emulator';
import { UsageError } from '../errors';
import { ALL_SERVICES, type StartedTarget, type Target } from './target';

/**
 * The built-in reference emulator on a free loopback port: in a worker thread
 * of this process when built, else (from the sources, or with a clock) in-process.
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
        // In its own thread when it can be (the built package, no injected clock): the SDK clients and
        // the emulator then run on two cores instead of taking turns on one.
        const where = { ...options, host: '127.0.0.1', port: 0 };
        emulator = !options.clock && canStartEmulatorThread() ? await startEmulatorThread(where) : await startEmulator(where);
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
