import type { Clock } from './clock';
import type { MutantName } from './mutants';
import type { CredentialRecord } from './principal';
import { createIamState, type IamState } from './iam/state';
import { createIdpState, type IdpState } from './cognito-idp/state';
import { createIdentityState, type IdentityState } from './cognito-identity/state';
import { createS3State, type S3State } from './s3/state';

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
}

export interface StateOptions {
  accountId: string;
  region: string;
  clock: Clock;
  mutants: ReadonlySet<MutantName>;
}

export function createState(opts: StateOptions): EmulatorState {
  return {
    ...opts,
    credentials: new Map(),
    iam: createIamState(),
    idp: createIdpState(),
    identity: createIdentityState(),
    s3: createS3State(),
  };
}
