// A profile that throttles one cheap read per service after its first call, for
// the throttling tests through the SDKs. Not a test file itself.
import type { WeatherProfile, WeatherService } from './profile';
import { testProfile, TEST_CITATION } from './weather-test-support';

/** The read each service throttles: one call, then (in any test's lifetime) no token comes back. */
export const THROTTLED_READS: Record<WeatherService, string> = {
  iam: 'ListRoles',
  sts: 'GetCallerIdentity',
  'cognito-idp': 'ListUserPools',
  'cognito-identity': 'ListIdentityPools',
  s3: 'ListBuckets',
};

export function oneCallThenThrottled(): WeatherProfile {
  return testProfile({
    name: 'one-call-then-throttled',
    quotas: Object.entries(THROTTLED_READS).map(([service, operation]) => ({
      id: `${service}:${operation}`,
      service: service as WeatherService,
      operations: [operation],
      // One token, refilled at one per 1000 s.
      ratePerSecond: 0.001,
      burst: 1,
      ...TEST_CITATION,
    })),
  });
}
