/* eslint-disable @typescript-eslint/no-require-imports */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WeatherProfile } from './profile';
import type * as ProfileSchema from './profile-schema';

/** The profiles shipped in emulator/weather/profiles/. */
export const BUNDLED_PROFILES = ['calm', 'aws'] as const;

/** A weather profile, seed or scale the emulator cannot use. The CLI answers it with exit code 2. */
export class WeatherProfileError extends Error {
  override readonly name = 'WeatherProfileError';
}

const EXPECTED = `Expected: ${BUNDLED_PROFILES.join(', ')}, or the path of a JSON weather profile (see emulator/weather/profiles/aws.json).`;

/** Check a parsed profile against the schema; `origin` names it in the message. */
export function parseWeatherProfile(value: unknown, origin: string): WeatherProfile {
  // The schema (and zod) is loaded here, on the first profile from outside the package: see loadWeatherProfile.
  const { weatherProfileSchema } = require('./profile-schema') as typeof ProfileSchema;
  const parsed = weatherProfileSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `  ${i.path.length > 0 ? i.path.join('.') : '(profile)'}: ${i.message}`);
  throw new WeatherProfileError(`Weather profile ${origin} is not valid:\n${issues.join('\n')}`);
}

/**
 * A weather profile by name (`calm`, `aws`) or by the path of a JSON file,
 * validated. Every problem says what was wrong and what is expected. The
 * bundled profiles ship with the emulator and a test holds each to the schema
 * (load-profile.test.ts), so they are read as they are: every emulator start
 * reads one, and the schema's zod would be the largest part of that start.
 */
export function loadWeatherProfile(nameOrPath: string): WeatherProfile {
  const bundled = (BUNDLED_PROFILES as readonly string[]).includes(nameOrPath);
  if (!bundled && !/[\\/]|\.json$/i.test(nameOrPath)) throw new WeatherProfileError(`Unknown weather profile '${nameOrPath}'. ${EXPECTED}`);
  const path = bundled ? join(__dirname, 'profiles', `${nameOrPath}.json`) : nameOrPath;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new WeatherProfileError(`Cannot read weather profile ${path}: ${(err as Error).message}. ${EXPECTED}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new WeatherProfileError(`Weather profile ${path} is not JSON: ${(err as Error).message}.`);
  }
  return bundled ? (json as WeatherProfile) : parseWeatherProfile(json, path);
}

let calm: WeatherProfile | undefined;

/** The calm profile, read once: every emulator state without weather has it. */
export function calmProfile(): WeatherProfile {
  return (calm ??= loadWeatherProfile('calm'));
}

/** The largest seed: seeds are hashed as text, but must be whole numbers that survive JSON. */
const MAX_SEED = Number.MAX_SAFE_INTEGER;

export function checkSeed(seed: number): number {
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_SEED) throw new WeatherProfileError(`Weather seed ${seed} is not usable. Expected: a whole number from 0 to ${MAX_SEED}.`);
  return seed;
}

/** Bounds of --weather-scale: 0 would make every rate infinite (throttle.ts), and 100× is already hours per run. */
export const SCALE_RANGE = { min: 0.0001, max: 100 } as const;

export function checkScale(scale: number): number {
  if (!Number.isFinite(scale) || scale < SCALE_RANGE.min || scale > SCALE_RANGE.max) {
    throw new WeatherProfileError(`Weather scale ${scale} is not usable. Expected: a number from ${SCALE_RANGE.min} to ${SCALE_RANGE.max} (1 is AWS's own pace; 0.01 makes every duration 100 times shorter).`);
  }
  return scale;
}

/** What startEmulator accepts for `weather`: a bundled name, a file path, or a profile object. */
export function resolveWeatherProfile(weather: string | WeatherProfile | undefined): WeatherProfile {
  if (weather === undefined) return calmProfile();
  if (typeof weather === 'string') return loadWeatherProfile(weather);
  return parseWeatherProfile(weather, `'${(weather as { name?: unknown }).name ?? 'given'}'`);
}
