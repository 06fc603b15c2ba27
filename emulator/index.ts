import type { Server } from 'node:http';
import { createState, type EmulatorState } from './state';
import { createRouter, type RequestObserver } from './router';
import { listen } from './server';
import { systemClock, type Clock } from './clock';
import { parseMutants, MUTANTS, type MutantName } from './mutants';
import { bootstrapAdmin } from './bootstrap';
import { createIamService } from './iam/service';
import { createStsService } from './sts/service';
import { createIdpService } from './cognito-idp/service';
import { createIdentityService } from './cognito-identity/service';
import { createS3Service } from './s3/service';
import type { ServiceDefinition } from './service';
import { regionFacts } from './region';
import { checkScale, checkSeed, resolveWeatherProfile } from './weather/load-profile';
import type { WeatherProfile } from './weather/profile';
import type { Sleep, WeatherStats } from './weather/weather';

export { MUTANTS, type MutantName };
export type { Clock };
export { loadWeatherProfile, WeatherProfileError, BUNDLED_PROFILES } from './weather/load-profile';
export { effectiveQuotas } from './weather/throttle';
export type { WeatherProfile, WeatherQuota, WeatherService, WeatherKind } from './weather/profile';
export type { WeatherStats, WeatherCounts, Sleep } from './weather/weather';

export const EMULATOR_VERSION = '0.1.0';

export interface EmulatorOptions {
  /** Interface to bind; defaults to loopback only. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  region?: string;
  accountId?: string;
  clock?: Clock;
  /** Deliberate faults, for proving the suites can fail. See MUTANTS. */
  mutants?: Iterable<string>;
  observe?: RequestObserver;
  /**
   * AWS's weather: `calm` (default: answers at once, no throttling, no faults,
   * IAM changes visible everywhere at once), `aws` (emulator/weather/profiles/aws.json),
   * the path of a JSON profile, or a profile object. Invalid → WeatherProfileError.
   */
  weather?: string | WeatherProfile;
  /** Same seed and same calls → same weather. Default 1. */
  seed?: number;
  /** Multiplies every duration of the weather (latency, propagation, throttle refill period). Default 1. */
  weatherScale?: number;
  /** How the weather waits; tests pass one that advances their clock instead of waiting. */
  sleep?: Sleep;
}

/** A running reference emulator. Dispose of it (or call stop) to free the port. */
export interface StartedEmulator extends AsyncDisposable {
  readonly url: string;
  readonly region: string;
  readonly accountId: string;
  readonly version: string;
  readonly services: readonly string[];
  readonly mutants: readonly MutantName[];
  /** Long-term keys of the emulator's bootstrap admin user, fresh each start. */
  readonly credentials: { accessKeyId: string; secretAccessKey: string };
  /** The weather it answers in, and its counters so far (also at GET /_idchain/weather). */
  readonly weather: { readonly profile: WeatherProfile; readonly seed: number; readonly scale: number; stats(): WeatherStats };
  stop(): Promise<void>;
}

export function createServices(state: EmulatorState): ServiceDefinition[] {
  return [createIamService(state), createStsService(state), createIdpService(state), createIdentityService(state), createS3Service(state)];
}

/**
 * Start the reference emulator: one HTTP server answering IAM and STS (awsQuery),
 * Cognito user pools and identity pools (awsJson1_1) and S3 (restXml) the way AWS does.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<StartedEmulator> {
  const region = options.region ?? 'us-east-1';
  regionFacts(region); // a Region the emulator cannot derive names for is refused before anything starts
  // A bad profile, seed or scale is refused before anything listens, too.
  const weather = { profile: resolveWeatherProfile(options.weather), seed: checkSeed(options.seed ?? 1), scale: checkScale(options.weatherScale ?? 1), sleep: options.sleep };
  const state = createState({
    region,
    accountId: options.accountId ?? '123456789012',
    clock: options.clock ?? systemClock,
    mutants: parseMutants(options.mutants ?? []),
    weather,
  });
  const credentials = bootstrapAdmin(state);
  const services = createServices(state);
  const { server, url } = await listen(createRouter(state, services, options.observe), options.host ?? '127.0.0.1', options.port ?? 0);
  const stop = () => {
    state.weather.dispose();
    return closeServer(server);
  };
  return {
    url,
    region: state.region,
    accountId: state.accountId,
    version: EMULATOR_VERSION,
    services: services.map((s) => s.name),
    mutants: [...state.mutants],
    credentials,
    weather: { profile: weather.profile, seed: weather.seed, scale: weather.scale, stats: () => state.weather.stats() },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
