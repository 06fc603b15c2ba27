import type { TargetWeather } from './weather';

/** Static AWS credentials, as the SDK clients take them. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export type ServiceName = 'cognito-idp' | 'cognito-identity' | 'sts' | 'iam' | 's3';
export const ALL_SERVICES: readonly ServiceName[] = ['cognito-idp', 'cognito-identity', 'sts', 'iam', 's3'];

/** Where a run goes. `start()` brings it up (or checks it is reachable) and returns a started target. */
export interface Target {
  readonly name: string;
  /** Services this target claims to emulate; a case needing another is `unsupported`. */
  readonly services: readonly ServiceName[];
  /** Real AWS writes `aws` goldens; everything else is an emulator. */
  readonly kind: 'aws' | 'emulator';
  start(options: TargetStartOptions): Promise<StartedTarget>;
}

export interface TargetStartOptions {
  /** Called with progress lines a user may want to see (starting, waiting, ready). */
  log?: (line: string) => void;
}

/**
 * Whose an emulator's state is, so `sweep` knows what a crashed run took with
 * it: `in-process` lives inside the process that started it and ends with it
 * (the reference emulator a run starts); `started` is a server or container the
 * run started and stops (moto, cognito-local, LocalStack without --endpoint);
 * `independent` outlives every run (AWS, or any --endpoint).
 */
export type TargetLifetime = 'in-process' | 'started' | 'independent';

export interface StartedTarget extends AsyncDisposable {
  readonly name: string;
  readonly kind: 'aws' | 'emulator';
  readonly services: readonly ServiceName[];
  readonly region: string;
  /** Undefined for AWS: the SDK picks the regional endpoints. */
  readonly endpoint?: string;
  readonly credentials: Credentials;
  /** The target's own version, where it tells. */
  readonly version?: string;
  /** The account the credentials act in, when the target knows it without asking (AWS after its allow-list check, the reference emulator). */
  readonly account?: string;
  /** `independent` when not said. */
  readonly lifetime?: TargetLifetime;
  /**
   * The weather the run meets, when it is planned for: a weathered reference
   * emulator's, or AWS's own as idchain's `aws` profile describes it. The run
   * sizes its rate limiters and its IAM propagation wait from it.
   */
  readonly weather?: TargetWeather;
  stop(): Promise<void>;
  /**
   * Forget every resource the target holds, where it can (moto's
   * `POST /moto-api/reset`). The runner calls it between suites so one
   * suite's leftovers never change another's answers.
   */
  reset?(): Promise<void>;
}
