import type { Clock } from './clock';
import type { MutantName } from './mutants';
import type { CredentialRecord } from './principal';
import { createIamState, type IamState } from './iam/state';
import { createIdpState, type IdpState } from './cognito-idp/state';
import { createIdentityState, type IdentityState } from './cognito-identity/state';
import { createS3State, type S3State } from './s3/state';
import { createWeather, type Weather, type WeatherSettings } from './weather/weather';
import { calmProfile } from './weather/load-profile';

/** Everything the emulator knows. One instance per started emulator. */
export interface EmulatorState {
  readonly accountId: string;
  readonly region: string;
  readonly clock: Clock;
  readonly mutants: ReadonlySet<MutantName>;
  /** Every access key the emulator honours, long-term and temporary. */
  readonly credentials: Map<string, CredentialRecord>;
  readonly iam: IamState;
  readonly idp: IdpState;
  readonly identity: IdentityState;
  readonly s3: S3State;
  /** Latency, throttling, faults and IAM propagation; calm (none of them) unless a profile was given. */
  readonly weather: Weather;
}

export interface StateOptions {
  accountId: string;
  region: string;
  clock: Clock;
  mutants: ReadonlySet<MutantName>;
  weather?: WeatherSettings;
}

export function createState(opts: StateOptions): EmulatorState {
  const { weather, ...rest } = opts;
  const iam = createIamState();
  return {
    ...rest,
    credentials: new Map(),
    iam,
    idp: createIdpState(),
    identity: createIdentityState(),
    s3: createS3State(),
    weather: createWeather(weather ?? { profile: calmProfile(), seed: 1, scale: 1 }, { iam, now: () => opts.clock.now().getTime() }),
  };
}
