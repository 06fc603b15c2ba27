import type { LatencySpec, WeatherProfile, WeatherService } from './profile';
import { operationMatches } from './throttle';

/**
 * The latency distribution of one operation: the exact `<service>:<Operation>`
 * key, else the longest matching `<service>:<Prefix>*`, else `<service>:*`,
 * else the profile's default.
 */
export function latencyFor(profile: Pick<WeatherProfile, 'latency'>, service: WeatherService, operation: string): LatencySpec {
  let best: { spec: LatencySpec; length: number } | undefined;
  for (const [key, spec] of Object.entries(profile.latency.byOperation)) {
    const colon = key.indexOf(':');
    if (key.slice(0, colon) !== service) continue;
    const pattern = key.slice(colon + 1);
    if (!operationMatches(pattern, operation)) continue;
    // An exact name outranks every prefix; a longer prefix outranks a shorter one, `*` last.
    const length = pattern.endsWith('*') ? pattern.length - 1 : Number.MAX_SAFE_INTEGER;
    if (!best || length > best.length) best = { spec, length };
  }
  return best?.spec ?? profile.latency.default;
}
