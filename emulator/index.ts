/**
 * The reference emulator's one door: the harness, and a team's own code
 * (`idchain/emulator`), use it through these exports only.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as Start from './start';

// The emulator itself (start.ts: its server, router, services and policy
// engine, some eighty modules) is loaded on the first call that needs it, not
// with this door: the harness's reference target runs the emulator in a worker
// thread, which loads its own copy, and its main thread needs only the thread
// host, the errors and the weather's quotas from here. require(), not import():
// the build is CommonJS.
const start = (): typeof Start => require('./start') as typeof Start;

/**
 * Start the reference emulator: one HTTP server answering IAM and STS (awsQuery),
 * Cognito user pools and identity pools (awsJson1_1) and S3 (restXml) the way AWS does.
 */
export const startEmulator: typeof Start.startEmulator = (...args) => start().startEmulator(...args);
/** The emulator's services over a state, for tests that drive the router without a server. */
export const createServices: typeof Start.createServices = (...args) => start().createServices(...args);
export { EMULATOR_VERSION } from './version';
export type { EmulatorOptions, StartedEmulator, StartedWeather } from './start';
export { startEmulatorThread, canStartEmulatorThread, type ThreadEmulatorOptions } from './thread-host';
export { MUTANTS, type MutantName } from './mutants';
export type { Clock } from './clock';
export { EmulatorOptionError, parseAdminKeys, type AdminKeys } from './admin-keys';
export { CONTROL_SIGNING_SERVICE, HEALTH_PATH, RESET_PATH, WEATHER_PATH, type EmulatorHealth } from './control';
export { loadWeatherProfile, WeatherProfileError, BUNDLED_PROFILES } from './weather/load-profile';
export { effectiveQuotas } from './weather/throttle';
export type { WeatherProfile, WeatherQuota, WeatherService, WeatherKind } from './weather/profile';
export type { WeatherStats, WeatherCounts, Sleep } from './weather/weather';
