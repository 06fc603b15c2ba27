import { canStartEmulatorThread, EmulatorOptionError, startEmulator, startEmulatorThread, WeatherProfileError, type EmulatorOptions, type StartedEmulator } from '../../emulator';
import { UsageError } from '../errors';
import { ALL_SERVICES, type StartedTarget, type Target } from './target';
import { targetWeather } from './weather';

/**
 * The built-in reference emulator on a free loopback port: in a worker thread
 * of this process when built, else (from the sources, or with a clock) in-process.
 * `mutants` deliberately breaks named behaviours, to prove the suites can fail;
 * `weather` (with `seed` and `weatherScale`) makes it answer in AWS's weather
 * (emulator/weather/), which the run then plans for.
 */
export function referenceTarget(options: Pick<EmulatorOptions, 'mutants' | 'clock' | 'region' | 'weather' | 'seed' | 'weatherScale'> = {}): Target {
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
        // A Region, mutant, profile, seed or scale the emulator cannot use: bad usage, and nothing was started.
        throw err instanceof EmulatorOptionError || err instanceof WeatherProfileError ? new UsageError(err.message) : err;
      }
      const { profile, seed, scale } = emulator.weather;
      const weathered = profile.name !== 'calm' || (typeof options.weather === 'string' && options.weather !== 'calm');
      log?.(`reference emulator ${emulator.version} listening on ${emulator.url}${weathered ? `, weather ${profile.name} (seed ${seed}, scale ${scale})` : ''}`);
      return {
        name: 'reference',
        kind: 'emulator',
        services: ALL_SERVICES,
        region: emulator.region,
        endpoint: emulator.url,
        credentials: emulator.credentials,
        version: emulator.version,
        account: emulator.accountId,
        lifetime: 'in-process',
        ...(weathered ? { weather: targetWeather(profile, scale, seed) } : {}),
        stop: () => emulator.stop(),
        [Symbol.asyncDispose]: () => emulator.stop(),
      };
    },
  };
}
