import { effectiveQuotas, loadWeatherProfile, WeatherProfileError, type WeatherProfile, type WeatherQuota } from '../../emulator';
import { UsageError } from '../errors';

/**
 * The weather a run meets, as the harness plans for it: the quotas to size
 * its rate limiters from (as they act at this scale), how long an IAM change
 * may take to propagate at most, and where the numbers come from. A
 * weathered reference emulator has the weather it was started with; AWS has
 * its own, which idchain's `aws` profile describes (emulator/weather/profiles/aws.json).
 */
export interface TargetWeather {
  /** The profile's name: `aws`, or a file's `name`. */
  profile: string;
  /** The emulator's seed; undefined on AWS, whose weather is its own. */
  seed?: number;
  /** Every duration multiplied by this; 1 on AWS. */
  scale: number;
  quotas: WeatherQuota[];
  /** The longest an IAM change takes to reach STS and Cognito (the profile's propagation maxMs × scale). */
  propagationBoundMs: number;
}

/** What a run asks for on the command line or in RunContractOptions: `--weather`, `--seed`, `--weather-scale`. */
export interface WeatherRequest {
  /** `calm` (default, today's emulator), `aws`, or the path of a JSON weather profile. */
  weather?: string;
  seed?: number;
  weatherScale?: number;
}

/** Whether the request asks for any weather at all: calm is the emulator as it always was. */
export function isWeathered(request: WeatherRequest): boolean {
  return request.weather !== undefined && request.weather !== 'calm';
}

/** The weather a profile makes at a scale. */
export function targetWeather(profile: WeatherProfile, scale: number, seed?: number): TargetWeather {
  return { profile: profile.name, seed, scale, quotas: effectiveQuotas(profile, scale), propagationBoundMs: profile.propagation.maxMs * scale };
}

/**
 * What to plan for on real AWS: the `aws` profile at AWS's own pace. Its
 * quotas are AWS's documented defaults (estimates for IAM, marked so in the
 * profile), and its propagation bound is the longest delay idchain expects.
 */
export function expectedAwsWeather(): TargetWeather {
  return targetWeather(loadWeatherProfile('aws'), 1);
}

/**
 * Check a weather request before anything starts: only the built-in
 * reference emulator can be given weather (AWS has its own; another emulator
 * or one already running at an --endpoint has whatever it has), the profile
 * must load, and a seed or scale without a weather means nothing. Each
 * problem is a UsageError (exit 2) saying what was expected.
 */
export function checkWeatherRequest(request: WeatherRequest, target: { name: string; endpoint?: string }): WeatherProfile | undefined {
  const asked = [request.weather !== undefined && '--weather', request.seed !== undefined && '--seed', request.weatherScale !== undefined && '--weather-scale'].filter(Boolean);
  if (asked.length === 0) return undefined;
  if (target.name !== 'reference' || target.endpoint !== undefined) {
    const where = target.endpoint !== undefined ? `the emulator already running at ${target.endpoint}` : `--target ${target.name}`;
    throw new UsageError(
      `${asked.join(', ')} cannot be used with ${where}: weather is the built-in reference emulator's (${target.name === 'aws' ? 'AWS has weather of its own' : 'idchain does not start that one'}). Expected: --target reference without --endpoint, or no weather flags.`,
    );
  }
  if (!isWeathered(request)) {
    if (request.seed === undefined && request.weatherScale === undefined) return undefined;
    throw new UsageError(`${asked.filter((a) => a !== '--weather').join(' and ')} shape a weather, and the run has none (calm). Expected: --weather aws or --weather FILE with them, or neither.`);
  }
  try {
    return loadWeatherProfile(request.weather!);
  } catch (err) {
    if (err instanceof WeatherProfileError) throw new UsageError(err.message);
    throw err;
  }
}
