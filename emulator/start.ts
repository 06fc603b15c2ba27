import type { Server } from 'node:http';
import { createState, type EmulatorState } from './state';
import { createRouter, type RequestObserver } from './router';
import { listen } from './server';
import { systemClock, type Clock } from './clock';
import { parseMutants, type MutantName } from './mutants';
import { bootstrapAdmin } from './bootstrap';
import { checkAdminKeys, freshAdminKeys, EmulatorOptionError, type AdminKeys } from './admin-keys';
import { controlAnswer, type EmulatorHealth } from './control';
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
import { EMULATOR_VERSION } from './version';

export interface EmulatorOptions {
  /** Interface to bind; defaults to loopback only. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  region?: string;
  accountId?: string;
  /**
   * Fixed keys for the bootstrap administrator (e.g. `test`/`test` for CI);
   * fresh ones each start without. Keys the emulator did not issue stay refused.
   */
  credentials?: AdminKeys;
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

/** The weather a started emulator answers in, and its counters so far (also at GET /_idchain/weather). */
export interface StartedWeather {
  readonly profile: WeatherProfile;
  readonly seed: number;
  readonly scale: number;
  stats(): WeatherStats;
}

/** A running reference emulator. Dispose of it (or call stop) to free the port. */
export interface StartedEmulator extends AsyncDisposable {
  readonly url: string;
  readonly region: string;
  readonly accountId: string;
  readonly version: string;
  readonly services: readonly string[];
  readonly mutants: readonly MutantName[];
  /** Long-term keys of the emulator's bootstrap admin user: fresh each start, unless fixed by `credentials`. */
  readonly credentials: AdminKeys;
  /** The weather it answers in, and its counters so far (also at GET /_idchain/weather); a reset starts them again. */
  readonly weather: StartedWeather;
  /** What GET /_idchain/health answers. */
  health(): EmulatorHealth;
  /** Forget every resource (what POST /_idchain/reset does), keeping the administrator and its keys. */
  reset(): Promise<void>;
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
  // A Region the emulator cannot derive names for, or an unknown mutant, is refused before anything starts.
  const mutants = asOptionError(() => (regionFacts(region), parseMutants(options.mutants ?? [])));
  const keys = options.credentials ? checkAdminKeys(options.credentials) : freshAdminKeys();
  const clock = options.clock ?? systemClock;
  // A bad profile, seed or scale is refused before anything listens, too (WeatherProfileError).
  const weather = { profile: resolveWeatherProfile(options.weather), seed: checkSeed(options.seed ?? 1), scale: checkScale(options.weatherScale ?? 1), sleep: options.sleep };
  // Everything the emulator knows, rebuilt whole by a reset so no service keeps a stale reference.
  const build = () => {
    const state = createState({ region, accountId: options.accountId ?? '123456789012', clock, mutants, weather });
    bootstrapAdmin(state, keys);
    const services = createServices(state);
    return { state, services, route: createRouter(state, services, options.observe) };
  };
  let world = build();
  const health = (): EmulatorHealth => ({ status: 'running', services: world.services.map((s) => s.name), region, version: EMULATOR_VERSION });
  const reset = () => {
    world.state.weather.dispose(); // the old world's waits end now; the new one's weather starts from its seed
    world = build();
  };
  const plane = { health, reset, now: () => clock.now(), admin: () => world.state.credentials.get(keys.accessKeyId)!, weather: () => world.state.weather.stats() };
  const handle: Parameters<typeof listen>[0] = async (request) => controlAnswer(request, plane) ?? world.route(request);
  const { server, url } = await listen(handle, options.host ?? '127.0.0.1', options.port ?? 0);
  const stop = () => {
    world.state.weather.dispose();
    return closeServer(server);
  };
  return {
    url,
    region,
    accountId: world.state.accountId,
    version: EMULATOR_VERSION,
    services: health().services,
    mutants: [...mutants],
    credentials: keys,
    weather: { profile: weather.profile, seed: weather.seed, scale: weather.scale, stats: () => world.state.weather.stats() },
    health,
    reset: async () => plane.reset(),
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

function asOptionError<T>(check: () => T): T {
  try {
    return check();
  } catch (err) {
    throw new EmulatorOptionError((err as Error).message);
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
