/**
 * The reference emulator's one door: the harness, and a team's own code
 * (`idchain/emulator`), use it through these exports only.
 */
export { startEmulator, createServices, EMULATOR_VERSION, type EmulatorOptions, type StartedEmulator, type StartedWeather } from './start';
export { startEmulatorThread, canStartEmulatorThread, type ThreadEmulatorOptions } from './thread-host';
export { MUTANTS, type MutantName } from './mutants';
export type { Clock } from './clock';
export { EmulatorOptionError, parseAdminKeys, type AdminKeys } from './admin-keys';
export { CONTROL_SIGNING_SERVICE, HEALTH_PATH, RESET_PATH, WEATHER_PATH, type EmulatorHealth } from './control';
export { loadWeatherProfile, WeatherProfileError, BUNDLED_PROFILES } from './weather/load-profile';
export { effectiveQuotas } from './weather/throttle';
export type { WeatherProfile, WeatherQuota, WeatherService, WeatherKind } from './weather/profile';
export type { WeatherStats, WeatherCounts, Sleep } from './weather/weather';
