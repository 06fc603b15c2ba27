import type { HttpTimeouts } from '../clients/http-handler';
import type { RetryPolicy } from '../clients/propagation-retry';
import type { CaseResult } from '../runner/result';
import type { ShardRecord, ShardSpec } from '../runner/shard';
import type { SuiteDefinition } from '../runner/suite';
import { UsageError } from '../errors';
import { resolveTarget } from '../targets/registry';
import type { StartedTarget, Target } from '../targets/target';
import type { WeatherRequest } from '../targets/weather';
import { loadSuites } from './load-suites';
import { selectSuites } from './select-suites';
import { shardSuites } from './shard-suites';
import { startAsRunner } from './as-runner';

/**
 * What runContract and recordContract share: where to run and which cases.
 * `weather`, `seed` and `weatherScale` start the reference emulator in AWS's
 * weather (`aws`, or a JSON profile's path); the run then keeps under the
 * profile's quotas and waits once for IAM to settle before cases start.
 */
export interface ContractTargetOptions extends WeatherRequest {
  /**
   * A target name (`reference` by default, `aws`, `moto`, …, any name with
   * `endpoint`), a Target to start and stop, or a target already started,
   * which is left running.
   */
  target?: string | Target | StartedTarget;
  /** An emulator already running at this URL. */
  endpoint?: string;
  /** The region to run in; otherwise AWS_REGION (us-east-1 for the emulators). */
  region?: string;
  /** Deliberate faults for the reference emulator (emulator/mutants.ts), to prove the suites can fail. */
  mutants?: string[];
  /** Globs over suite names or case ids, comma-separated: `enhanced-flow`, `enhanced/custom-*`. */
  suite?: string;
  /** The suites to choose from; suites/index.ts by default. */
  suites?: readonly SuiteDefinition[];
  /** `2/3` or `{ index: 2, count: 3 }`: only that share of the selected suites (after `suite`), recorded in the report as `shard`. */
  shard?: string | ShardSpec;
  /** Where the ledger is written; `.idchain/ledger` by default. */
  ledgerDir?: string;
  retry?: RetryPolicy;
  /**
   * The permissions boundary every role and user the run creates carries;
   * on the aws target IDCHAIN_PERMISSIONS_BOUNDARY by default.
   */
  permissionsBoundary?: string;
  /**
   * Sign as a session of the CI runner role, set up on the reference emulator
   * from ci/aws/runner-policy.json and boundary-policy.json (as-runner.ts),
   * so the run proves the runner policy sufficient. Reference only.
   */
  asRunner?: boolean;
  /** Cases run at once; 4 by default (32 when the target has weather). */
  concurrency?: number;
  /** In weather, keep each service's quotas with client-side limiters (default true); false leaves throttling to the SDK's retries. */
  rateLimit?: boolean;
  /** Aborting stops new cases and cancels the calls in flight; teardown still runs, within its own deadline. */
  signal?: AbortSignal;
  /** Connection and request timeout of every SDK call. */
  timeouts?: HttpTimeouts;
  /** How long teardown may take (5 minutes by default); what it has not confirmed gone by then stays ledgered for sweep. */
  teardownTimeoutMs?: number;
  /** Aborting it starts no further case (each reports the abort's reason as its error); cases running finish, teardown runs: `--bail`. */
  stopNewCases?: AbortSignal;
  /** Progress lines: provisioning, waiting for IAM, tearing down. */
  log?: (line: string) => void;
  /** Called as each case finishes, with its final verdict (runContract has compared it with its golden). */
  onCase?: (result: CaseResult) => void;
}

/**
 * The suites and the target a contract run uses, checked before anything
 * starts (bad names are usage errors). `goldenDir` is where the shard
 * weights' reference goldens are read.
 */
export function resolveContract(options: ContractTargetOptions, goldenDir: string): { suites: SuiteDefinition[]; target: Target | StartedTarget; shard?: ShardRecord } {
  const { suites, shard } = shardSuites(selectSuites(options.suites ?? loadSuites(), options.suite), options.shard, goldenDir);
  const requested = options.target ?? 'reference';
  if (options.asRunner && (typeof requested === 'string' ? requested !== 'reference' || options.endpoint : requested.kind !== 'emulator')) {
    throw new UsageError(
      '--as-runner needs the built-in reference emulator (no --endpoint): it sets the CI runner role up there from ci/aws. On AWS, ci/aws/bootstrap.yaml creates the runner role and CI assumes it.',
    );
  }
  const weather = { weather: options.weather, seed: options.seed, weatherScale: options.weatherScale };
  if (typeof requested !== 'string' && Object.values(weather).some((v) => v !== undefined)) {
    throw new UsageError(`weather, seed and weatherScale apply to the reference emulator a run starts by name; target ${requested.name} was given as an object. Expected: target: 'reference' with them, or a target started with its own weather (referenceTarget({ weather })).`);
  }
  const target = typeof requested === 'string' ? resolveTarget({ name: requested, endpoint: options.endpoint, region: options.region, mutants: options.mutants, ...weather }) : requested;
  return { suites, target, ...(shard ? { shard } : {}) };
}

/**
 * Start the target unless it is running already; `stop` stops only what was
 * started here. With `asRunner`, the started target signs as the CI runner
 * role's session, and the boundary the runner requires is the run's.
 */
export async function startTarget(
  target: Target | StartedTarget,
  log?: (line: string) => void,
  options: Pick<ContractTargetOptions, 'asRunner' | 'permissionsBoundary'> = {},
): Promise<{ started: StartedTarget; stop: () => Promise<void>; permissionsBoundary?: string }> {
  const owned = !('credentials' in target);
  const started = 'credentials' in target ? target : await target.start({ log });
  const stop = owned ? () => started.stop() : async () => {};
  if (!options.asRunner) return { started, stop, permissionsBoundary: options.permissionsBoundary };
  try {
    const runner = await startAsRunner(started);
    log?.(`signing as ${runner.sessionArn} (runner policy ci/aws/runner-policy.json, boundary ${runner.permissionsBoundary})`);
    return { started: runner.target, stop, permissionsBoundary: runner.permissionsBoundary };
  } catch (err) {
    await stop();
    throw err;
  }
}
