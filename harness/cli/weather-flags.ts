import type { WeatherRequest } from '../targets/weather';
import { decimal, wholeNumber } from './commands/emulator';

/** `--weather`, `--seed` and `--weather-scale` as typed: what `run` and `record` take. */
export interface WeatherFlags {
  weather?: string;
  seed?: string;
  weatherScale?: string;
}

/**
 * The flags as a weather request, a malformed number refused as bad usage
 * (exit 2) before anything starts; which targets may have weather, and
 * whether the profile loads, the target registry checks (targets/weather.ts).
 */
export function weatherRequest(flags: WeatherFlags): WeatherRequest {
  return {
    weather: flags.weather,
    seed: flags.seed === undefined ? undefined : wholeNumber(flags.seed, '--seed'),
    weatherScale: flags.weatherScale === undefined ? undefined : decimal(flags.weatherScale, '--weather-scale'),
  };
}
