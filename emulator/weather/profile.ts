// What a weather profile is, as types only: the zod schema they are inferred
// from lives in profile-schema.ts, which only a profile from outside the
// package (a file, an object) needs at run time.
import type { z } from 'zod';
import type { kind, weatherProfileSchema } from './profile-schema';

export { WEATHER_SERVICES, type WeatherService } from './services';

export type WeatherProfile = z.infer<typeof weatherProfileSchema>;
export type WeatherQuota = WeatherProfile['quotas'][number];
export type LatencySpec = WeatherProfile['latency']['default'];
export type WeatherKind = z.infer<typeof kind>;
